import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
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
