import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { swrKeys } from '../../shared/keys';
import { answerChanges, cacheWith } from '../../testing/cache';
import { useGrantPermissions, useRevokePermission } from './mutations';
import { permissionQueries } from './queries';

const R = 'cn-north-4';
const keys = {
  team: permissionQueries.holders({ region: R, namespace: 'team' }).queryKey,
  teamApp: permissionQueries.holders({ region: R, namespace: 'team', repository: 'app' }).queryKey,
  list: swrKeys.namespaceList(R),
  other: permissionQueries.holders({ region: R, namespace: 'other' }).queryKey,
  otherApp: permissionQueries.holders({ region: R, namespace: 'other', repository: 'app' })
    .queryKey,
  repositories: [...swrKeys.repositories(R), {}],
};
const user = { user_id: 'id-bob', user_name: 'bob', auth: 3 as const };

afterEach(() => vi.mocked(fetch).mockReset());

describe('permission changes', () => {
  it('when granted on an organization, then its holders, its repositories’ levels and the organization list are refreshed, not another organization', async () => {
    answerChanges();
    const cache = cacheWith(Object.values(keys));
    const grant = cache.use(() => useGrantPermissions({ region: R, namespace: 'team' }));
    grant.current.mutate([user]);
    await waitFor(() => expect(grant.current.isSuccess).toBe(true));
    expect(cache.invalidated()).toEqual([keys.team, keys.teamApp, keys.list]);
  });

  it('when revoked on a repository, then only that repository’s holders are refreshed', async () => {
    answerChanges();
    const cache = cacheWith(Object.values(keys));
    const revoke = cache.use(() =>
      useRevokePermission({ region: R, namespace: 'team', repository: 'app' }),
    );
    revoke.current.mutate(user);
    await waitFor(() => expect(revoke.current.isSuccess).toBe(true));
    expect(cache.invalidated()).toEqual([keys.teamApp]);
  });
});
