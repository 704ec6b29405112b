import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerChanges, cacheWith } from '../../testing/cache';
import {
  useDeleteRegistry,
  useRunReplication,
  useSaveRegistry,
  useStopReplication,
} from './replication-mutations';
import { replicationQueries, RUN_POLL_MS } from './replication-queries';

const ref = { region: 'cn-north-4', projectId: 'p', instance: 'i-1' };
const keys = {
  registries: replicationQueries.registries(ref).queryKey,
  policies: replicationQueries.policies(ref).queryKey,
  runs: replicationQueries.executions(ref, undefined, 1, 20).queryKey,
  latest: replicationQueries.latest(ref, 7).queryKey,
  tasks: replicationQueries.tasks(ref, 9, false).queryKey,
  otherInstance: replicationQueries.registries({ ...ref, instance: 'i-2' }).queryKey,
};

afterEach(() => vi.mocked(fetch).mockReset());

describe('replication changes', () => {
  it('when a registry is saved, then only the instance’s registries are read again', async () => {
    const calls = answerChanges();
    const cache = cacheWith(Object.values(keys));
    const save = cache.use(() => useSaveRegistry(ref));
    save.current.mutate({
      id: 3,
      body: {
        name: 'mirror',
        type: 'swr-pro',
        url: 'http://h',
        credential: { type: 'basic', access_key: 'robot', access_secret: '*****' },
        insecure: false,
      },
    });
    await waitFor(() => expect(save.current.isSuccess).toBe(true));
    expect(calls).toEqual([
      { method: 'PUT', path: '/api/swr/cn-north-4/v2/p/instances/i-1/registries/3' },
    ]);
    expect(cache.invalidated()).toEqual([keys.registries]);
  });

  it('when a run is started or stopped, then every list of runs is read again, not the policies or registries', async () => {
    answerChanges();
    const cache = cacheWith(Object.values(keys));
    const stop = cache.use(() => useStopReplication(ref));
    stop.current.mutate(9);
    await waitFor(() => expect(stop.current.isSuccess).toBe(true));
    expect(cache.invalidated()).toEqual([keys.runs, keys.latest, keys.tasks]);

    vi.mocked(fetch).mockResolvedValue(Response.json({ id: 10 }, { status: 201 }));
    const again = cacheWith(Object.values(keys));
    const run = again.use(() => useRunReplication(ref));
    run.current.mutate(7);
    await waitFor(() => expect(run.current.data).toBe(10));
    expect(again.invalidated()).toEqual([keys.runs, keys.latest, keys.tasks]);
  });

  it('when a registry’s deletion is held for undo, then nothing is read again yet', async () => {
    vi.mocked(fetch).mockResolvedValue(
      Response.json(
        {
          deletion: {
            id: 'd1',
            region: 'cn-north-4',
            operation: 'DeleteInstanceRegistry',
            params: { registry_id: '3' },
            executeAt: new Date(Date.now() + 3000).toISOString(),
            state: 'pending',
          },
        },
        { status: 202 },
      ),
    );
    const cache = cacheWith(Object.values(keys));
    const remove = cache.use(() => useDeleteRegistry(ref));
    remove.current.mutate(3);
    await waitFor(() => expect(remove.current.isSuccess).toBe(true));
    expect(vi.mocked(fetch).mock.calls[0]![1]?.headers).toMatchObject({ prefer: 'undo' });
    expect(cache.invalidated()).toEqual([]);
  });
});

describe('following runs', () => {
  const { refetchInterval: interval } = replicationQueries.executions(ref, undefined, 1, 20);
  type Poll = Extract<typeof interval, (...args: never[]) => unknown>;
  const poll = (status: string) => {
    const query = { state: { data: { executions: [{ status }], total: 1 } } };
    return typeof interval === 'function'
      ? interval(query as unknown as Parameters<Poll>[0])
      : interval;
  };

  it('when a run on screen is under way, then the list is read again every 2 s; when all ended, it is not', () => {
    expect(poll('InProgress')).toBe(RUN_POLL_MS);
    expect(RUN_POLL_MS).toBe(2000);
    for (const status of ['Succeed', 'Failed', 'Stopped']) expect(poll(status)).toBe(false);
  });
});
