import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderAt } from '../../testing/render';
import { CreateNamespaceModal } from './components/CreateNamespaceModal';

/** The create dialog, open, on a page of region cn-north-4. */
const renderDialog = (locale?: 'en-US' | 'zh-CN') =>
  renderAt(
    '/cn-north-4/x',
    [
      {
        path: '/:region/x',
        element: <CreateNamespaceModal region="cn-north-4" open onClose={() => undefined} />,
      },
    ],
    { locale },
  );

describe('the create organization dialog', () => {
  it('when a bad name is typed, then the rule is shown at the field as you type, and a good one clears it', async () => {
    const user = userEvent.setup();
    renderDialog();
    const input = await screen.findByLabelText('Name');
    await user.type(input, 'Bad_Name');
    expect(
      await screen.findByText('Capital letters are not allowed: use lower-case letters.', {
        selector: '.ant-form-item-explain-error',
      }),
    ).toBeVisible();
    await user.clear(input);
    await user.type(input, 'team-');
    expect(
      await screen.findByText('It must end with a letter or a digit (also before each /).', {
        selector: '.ant-form-item-explain-error',
      }),
    ).toBeVisible();
    await user.clear(input);
    await user.type(input, 'good-name');
    await waitFor(() => expect(document.querySelector('.ant-form-item-explain-error')).toBeNull());
  });

  it('when a name too long is pasted, then it is kept whole, counted, refused at the field, and nothing is sent', async () => {
    const user = userEvent.setup();
    renderDialog();
    const input = await screen.findByLabelText('Name');
    await user.click(input);
    await user.paste('a'.repeat(300));
    expect(input).toHaveValue('a'.repeat(300));
    expect(screen.getByText('300 / 64')).toBeVisible();
    expect(
      await screen.findByText('This is 300 characters long; at most 64 are allowed.', {
        selector: '.ant-form-item-explain-error',
      }),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('when shown in Chinese, then the labels and rules are Chinese', async () => {
    renderDialog('zh-CN');
    expect(await screen.findByRole('dialog')).toHaveTextContent('创建组织');
    expect(screen.getByLabelText('名称')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '创建' })).toBeInTheDocument();
  });
});
