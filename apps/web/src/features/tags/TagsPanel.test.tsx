import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAt } from '../../testing/render';
import { TagsPanel } from './TagsPanel';

const panel = (canManage: boolean) => [
  {
    path: '/:region/tags',
    element: (
      <TagsPanel
        region="cn-north-4"
        namespace="team"
        repository="web/app"
        canEdit
        canManage={canManage}
      />
    ),
  },
];

describe('TagsPanel', () => {
  it('when opened from a URL, then the filter and the sort come back from it', async () => {
    renderAt('/cn-north-4/tags?tag=rc&sort=version&order=asc&pageSize=50', panel(true));
    expect(screen.getByRole('searchbox', { name: 'Filter tags by name' })).toHaveValue('rc');
    expect(screen.getByText('Version, lowest first')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Delete selected \(0\)/ })).toBeDisabled();
  });

  it('when the list cannot be loaded, then the error is shown with a retry, and no delete is offered without manage', async () => {
    renderAt('/cn-north-4/tags', panel(false));
    expect(
      await screen.findByText(
        'The console could not reach its server. Check your connection and try again.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Delete selected/ })).not.toBeInTheDocument();
  });
});
