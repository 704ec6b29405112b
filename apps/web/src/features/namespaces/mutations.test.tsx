import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { swrKeys } from '../../shared/keys';
import { answerChanges, cacheWith } from '../../testing/cache';
import { useCreateNamespace, useDeleteNamespace } from './mutations';

const R = 'cn-north-4';
const keys = {
  list: swrKeys.namespaceList(R),
  quota: [...swrKeys.quotas(R), 'project'],
  totals: swrKeys.overview(R),
  team: swrKeys.namespaceDetail(R, 'team'),
  teamHolders: [...swrKeys.namespace(R, 'team'), 'access'],
  other: swrKeys.namespaceDetail(R, 'other'),
  otherRepository: [...swrKeys.repository(R, 'other', 'app'), 'detail'],
  repositories: [...swrKeys.repositories(R), { limit: 20 }],
  activity: swrKeys.activity(R),
  otherRegion: swrKeys.namespaceList('cn-east-3'),
};

afterEach(() => vi.mocked(fetch).mockReset());

describe('organization changes', () => {
  it.each([
    ['created', useCreateNamespace, 'POST', '/api/swr/cn-north-4/v2/manage/namespaces'],
    ['deleted', useDeleteNamespace, 'DELETE', '/api/swr/cn-north-4/v2/manage/namespaces/team'],
  ])(
    'when one is %s, then it, the list, the quota and the totals are refreshed, and no other organization',
    async (_, useChange, method, path) => {
      const calls = answerChanges();
      const cache = cacheWith(Object.values(keys));
      const change = cache.use(() => useChange(R));
      change.current.mutate('team');
      await waitFor(() => expect(change.current.isSuccess).toBe(true));
      expect(calls).toEqual([{ method, path }]);
      expect(cache.invalidated()).toEqual([
        keys.list,
        keys.quota,
        keys.totals,
        keys.team,
        keys.teamHolders,
      ]);
    },
  );
});
