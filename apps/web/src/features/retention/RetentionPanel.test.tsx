import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAt } from '../../testing/render';
import { RetentionPanel } from './RetentionPanel';

const BASE = '/api/swr/cn-north-4/v2/manage/namespaces/team/repos/app';
const HOUR = 3_600_000;
const now = Date.now();

// Six versions pushed an hour apart, and `latest` on the newest image.
const tags = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'latest'].map((name, i) => ({
  id: i + 1,
  repo_id: 1,
  Tag: name,
  image_id: '',
  manifest: '',
  digest: `sha256:${String(Math.min(i, 5)).repeat(64)}`,
  schema: 2,
  path: '',
  internal_path: '',
  size: 1_048_576,
  is_trusted: false,
  created: new Date(now - (7 - Math.min(i, 5)) * HOUR).toISOString(),
  updated: new Date(now - (7 - Math.min(i, 5)) * HOUR).toISOString(),
  deleted: null,
  domain_id: 'd',
  scanned: false,
  tag_type: 0,
}));

/** The SWR calls the panel makes, answered as swr-local would; writes are recorded. */
function fakeSwr() {
  const writes: { method: string; path: string; body: unknown }[] = [];
  vi.mocked(fetch).mockImplementation(async (input, init) => {
    const url = new URL(String(input), 'http://console');
    const method = init?.method ?? 'GET';
    const json = (body: unknown, headers: Record<string, string> = {}) =>
      new Response(JSON.stringify(body), {
        status: method === 'POST' ? 201 : 200,
        headers: { 'content-type': 'application/json', ...headers },
      });
    if (method !== 'GET') {
      writes.push({ method, path: url.pathname, body: JSON.parse(String(init?.body)) });
      return json({ id: 1 });
    }
    if (url.pathname === `${BASE}/retentions`) return json([]);
    if (url.pathname === `${BASE}/retentions/histories`)
      return json({ retention_log: [], total: 0 }, { 'content-range': '0-0/0' });
    if (url.pathname === `${BASE}/tags`)
      return json(tags, { 'content-range': `0-${tags.length}/${tags.length}` });
    throw new Error(`unexpected ${method} ${url.pathname}`);
  });
  return writes;
}

afterEach(() => vi.mocked(fetch).mockReset());

const panel = [
  {
    path: '/:region/retention',
    element: <RetentionPanel region="cn-north-4" namespace="team" repository="app" canManage />,
  },
];

describe('RetentionPanel', () => {
  it('when the rule is edited, then the plan follows each change, and saving confirms what goes and sends that rule', async () => {
    const writes = fakeSwr();
    const user = userEvent.setup();
    renderAt('/cn-north-4/retention', panel);

    expect(
      await screen.findByText('Saving this rule deletes no tag now: all 7 are kept.'),
    ).toBeVisible();
    const count = screen.getByLabelText('Number of newest tags to keep');
    await user.clear(count);
    await user.type(count, '3');
    // v6 and latest are the newest (same time, by name), then v5; v1–v4 go. Their images are
    // their own, so four images' bytes are freed.
    expect(
      await screen.findByText(
        'Saving this rule deletes 4 of 7 tags now and frees 4.0 MiB; 3 are kept.',
      ),
    ).toBeVisible();

    // A separator ends a tag name, as Enter does.
    await user.type(screen.getByLabelText('Never delete these tags'), 'v1,');
    expect(
      await screen.findByText(
        'Saving this rule deletes 3 of 7 tags now and frees 3.0 MiB; 4 are kept.',
      ),
    ).toBeVisible();
    const [planTable] = screen.getAllByRole('table');
    const planned = within(planTable!)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[0]!.textContent);
    expect(planned).toEqual(['v2', 'v3', 'v4']);

    await user.click(screen.getByRole('button', { name: 'Save rule' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Save the retention rule of team/app?',
    });
    expect(
      within(within(dialog).getByRole('list'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['v2', 'v3', 'v4']);
    expect(writes).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Save and delete 3 tags' }));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toEqual({
      method: 'POST',
      path: `${BASE}/retentions`,
      body: {
        algorithm: 'or',
        rules: [
          {
            template: 'tag_rule',
            params: { num: '3' },
            tag_selectors: [{ kind: 'label', pattern: 'v1' }],
          },
        ],
      },
    });
  });

  it('when the count is out of range, then the field says so, the plan waits and nothing can be saved', async () => {
    fakeSwr();
    const user = userEvent.setup();
    renderAt('/cn-north-4/retention', panel);
    const count = await screen.findByLabelText('Number of newest tags to keep');
    await screen.findByText('Saving this rule deletes no tag now: all 7 are kept.');
    await user.clear(count);
    await user.type(count, '0');
    expect(await screen.findByText('Enter a number from 1 to 1000.')).toBeVisible();
    expect(screen.getByText('Correct the rule to see what it would delete.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Save rule' })).toBeDisabled();
  });
});
