import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestProviders } from '../../testing/render';
import { ReplicationRuns } from './components/ReplicationRuns';

const ref = { region: 'cn-north-4', projectId: 'p', instance: 'i-1' };

const execution = (status: string) => ({
  id: 9,
  policy_id: 7,
  status,
  status_text: status === 'Stopped' ? 'Stopped by a user' : '',
  total: 3,
  succeed: 1,
  failed: 0,
  in_progress: status === 'Stopped' ? 0 : 2,
  stopped: status === 'Stopped' ? 2 : 0,
  trigger: 'manual',
  created_at: '2026-05-01T10:00:00Z',
  updated_at: '2026-05-01T10:00:05Z',
});

/** SWR as the runs tab reads it: one policy, one run under way until it is stopped. */
function answer() {
  let stopped = false;
  const calls: string[] = [];
  vi.mocked(fetch).mockImplementation(async (input, init) => {
    const path = new URL(String(input), 'http://console').pathname;
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${path}`);
    if (method === 'PUT' && path.endsWith('/replication/executions/9')) {
      stopped = true;
      return new Response(null, { status: 200 });
    }
    if (path.endsWith('/replication/policies'))
      return Response.json({
        policies: [{ id: 7, name: 'to-mirror', enabled: true, filters: [], trigger: {} }],
        total: 1,
      });
    if (path.endsWith('/replication/executions'))
      return Response.json({
        executions: [execution(stopped ? 'Stopped' : 'InProgress')],
        total: 1,
      });
    throw new Error(`Unexpected call ${method} ${path}`);
  });
  return calls;
}

afterEach(() => vi.mocked(fetch).mockReset());

describe('the runs tab', () => {
  it('when a run under way is stopped, then the confirmation names it and its policy first, and the row then says Stopped with Run again', async () => {
    const user = userEvent.setup();
    const calls = answer();
    localStorage.setItem('swr-console.locale', 'en-US');
    render(
      <TestProviders>
        <ReplicationRuns target={ref} admin policyId={undefined} page={1} onFilter={() => {}} />
      </TestProviders>,
    );
    const runs = await screen.findByRole('table', { name: 'Runs' });
    const row = await within(runs).findByRole('row', { name: /#9/ });
    expect(row).toHaveTextContent('In progress');
    expect(row).toHaveTextContent('to-mirror');
    expect(row).toHaveTextContent('1 done, 2 waiting or copying of 3');

    await user.click(within(row).getByRole('button', { name: 'Stop run #9' }));
    const dialog = await screen.findByRole('dialog', { name: 'Stop run #9 of to-mirror?' });
    expect(calls.filter((call) => call.startsWith('PUT'))).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Stop' }));

    await waitFor(() => expect(row).toHaveTextContent('Stopped by a user'));
    expect(calls).toContain('PUT /api/swr/cn-north-4/v2/p/instances/i-1/replication/executions/9');
    expect(
      within(row).getByRole('button', { name: 'Run the policy of run #9 again' }),
    ).toBeEnabled();
  });
});
