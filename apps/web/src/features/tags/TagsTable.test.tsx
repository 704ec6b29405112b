import { render, screen, within } from '@testing-library/react';
import type { TagListItem } from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import { TestProviders } from '../../testing/render';
import { readListState } from '../../shared/list-state';
import { TagsTable } from './components/TagsTable';
import { TAG_LIST } from './useTagList';

// Rows as props, not an SWR answer: the table only draws what the panel hands it.
function row(Tag: string, digest: string, extra: Partial<TagListItem> = {}): TagListItem {
  return {
    id: 1,
    repo_id: 1,
    Tag,
    image_id: '',
    manifest: '{}',
    digest,
    schema: 2,
    path: `registry.test/team/app:${Tag}`,
    internal_path: '',
    size: 2048,
    is_trusted: false,
    created: '2024-05-01T10:00:00Z',
    updated: '2024-05-01T10:00:00Z',
    deleted: null,
    domain_id: 'd',
    scanned: false,
    tag_type: 0,
    ...extra,
  };
}

const index = JSON.stringify({
  manifests: [
    { platform: { os: 'linux', architecture: 'amd64' } },
    { platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
  ],
});

function draw(rows: TagListItem[], rights: { canEdit: boolean; canManage: boolean }) {
  localStorage.setItem('swr-console.locale', 'en-US');
  const noop = () => {};
  render(
    <TestProviders>
      <TagsTable
        label="Tags of team/app"
        rows={rows}
        loaded={rows}
        total={rows.length}
        loading={false}
        state={readListState(new URLSearchParams(), TAG_LIST)}
        onState={noop}
        selected={[]}
        onSelect={noop}
        onPull={noop}
        onRetag={noop}
        onDelete={noop}
        {...rights}
      />
    </TestProviders>,
  );
}

describe('TagsTable', () => {
  const rows = [
    row('latest', 'sha256:aaa', { tag_type: 1, manifest: index }),
    row('v1.3.0', 'sha256:aaa', { tag_type: 1, manifest: index }),
    row('v1.2.0', 'sha256:bbb'),
  ];

  it('when tags share an image, then each names the others, and an index shows its platforms', () => {
    draw(rows, { canEdit: true, canManage: true });
    const table = screen.getByRole('table', { name: 'Tags of team/app' });
    const latest = within(table).getByText('latest').closest('tr')!;
    expect(within(latest).getByText('Same image as: v1.3.0')).toBeInTheDocument();
    expect(within(latest).getByText('Multi-arch index')).toBeInTheDocument();
    expect(
      within(within(latest).getByRole('list', { name: 'Platforms' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['linux/amd64', 'linux/arm64/v8']);
    const single = within(table).getByText('v1.2.0').closest('tr')!;
    expect(within(single).queryByText(/Same image as/)).not.toBeInTheDocument();
    expect(within(single).getByText('Image')).toBeInTheDocument();
  });

  it('when the user may read only, then pulling is offered but neither retag, delete nor selection', () => {
    draw(rows, { canEdit: false, canManage: false });
    expect(screen.getByRole('button', { name: 'Pull commands for v1.2.0' })).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Create a tag from v1.2.0' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete v1.2.0' })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('when the user may manage, then every row has a labelled checkbox and icon buttons with names', () => {
    draw(rows, { canEdit: true, canManage: true });
    expect(screen.getByRole('checkbox', { name: 'Select v1.2.0' })).toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', { name: 'Select all tags on this page' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete v1.2.0' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy the digest of v1.2.0' })).toBeInTheDocument();
  });
});
