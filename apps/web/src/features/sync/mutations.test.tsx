import { waitFor } from '@testing-library/react';
import { ApiError } from '@swr-console/swr-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { swrKeys } from '../../shared/keys';
import { cacheWith } from '../../testing/cache';
import { useBatchAutoSync, useRetrySync } from './mutations';
import { syncQueries } from './queries';

const R = 'cn-north-4';
const app = { region: R, namespace: 'team', repository: 'app' };
const keys = {
  appJobs: syncQueries.jobs(app).queryKey,
  webJobs: syncQueries.jobs({ ...app, repository: 'web' }).queryKey,
  webDetail: [...swrKeys.repository(R, 'team', 'web'), 'detail'],
  otherJobs: syncQueries.jobs({ ...app, namespace: 'other' }).queryKey,
};

/** Answers SWR's sync calls, refusing those whose path or body holds `refused`; records each. */
function answerSync(refused: string) {
  const calls: string[] = [];
  vi.mocked(fetch).mockImplementation(async (input, init) => {
    const call = `${new URL(String(input), 'http://console').pathname} ${String(init?.body)}`;
    calls.push(call);
    return call.includes(refused)
      ? Response.json({ errorCode: 'SVCSTG.SWR.4030001', errorMessage: 'no' }, { status: 403 })
      : Response.json([], { status: 200 });
  });
  return calls;
}

afterEach(() => vi.mocked(fetch).mockReset());

const batch = (namespace: string, tags: string[]) => ({
  region: 'cn-east-3',
  namespace,
  override: false,
  tags,
});

describe('sync changes', () => {
  it('when retried, then each target is asked in turn, the queued tags are counted, and only this repository’s sync is refreshed', async () => {
    const calls = answerSync('nobody');
    const cache = cacheWith(Object.values(keys));
    const retry = cache.use(() => useRetrySync(app));
    retry.current.mutate([batch('a', ['v1', 'v2']), batch('b', ['v3'])]);
    await waitFor(() => expect(retry.current.data).toBe(3));
    expect(calls).toHaveLength(2);
    expect(cache.invalidated()).toEqual([keys.appJobs]);
  });

  it('when a retry is refused, then the retry fails with that answer and the targets after it are not asked', async () => {
    const calls = answerSync('"remoteNamespace":"b"');
    const cache = cacheWith(Object.values(keys));
    const retry = cache.use(() => useRetrySync(app));
    retry.current.mutate([batch('a', ['v1']), batch('b', ['v2']), batch('c', ['v3'])]);
    await waitFor(() => expect(retry.current.isError).toBe(true));
    expect(retry.current.error).toBeInstanceOf(ApiError);
    expect(calls).toHaveLength(2);
    expect(cache.invalidated()).toEqual([]);
  });

  it('when set up for several repositories, then each is tried, says how it went, and is refreshed, failed or not', async () => {
    answerSync('/repos/app/');
    const cache = cacheWith(Object.values(keys));
    const setUp = cache.use(() => useBatchAutoSync(R));
    setUp.current.mutate({
      repositories: [
        { namespace: 'team', name: 'app' },
        { namespace: 'team', name: 'web' },
      ],
      target: { region: 'cn-east-3', namespace: 'copies' },
      override: false,
      backfill: false,
    });
    await waitFor(() => expect(setUp.current.isSuccess).toBe(true));
    expect(setUp.current.data?.map((outcome) => outcome.status)).toEqual(['failed', 'done']);
    expect(cache.invalidated()).toEqual([keys.appJobs, keys.webJobs, keys.webDetail]);
  });
});
