import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { MenuButton } from './MenuButton';

type Mode = 'light' | 'dark' | 'system';
const ITEMS: { key: Mode; label: string }[] = [
  { key: 'light', label: 'Light' },
  { key: 'dark', label: 'Dark' },
  { key: 'system', label: 'Follow system' },
];

function Theme({ onSelect = () => undefined }: { onSelect?: (mode: Mode) => void }) {
  const [mode, setMode] = useState<Mode>('dark');
  return (
    <>
      <MenuButton
        aria-label={`Theme: ${mode}`}
        items={ITEMS}
        checked={mode}
        onSelect={(next) => {
          setMode(next);
          onSelect(next);
        }}
      />
      <button type="button">After</button>
    </>
  );
}

function renderTheme() {
  const onSelect = vi.fn();
  render(<Theme onSelect={onSelect} />);
  return { button: screen.getByRole('button', { name: /^Theme/ }), onSelect };
}

describe('MenuButton', () => {
  it('when opened by click, then focus goes to the checked item, and a click on another chooses it', async () => {
    const user = userEvent.setup();
    const { button, onSelect } = renderTheme();
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    const menu = screen.getByRole('menu', { name: 'Theme: dark' });
    expect(menu.parentElement).toBe(document.body);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveAttribute('aria-controls', menu.id);
    expect(screen.getByRole('menuitemradio', { name: 'Dark' })).toHaveFocus();
    expect(screen.getByRole('menuitemradio', { name: 'Dark' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    expect(screen.getByRole('menuitemradio', { name: 'Light' })).toHaveAttribute(
      'aria-checked',
      'false',
    );
    await user.click(screen.getByRole('menuitemradio', { name: 'Light' }));
    expect(onSelect).toHaveBeenCalledWith('light');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button).toHaveFocus();
    expect(button).toHaveAccessibleName('Theme: light');
  });

  it('when used by keyboard, then the arrows go round, Home and End reach the ends, and Enter or Space chooses', async () => {
    const user = userEvent.setup();
    const { button, onSelect } = renderTheme();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('menuitemradio', { name: 'Dark' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitemradio', { name: 'Follow system' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitemradio', { name: 'Light' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitemradio', { name: 'Follow system' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('menuitemradio', { name: 'Light' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('menuitemradio', { name: 'Follow system' })).toHaveFocus();
    await user.keyboard('l');
    expect(screen.getByRole('menuitemradio', { name: 'Light' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('light');
    expect(button).toHaveFocus();

    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitemradio', { name: 'Follow system' })).toHaveFocus();
    await user.keyboard(' ');
    expect(onSelect).toHaveBeenLastCalledWith('system');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button).toHaveFocus();
  });

  it('when Escape is pressed, then the menu closes, nothing is chosen, and focus is back on the button', async () => {
    const user = userEvent.setup();
    const { button, onSelect } = renderTheme();
    await user.tab();
    await user.keyboard('{ArrowDown}{ArrowDown}{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(onSelect).not.toHaveBeenCalled();
    expect(button).toHaveFocus();
  });

  it('when Tab is pressed in the menu, then it closes and focus moves on from the button', async () => {
    const user = userEvent.setup();
    const { onSelect } = renderTheme();
    await user.tab();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menu')).toBeVisible();
    await user.tab();
    expect(screen.queryByRole('menu')).toBeNull();
    expect(onSelect).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
  });

  it('when the mouse goes down outside, then the menu closes', async () => {
    const user = userEvent.setup();
    const { button } = renderTheme();
    await user.click(button);
    fireEvent.mouseDown(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
