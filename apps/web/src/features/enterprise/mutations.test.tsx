import { waitFor } from '@testing-library/react';
import type { SignPolicy } from '@swr-console/swr-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerChanges, cacheWith } from '../../testing/cache';
import {
  TagsNotAdded,
  useCreateNamespace,
  useDeleteNamespace,
  useRunPolicy,
  useSaveNamespaceTags,
} from './mutations';
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

  it.each([
    ['are added', 204, true],
    ['cannot be added', 500, false],
  ])(
    'when a namespace is created with tags and they %s, then it is created first, its tags after, and the lists are refreshed',
    async (_, tagsStatus, ok) => {
      const calls: string[] = [];
      vi.mocked(fetch).mockImplementation(async (input, init) => {
        const path = decodeURIComponent(new URL(String(input), 'http://console').pathname);
        calls.push(`${init?.method ?? 'GET'} ${path.replace(/.*\/instances\/i-1/, '')}`);
        return path.endsWith('/tags/create') || path.endsWith('/tags')
          ? new Response(null, { status: tagsStatus })
          : Response.json({ id: 3 }, { status: 201 });
      });
      const cache = cacheWith(Object.values(keys));
      const create = cache.use(() => useCreateNamespace(ref));
      create.current.mutate({ name: 'a', isPublic: false, tags: [{ key: 'team', value: 'web' }] });
      await waitFor(() => expect(create.current.isIdle).toBe(false));
      await waitFor(() => expect(create.current.isPending).toBe(false));
      expect(calls[0]).toBe('POST /namespaces');
      expect(calls[1]).toMatch(/^POST \/namespaces\/a\/tags/);
      expect(create.current.isSuccess).toBe(ok);
      if (!ok) expect(create.current.error).toBeInstanceOf(TagsNotAdded);
      await waitFor(() => expect(cache.invalidated()).toContainEqual(keys.aTags));
    },
  );
});
