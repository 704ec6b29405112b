import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAt } from '../../testing/render';
import { safeNext, SignInPage } from './SignInPage';

describe('where sign-in returns to', () => {
  it.each([
    ['/cn-north-4/repositories?page=2', '/cn-north-4/repositories?page=2'],
    ['//evil.example/x', undefined],
    ['https://evil.example', undefined],
    [null, undefined],
  ])('when next is %s, then it goes to %s', (next, expected) =>
    expect(safeNext(next)).toBe(expected),
  );
});

describe('the sign-in form', () => {
  it('when submitted empty, then each field says what to enter and nothing is sent', async () => {
    const user = userEvent.setup();
    renderAt('/sign-in', [{ path: '/sign-in', element: <SignInPage /> }]);
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter Access key ID (AK).')).toBeVisible();
    expect(screen.getByText('Enter Secret access key (SK).')).toBeVisible();
  });

  it('when the IAM user tab is chosen, then account, user name and password are asked', async () => {
    const user = userEvent.setup();
    renderAt('/sign-in', [{ path: '/sign-in', element: <SignInPage /> }]);
    await user.click(await screen.findByRole('tab', { name: 'IAM user' }));
    expect(screen.getByLabelText('Account name')).toBeInTheDocument();
    expect(screen.getByLabelText('IAM user name')).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toBeInTheDocument();
  });
});

describe('the plain controls of the sign-in page', () => {
  afterEach(() => vi.mocked(fetch).mockReset());

  it('when a field was wrong and is then filled, then its error goes and the field is valid again', async () => {
    const user = userEvent.setup();
    renderAt('/sign-in', [{ path: '/sign-in', element: <SignInPage /> }]);
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    const accessKey = screen.getByLabelText('Access key ID (AK)');
    expect(accessKey).toHaveAttribute('aria-invalid', 'true');
    expect(accessKey).toHaveAccessibleDescription('Enter Access key ID (AK).');
    expect(accessKey).toHaveFocus();
    await user.type(accessKey, 'AK1');
    expect(accessKey).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Enter Access key ID (AK).')).toBeNull();
    await user.clear(accessKey);
    expect(screen.getByText('Enter Access key ID (AK).')).toBeVisible();
  });

  it('when the eye is pressed, then the secret is shown, and hidden again', async () => {
    const user = userEvent.setup();
    renderAt('/sign-in', [{ path: '/sign-in', element: <SignInPage /> }]);
    const secret = await screen.findByLabelText('Secret access key (SK)');
    expect(secret).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Show what you typed' }));
    expect(secret).toHaveAttribute('type', 'text');
    await user.click(screen.getByRole('button', { name: 'Hide what you typed' }));
    expect(secret).toHaveAttribute('type', 'password');
  });

  it('when an arrow key is pressed on a tab, then the other tab is chosen and focused', async () => {
    const user = userEvent.setup();
    renderAt('/sign-in', [{ path: '/sign-in', element: <SignInPage /> }]);
    const accessKeyTab = await screen.findByRole('tab', { name: 'Access key' });
    expect(accessKeyTab).toHaveAttribute('aria-selected', 'true');
    accessKeyTab.focus();
    await user.keyboard('{ArrowRight}');
    const iamTab = screen.getByRole('tab', { name: 'IAM user' });
    expect(iamTab).toHaveAttribute('aria-selected', 'true');
    expect(iamTab).toHaveFocus();
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('IAM user');
  });

  it('when the server refuses a field, then its words are shown at that field', async () => {
    vi.mocked(fetch).mockImplementation(async (input) =>
      String(input).endsWith('/api/csrf')
        ? Response.json({ csrfToken: 'token' })
        : Response.json(
            {
              title: 'Bad Request',
              status: 400,
              code: 'INVALID_INPUT',
              errors: [{ field: 'accessKey', message: 'An access key has 20 characters.' }],
            },
            { status: 400 },
          ),
    );
    const user = userEvent.setup();
    renderAt('/sign-in', [{ path: '/sign-in', element: <SignInPage /> }]);
    await user.type(await screen.findByLabelText('Access key ID (AK)'), 'short');
    await user.type(screen.getByLabelText('Secret access key (SK)'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Access key ID (AK)')).toHaveAccessibleDescription(
        'An access key has 20 characters.',
      ),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
