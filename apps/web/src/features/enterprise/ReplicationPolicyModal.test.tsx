import type { Registry, ReplicationPolicy } from '@swr-console/swr-api';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestProviders } from '../../testing/render';
import { ReplicationPolicyModal } from './components/ReplicationPolicyModal';

const ref = { region: 'cn-north-4', projectId: 'p', instance: 'i-1' };
const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;
const C = `sha256:${'c'.repeat(64)}`;

const registry: Registry = {
  id: 3,
  name: 'mirror',
  description: '',
  region_id: '',
  instance_id: '',
  type: 'swr-pro',
  url: 'http://127.0.0.1:5000',
  insecure: false,
  status: 'healthy',
  created_at: '',
  updated_at: '',
};

const policy: ReplicationPolicy = {
  id: 7,
  name: 'to-mirror',
  description: '',
  dest_registry: { id: 3 },
  dest_namespace: 'mirror',
  filters: [{ type: 'tag', value: 'v*' }],
  repo_scope_mode: 'regular',
  trigger: { type: 'manual' },
  override: false,
  enabled: true,
  created_at: '',
  updated_at: '',
};

const tag = (name: string, digest: string) => ({ name, digest });
const subtask = (name: string, digest: string, text: string) => ({
  id: name.length,
  job_id: '1',
  namespace: 'team',
  repository: 'app',
  tag: name,
  digest,
  status: 'Succeed',
  status_text: text,
  start_time: '',
  end_time: '',
});

/** The instance as SWR describes it: two repositories, their tags, and one run of the policy. */
const ANSWERS: [RegExp, unknown][] = [
  [
    /\/instances\/i-1\/repositories$/,
    {
      repositories: [
        { name: 'app', namespace_name: 'team' },
        { name: 'lint', namespace_name: 'tools' },
      ],
      total: 2,
    },
  ],
  [
    /\/namespaces\/team\/repositories\/app\/tags$/,
    {
      tags: [tag('v1', A), tag('v2', B), tag('dev', C), tag(`sha256-${'a'.repeat(64)}.sig`, C)],
      total: 4,
    },
  ],
  [/\/namespaces\/tools\/repositories\/lint\/tags$/, { tags: [tag('v1', C)], total: 1 }],
  [
    /\/replication\/executions$/,
    {
      executions: [
        {
          id: 9,
          policy_id: 7,
          status: 'Succeed',
          status_text: '',
          total: 2,
          succeed: 2,
          failed: 0,
          in_progress: 0,
          stopped: 0,
          trigger: 'manual',
          created_at: '2026-05-01T10:00:00Z',
          updated_at: '2026-05-01T10:00:05Z',
        },
      ],
      total: 1,
    },
  ],
  [
    /\/executions\/9\/tasks$/,
    {
      tasks: [{ id: 1, src_resource: 'team/app', dst_resource: '127.0.0.1:5000/mirror/app' }],
      total: 1,
    },
  ],
  [
    /\/executions\/9\/tasks\/1\/subtasks$/,
    {
      subtasks: [
        subtask('v1', A, 'Already at the target with the same digest'),
        subtask(
          'v2',
          B,
          `The target has this tag with another image (${C}); override is off: left alone`,
        ),
      ],
      total: 2,
    },
  ],
];

function answerReads() {
  vi.mocked(fetch).mockImplementation(async (input) => {
    const path = new URL(String(input), 'http://console').pathname;
    const found = ANSWERS.find(([pattern]) => pattern.test(path));
    if (!found) throw new Error(`Unexpected call ${path}`);
    return Response.json(found[1]);
  });
}

async function open(editing?: ReplicationPolicy) {
  localStorage.setItem('swr-console.locale', 'en-US');
  render(
    <TestProviders>
      <ReplicationPolicyModal
        target={ref}
        editing={editing}
        registries={[registry]}
        taken={new Set()}
        onClose={() => undefined}
      />
    </TestProviders>,
  );
  // The dialog gives its first field the focus as it opens.
  await waitFor(() => expect(screen.getByLabelText('Name')).toHaveFocus());
}

afterEach(() => vi.mocked(fetch).mockReset());

/** Typing into a large dialog key by key is slow on a busy machine: these tests get longer. */
const TYPING_MS = 15_000;

describe('the replication policy dialog', () => {
  it(
    'when a filter or the schedule is malformed, then its field says why; a good schedule shows its next three runs',
    async () => {
      const user = userEvent.setup();
      answerReads();
      await open();
      await user.type(await screen.findByLabelText('Tags (optional)'), 'v[[');
      expect(await screen.findByText('A "[" is never closed.')).toBeInTheDocument();
      expect(screen.getByLabelText('Tags (optional)')).toHaveAttribute('aria-invalid', 'true');
      expect(
        await screen.findByText('Correct the filters to see what a run would copy.'),
      ).toBeInTheDocument();

      await user.click(screen.getByRole('radio', { name: 'On a schedule' }));
      const schedule = screen.getByLabelText('Schedule');
      await user.clear(schedule);
      await user.type(schedule, '0 0 2 * *');
      expect(await screen.findByText(/A schedule has 6 fields/)).toBeInTheDocument();
      await user.type(schedule, ' *');
      const next = await screen.findByText('Next runs:');
      const runs = within(next).getAllByRole('listitem');
      expect(runs).toHaveLength(3);
      for (const run of runs) expect(run).toHaveTextContent(/^\d{4}-\d\d-\d\d 02:00:00 UTC$/);
    },
    TYPING_MS,
  );

  it(
    'when the direction is pull, then "on every push" cannot be chosen and the preview says the source cannot be read',
    async () => {
      const user = userEvent.setup();
      answerReads();
      await open();
      await user.click(await screen.findByRole('radio', { name: 'On every push' }));
      await user.click(screen.getByRole('radio', { name: /^Pull:/ }));
      expect(
        screen.getByRole('radio', { name: 'On every push (push policies only)' }),
      ).toBeDisabled();
      expect(screen.getByRole('radio', { name: 'By hand' })).toBeChecked();
      expect(screen.getByText(/cannot list what the source registry holds/)).toBeInTheDocument();
    },
    TYPING_MS,
  );

  it(
    'when a push policy is edited, then the preview lists the matching tags with where each goes and what its last run found there',
    async () => {
      const user = userEvent.setup();
      answerReads();
      await open(policy);
      const table = await screen.findByRole('table', { name: 'Tags a run would copy' });
      await waitFor(() =>
        expect(screen.getByText('Tags that match: 3, in repositories: 2.')).toBeInTheDocument(),
      );
      const row = (text: string) =>
        within(table)
          .getAllByRole('row')
          .find((r) => r.textContent?.includes(text))!;
      expect(row('127.0.0.1:5000/mirror/app:v1')).toHaveTextContent(
        'Was there already, the same image (sha256:aaaaaaaaaaaa)',
      );
      expect(row('127.0.0.1:5000/mirror/app:v1')).toHaveTextContent(
        'A run leaves it: the target has this image.',
      );
      expect(row('127.0.0.1:5000/mirror/app:v2')).toHaveTextContent(
        'Another image was there (sha256:cccccccccccc): left alone',
      );
      expect(row('127.0.0.1:5000/mirror/lint:v1')).toHaveTextContent('Not known: not in that run');
      expect(screen.getByText(/as run #9 .* found it/)).toBeInTheDocument();
      expect(within(table).queryByText(/\.sig/)).not.toBeInTheDocument();

      // Live: the tag filter narrows the preview; override changes what a run would do.
      const tags = screen.getByLabelText('Tags (optional)');
      await user.clear(tags);
      await user.type(tags, 'v2');
      await waitFor(() =>
        expect(screen.getByText('Tags that match: 1, in repositories: 1.')).toBeInTheDocument(),
      );
      await user.click(screen.getByRole('checkbox', { name: /override/ }));
      expect(
        within(table).getByText('A run replaces the target’s image (override is on).'),
      ).toBeInTheDocument();
    },
    TYPING_MS,
  );
});
