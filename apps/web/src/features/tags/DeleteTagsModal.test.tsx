import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TagListItem } from '@swr-console/swr-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestProviders } from '../../testing/render';
import { DeleteTagsModal } from './components/DeleteTagsModal';

const BASE = '/api/swr/cn-north-4/v2/manage/namespaces/team/repos/app/tags';
const tags = ['v1', 'v2', 'v3'].map(
  (Tag, i) => ({ Tag, digest: `sha256:${String(i).repeat(64)}` }) as TagListItem,
);

function open(onDeleted: (tags: string[]) => void) {
  localStorage.setItem('swr-console.locale', 'en-US');
  render(
    <TestProviders>
      <DeleteTagsModal
        region="cn-north-4"
        namespace="team"
        repository="app"
        tags={tags}
        loaded={tags}
        onClose={() => {}}
        onDeleted={onDeleted}
      />
    </TestProviders>,
  );
}

/** Each tag's line in the report: its status and name. */
const report = () =>
  within(screen.getByRole('group', { name: 'Result for each tag' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent);

afterEach(() => vi.mocked(fetch).mockReset());

describe('DeleteTagsModal', () => {
  it('when stopped while a tag is being deleted, then that one finishes and the rest stay', async () => {
    const deleted: string[] = [];
    let finish = () => {};
    vi.mocked(fetch).mockImplementation(async (input) => {
      const path = new URL(String(input), 'http://console').pathname;
      await new Promise<void>((resolve) => (finish = resolve));
      deleted.push(path);
      return new Response(null, { status: 204 });
    });
    const onDeleted = vi.fn();
    const user = userEvent.setup();
    open(onDeleted);
    await user.click(await screen.findByRole('button', { name: 'Delete 3 tags' }));
    expect(screen.getByLabelText('Working: 0 of 3 tags done')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Stop after the current tag' }));
    finish();
    expect(await screen.findByText('1 of 3 tags deleted.')).toBeVisible();
    expect(report()).toEqual(['Deletedv1', 'Not deleted (stopped)v2', 'Not deleted (stopped)v3']);
    expect(deleted).toEqual([`${BASE}/v1`]);
    expect(onDeleted).toHaveBeenCalledWith(['v1']);
  });

  it('when a tag fails, then the others are still deleted, and one already gone counts as gone', async () => {
    vi.mocked(fetch).mockImplementation(async (input) =>
      new URL(String(input), 'http://console').pathname.endsWith('/v2')
        ? Response.json(
            { errorCode: 'SVCSTG.SWR.4040017', errorMessage: 'no such tag' },
            {
              status: 404,
            },
          )
        : new Response(null, { status: 204 }),
    );
    const onDeleted = vi.fn();
    const user = userEvent.setup();
    open(onDeleted);
    await user.click(await screen.findByRole('button', { name: 'Delete 3 tags' }));
    expect(await screen.findByText('2 of 3 tags deleted.')).toBeVisible();
    expect(report()[0]).toBe('Deletedv1');
    expect(report()[1]).toMatch(/^Failedv2/);
    expect(report()[2]).toBe('Deletedv3');
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith(['v1', 'v2', 'v3']));
  });
});
