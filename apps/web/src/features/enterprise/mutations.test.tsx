import { waitFor } from '@testing-library/react';
import type { SignPolicy } from '@swr-console/swr-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerChanges, cacheWith } from '../../testing/cache';
import { useDeleteNamespace, useRunPolicy, useSaveNamespaceTags } from './mutations';
import { enterpriseQueries } from './queries';

const ref = { region: 'cn-north-4', projectId: 'p', instance: 'i-1' };
const keys = {
  tagged: enterpriseQueries.namespaces(ref, []).queryKey,
  tagKeys: enterpriseQueries.tagKeys(ref).queryKey,
  aTags: enterpriseQueries.tags(ref, 'a').queryKey,
  aRepositories: enterpriseQueries.repositories(ref, 'a').queryKey,
  bTags: enterpriseQueries.tags(ref, 'b').queryKey,
  bRepositories: enterpriseQueries.repositories(ref, 'b').queryKey,
  policies: enterpriseQueries.policies(ref).queryKey,
  policy1: enterpriseQueries.executions(ref, 'a', 1).queryKey,
  policy2: enterpriseQueries.executions(ref, 'b', 2).queryKey,
  otherInstance: enterpriseQueries.tags({ ...ref, instance: 'i-2' }, 'a').queryKey,
};

afterEach(() => vi.mocked(fetch).mockReset());

describe('Enterprise changes', () => {
  it('when a namespace’s tags are saved, then it and the instance’s namespace lists are refreshed, not another namespace', async () => {
    const calls = answerChanges();
    const cache = cacheWith(Object.values(keys));
    const save = cache.use(() => useSaveNamespaceTags(ref, 'a'));
    save.current.mutate({ add: [{ key: 'team', value: 'web' }], remove: [] });
    await waitFor(() => expect(save.current.isSuccess).toBe(true));
    expect(calls.map((call) => call.method)).toEqual(['POST']);
    expect(cache.invalidated()).toEqual([
      keys.tagged,
      keys.tagKeys,
      keys.aTags,
      keys.aRepositories,
    ]);
  });

  it('when a namespace is deleted, then the lists and the policies (its own go with it) are refreshed, not another namespace', async () => {
    answerChanges();
    const cache = cacheWith(Object.values(keys));
    const remove = cache.use(() => useDeleteNamespace(ref));
    remove.current.mutate('a');
    await waitFor(() => expect(remove.current.isSuccess).toBe(true));
    expect(cache.invalidated()).toEqual([
      keys.tagged,
      keys.tagKeys,
      keys.aTags,
      keys.aRepositories,
      keys.policies,
    ]);
  });

  it('when a policy runs, then only its executions are refreshed', async () => {
    vi.mocked(fetch).mockResolvedValue(Response.json({ id: 7 }, { status: 201 }));
    const cache = cacheWith(Object.values(keys));
    const run = cache.use(() => useRunPolicy(ref, 'a'));
    run.current.mutate({ id: 1 } as SignPolicy);
    await waitFor(() => expect(run.current.data).toBe(7));
    expect(cache.invalidated()).toEqual([keys.policy1]);
  });
});
