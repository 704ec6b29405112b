import { useQuery } from '@tanstack/react-query';
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { swrKeys } from '../../shared/keys';
import { answerChanges, cacheWith } from '../../testing/cache';
import { useCreateRepository, useDeleteRepository, useUpdateRepository } from './mutations';

const R = 'cn-north-4';
const keys = {
  repositories: [...swrKeys.repositories(R), { limit: 20 }],
  activity: swrKeys.activity(R),
  app: [...swrKeys.repository(R, 'team', 'app'), 'detail'],
  appTags: [...swrKeys.repository(R, 'team', 'app'), 'tags', 'page', {}],
  team: swrKeys.namespaceDetail(R, 'team'),
  list: swrKeys.namespaceList(R),
  totals: swrKeys.overview(R),
  web: [...swrKeys.repository(R, 'team', 'web'), 'detail'],
  teamHolders: [...swrKeys.namespace(R, 'team'), 'access'],
  other: swrKeys.namespaceDetail(R, 'other'),
  otherApp: [...swrKeys.repository(R, 'other', 'app'), 'detail'],
  quota: [...swrKeys.quotas(R), 'project'],
};
const appAndAround = [
  keys.repositories,
  keys.activity,
  keys.app,
  keys.appTags,
  keys.team,
  keys.list,
  keys.totals,
];

afterEach(() => vi.mocked(fetch).mockReset());

async function run<V>(mutate: (variables: V) => void, isDone: () => boolean, variables: V) {
  mutate(variables);
  await waitFor(() => expect(isDone()).toBe(true));
}

describe('repository changes', () => {
  it('when one is created, then it, the lists and its organization’s counts are refreshed, not its siblings nor other organizations', async () => {
    answerChanges();
    const cache = cacheWith(Object.values(keys));
    const create = cache.use(() => useCreateRepository(R));
    await run(create.current.mutate, () => create.current.isSuccess, {
      namespace: 'team',
      body: { repository: 'app', category: 'other', description: '', is_public: false },
    });
    expect(cache.invalidated()).toEqual(appAndAround);
  });

  it('when one is deleted, then the same is refreshed, but what is on screen of it is not read again', async () => {
    answerChanges();
    const cache = cacheWith(Object.values(keys));
    const reads = { list: vi.fn(async () => 'list'), app: vi.fn(async () => 'app') };
    const remove = cache.use(() => {
      useQuery({ queryKey: keys.repositories, queryFn: reads.list, staleTime: Infinity });
      useQuery({ queryKey: keys.app, queryFn: reads.app, staleTime: Infinity });
      return useDeleteRepository(R);
    });
    await run(remove.current.mutate, () => remove.current.isSuccess, {
      namespace: 'team',
      repository: 'app',
    });
    expect(reads.list).toHaveBeenCalledOnce();
    expect(reads.app).not.toHaveBeenCalled();
    // The list on screen was read again, so it is fresh rather than marked.
    expect(cache.invalidated()).toEqual(appAndAround.filter((key) => key !== keys.repositories));
  });

  it('when one is edited, then it and the lists showing it are refreshed, not its organization’s counts', async () => {
    answerChanges();
    const cache = cacheWith(Object.values(keys));
    const update = cache.use(() => useUpdateRepository(R));
    await run(update.current.mutate, () => update.current.isSuccess, {
      namespace: 'team',
      repository: 'app',
      body: { category: 'linux', description: 'x', is_public: true },
    });
    expect(cache.invalidated()).toEqual([keys.repositories, keys.activity, keys.app, keys.appTags]);
  });
});
