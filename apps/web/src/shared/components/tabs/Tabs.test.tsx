import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Tabs } from './Tabs';

const items = [
  { key: 'tags', label: 'Tags', children: <p>the tags</p> },
  { key: 'sync', label: 'Sync', children: <p>the sync</p> },
  { key: 'off', label: 'Off', children: <p>never</p>, disabled: true },
  { key: 'share', label: 'Share', children: <p>the shares</p> },
];

describe('Tabs', () => {
  it('when a tab is clicked, then its panel alone is shown and labelled by it', async () => {
    const user = userEvent.setup();
    render(<Tabs items={items} />);
    expect(screen.getByRole('tabpanel')).toHaveTextContent('the tags');
    await user.click(screen.getByRole('tab', { name: 'Sync' }));
    expect(screen.getByRole('tab', { name: 'Sync' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Sync' })).toHaveTextContent('the sync');
    expect(screen.queryByText('the tags')).toBeNull();
  });

  it('when arrows move the focus, then nothing opens until Enter, and disabled tabs are skipped', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Tabs items={items} activeKey="sync" onChange={onChange} />);
    await user.tab();
    expect(screen.getByRole('tab', { name: 'Sync' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Share' })).toHaveFocus();
    expect(onChange).not.toHaveBeenCalled();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Tags' })).toHaveFocus();
    await user.keyboard('{End}{Enter}');
    expect(onChange).toHaveBeenCalledWith('share');
    // Controlled: the panel follows activeKey, not the click.
    expect(screen.getByRole('tabpanel')).toHaveTextContent('the sync');
  });
});
