import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { TestProviders } from '../../../testing/render';
import { Select, type SelectOption } from './Select';

const REGIONS: SelectOption<string>[] = [
  { value: 'af-south-1', label: 'af-south-1' },
  { value: 'ap-southeast-1', label: 'ap-southeast-1' },
  { value: 'ap-southeast-3', label: 'ap-southeast-3', disabled: true },
  { value: 'cn-east-3', label: 'cn-east-3' },
  { value: 'cn-north-4', label: 'cn-north-4' },
  { value: 'cn-south-1', label: 'cn-south-1' },
];

const MANY: SelectOption<number>[] = Array.from({ length: 30 }, (_, index) => ({
  value: index,
  label: `Option ${index}`,
}));

/** A select that keeps what was chosen, and tells `onChange` too. */
function Region({
  onChange = () => undefined,
  initial = 'cn-north-4',
}: {
  onChange?: (value: string) => void;
  initial?: string;
}) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <Select
        aria-label="Region"
        value={value}
        options={REGIONS}
        onChange={(next) => {
          setValue(next);
          onChange(next);
        }}
      />
      <button type="button">After</button>
    </>
  );
}

function renderRegion(onChange = vi.fn()) {
  render(
    <TestProviders>
      <Region onChange={onChange} />
    </TestProviders>,
  );
  return { combobox: screen.getByRole('combobox', { name: 'Region' }), onChange };
}

const active = (combobox: HTMLElement) => {
  const id = combobox.getAttribute('aria-activedescendant');
  return id ? document.getElementById(id)?.textContent : undefined;
};

describe('Select', () => {
  it('when closed, then it shows the choice and names the list it controls', () => {
    const { combobox } = renderRegion();
    expect(combobox).toHaveTextContent('cn-north-4');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    expect(combobox).toHaveAttribute('aria-haspopup', 'listbox');
    expect(combobox.getAttribute('aria-controls')).toBeTruthy();
    expect(combobox).not.toHaveAttribute('aria-activedescendant');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('when clicked, then its list opens in the page body and a click on an option chooses it', async () => {
    const user = userEvent.setup();
    const { combobox, onChange } = renderRegion();
    await user.click(combobox);
    const list = screen.getByRole('listbox', { name: 'Region' });
    expect(list.id).toBe(combobox.getAttribute('aria-controls'));
    expect(list.parentElement).toBe(document.body);
    expect(list).toHaveClass('console-select-list');
    expect(combobox).toHaveAttribute('aria-expanded', 'true');
    expect(active(combobox)).toBe('cn-north-4');
    expect(screen.getByRole('option', { name: 'cn-north-4' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByRole('option', { name: 'ap-southeast-3' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );

    await user.click(within(list).getByTitle('cn-east-3'));
    expect(onChange).toHaveBeenCalledWith('cn-east-3');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(combobox).toHaveTextContent('cn-east-3');
    expect(combobox).toHaveFocus();
  });

  it('when a disabled option is clicked, then nothing is chosen and the list stays', async () => {
    const user = userEvent.setup();
    const { combobox, onChange } = renderRegion();
    await user.click(combobox);
    await user.click(screen.getByTitle('ap-southeast-3'));
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('listbox')).toBeVisible();
  });

  it('when the arrows move, then they pass over disabled options and Enter chooses', async () => {
    const user = userEvent.setup();
    const { combobox, onChange } = renderRegion();
    await user.tab();
    expect(combobox).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(combobox).toHaveAttribute('aria-expanded', 'true');
    expect(active(combobox)).toBe('cn-north-4');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(active(combobox)).toBe('ap-southeast-1');
    await user.keyboard('{Home}');
    expect(active(combobox)).toBe('af-south-1');
    await user.keyboard('{ArrowUp}');
    expect(active(combobox)).toBe('af-south-1');
    await user.keyboard('{End}');
    expect(active(combobox)).toBe('cn-south-1');
    await user.keyboard('{ArrowDown}');
    expect(active(combobox)).toBe('cn-south-1');
    // The choice already made is no change.
    await user.keyboard('{ArrowUp}{Enter}');
    expect(onChange).not.toHaveBeenCalled();
    await user.keyboard('{ArrowDown}{ArrowUp}{Enter}');
    expect(onChange).toHaveBeenLastCalledWith('cn-east-3');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    expect(combobox).toHaveFocus();
  });

  it('when Escape is pressed, then the list closes and nothing is chosen', async () => {
    const user = userEvent.setup();
    const { combobox, onChange } = renderRegion();
    await user.tab();
    await user.keyboard('{Enter}{ArrowUp}{Escape}');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    expect(onChange).not.toHaveBeenCalled();
    expect(combobox).toHaveTextContent('cn-north-4');
  });

  it('when Tab or Alt+ArrowUp leaves the open list, then the active option is chosen', async () => {
    const user = userEvent.setup();
    const { combobox, onChange } = renderRegion();
    await user.tab();
    await user.keyboard(' {ArrowDown}');
    await user.tab();
    expect(onChange).toHaveBeenLastCalledWith('cn-south-1');
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
    expect(screen.queryByRole('listbox')).toBeNull();

    combobox.focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}{Home}{Alt>}{ArrowUp}{/Alt}');
    expect(onChange).toHaveBeenLastCalledWith('af-south-1');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
  });

  it('when Home or End is pressed while closed, then the list opens at the first or last option', async () => {
    const user = userEvent.setup();
    const { combobox } = renderRegion();
    await user.tab();
    await user.keyboard('{End}');
    expect(active(combobox)).toBe('cn-south-1');
    await user.keyboard('{Escape}{Home}');
    expect(active(combobox)).toBe('af-south-1');
  });

  it('when characters are typed, then the first option starting with them becomes active', async () => {
    const user = userEvent.setup();
    const { combobox } = renderRegion();
    await user.tab();
    await user.keyboard('a');
    expect(combobox).toHaveAttribute('aria-expanded', 'true');
    expect(active(combobox)).toBe('af-south-1');
    // The same letter again goes on to the next option starting with it.
    await user.keyboard('a');
    expect(active(combobox)).toBe('ap-southeast-1');
    await user.keyboard('{Escape}');
    // After a pause, typing starts a new search.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 1000);
      await user.keyboard('cn-s');
      expect(active(combobox)).toBe('cn-south-1');
    } finally {
      vi.useRealTimers();
    }
  });

  it('when Page Down and Page Up are pressed, then the active option moves ten at a time', async () => {
    const user = userEvent.setup();
    render(
      <TestProviders>
        <Select aria-label="Many" value={0} options={MANY} onChange={() => undefined} />
      </TestProviders>,
    );
    const combobox = screen.getByRole('combobox', { name: 'Many' });
    await user.tab();
    await user.keyboard('{ArrowDown}{PageDown}');
    expect(active(combobox)).toBe('Option 10');
    await user.keyboard('{PageDown}{PageDown}{PageDown}');
    expect(active(combobox)).toBe('Option 29');
    await user.keyboard('{PageUp}');
    expect(active(combobox)).toBe('Option 19');
  });

  it('when the mouse goes down outside, then the list closes', async () => {
    const user = userEvent.setup();
    const { combobox, onChange } = renderRegion();
    await user.click(combobox);
    expect(screen.getByRole('listbox')).toBeVisible();
    fireEvent.mouseDown(document.body);
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(onChange).not.toHaveBeenCalled();
    await user.click(combobox);
    await user.click(combobox);
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('when nothing is chosen, then the placeholder shows, and the clear button chooses nothing', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const { rerender } = render(
      <TestProviders>
        <Select
          aria-label="Key"
          placeholder="Any key"
          options={REGIONS}
          allowClear
          onChange={onChange}
        />
      </TestProviders>,
    );
    expect(screen.getByRole('combobox', { name: 'Key' })).toHaveTextContent('Any key');
    expect(screen.queryByRole('button', { name: 'Clear' })).toBeNull();
    rerender(
      <TestProviders>
        <Select
          aria-label="Key"
          placeholder="Any key"
          value="cn-east-3"
          options={REGIONS}
          allowClear
          onChange={onChange}
        />
      </TestProviders>,
    );
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(onChange).toHaveBeenCalledWith(undefined);
    expect(screen.getByRole('combobox', { name: 'Key' })).toHaveFocus();
  });

  it('when disabled, then it cannot be focused or opened', async () => {
    const user = userEvent.setup();
    render(
      <TestProviders>
        <span id="label">Language</span>
        <Select
          aria-labelledby="label"
          value="cn-east-3"
          options={REGIONS}
          disabled
          onChange={() => undefined}
        />
      </TestProviders>,
    );
    const combobox = screen.getByRole('combobox', { name: 'Language' });
    expect(combobox).toHaveAttribute('aria-disabled', 'true');
    expect(combobox).not.toHaveAttribute('tabindex');
    await user.click(combobox);
    expect(screen.queryByRole('listbox')).toBeNull();
  });
});
