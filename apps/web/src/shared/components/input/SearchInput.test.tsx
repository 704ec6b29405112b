import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TestProviders } from '../../../testing/render';
import { SearchInput } from './SearchInput';

describe('SearchInput', () => {
  it('when text is typed, then the search runs on Enter or the button, not on each key', async () => {
    const user = userEvent.setup();
    const onSearch = vi.fn();
    render(
      <TestProviders>
        <SearchInput aria-label="Filter by name" defaultValue="ng" onSearch={onSearch} />
      </TestProviders>,
    );
    const box = screen.getByRole('searchbox', { name: 'Filter by name' });
    await user.type(box, 'inx');
    expect(onSearch).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(onSearch).toHaveBeenLastCalledWith('nginx');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).toHaveBeenCalledTimes(2);
  });

  it('when it is cleared, then the search runs with nothing and the box keeps the focus', async () => {
    const user = userEvent.setup();
    const onSearch = vi.fn();
    render(
      <TestProviders>
        <SearchInput aria-label="Filter by tag" defaultValue="v1" allowClear onSearch={onSearch} />
      </TestProviders>,
    );
    await user.click(screen.getByRole('button', { name: 'Clear Filter by tag' }));
    expect(onSearch).toHaveBeenCalledWith('');
    expect(screen.getByRole('searchbox')).toHaveValue('');
    expect(screen.getByRole('searchbox')).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Clear Filter by tag' })).toBeNull();
  });
});
