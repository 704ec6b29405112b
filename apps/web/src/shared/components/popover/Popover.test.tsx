import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Popover } from './Popover';

function renderAccount() {
  render(
    <>
      <Popover aria-label="Account menu" title="Account details" trigger="alice">
        <dl>
          <dt>User</dt>
          <dd>alice</dd>
        </dl>
        <button type="button">Sign out</button>
      </Popover>
      <button type="button">After</button>
    </>,
  );
  return screen.getByRole('button', { name: 'Account menu' });
}

describe('Popover', () => {
  it('when its button is clicked, then the panel opens as a named dialog with focus in it, and a second click closes it', async () => {
    const user = userEvent.setup();
    const button = renderAccount();
    expect(button).toHaveTextContent('alice');
    expect(button).toHaveAttribute('aria-haspopup', 'dialog');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    const panel = screen.getByRole('dialog', { name: 'Account details' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveAttribute('aria-controls', panel.id);
    expect(panel).toHaveFocus();
    expect(within(panel).getByText('User')).toBeVisible();
    await user.click(button);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('when Escape is pressed in the panel, then it closes and focus is back on the button', async () => {
    const user = userEvent.setup();
    const button = renderAccount();
    await user.tab();
    await user.keyboard('{Enter}');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Sign out' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button).toHaveFocus();
  });

  it('when focus tabs out of the panel, then it closes', async () => {
    const user = userEvent.setup();
    const button = renderAccount();
    await user.click(button);
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('when the mouse goes down outside, then it closes and focus is back on the button', async () => {
    const user = userEvent.setup();
    const button = renderAccount();
    await user.click(button);
    fireEvent.mouseDown(document.body);
    expect(screen.queryByRole('dialog')).toBeNull();
    // The panel took the focus with it; it comes back to the button.
    await new Promise((resolve) => setTimeout(resolve));
    expect(button).toHaveFocus();
  });
});
