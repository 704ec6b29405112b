import type { ComparedRepository } from '@swr-console/contracts/bff';
import type { SyncJob, SyncJobStatus } from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import { alignItems, alignSyncs, syncProgress } from './align';

const side = (overrides: Partial<ComparedRepository['regions'][number]>) => ({
  region: 'ap-southeast-1',
  namespace: 'there-ns',
  state: 'compared' as const,
  same: 0,
  different: 0,
  missing: 0,
  onlyThere: 0,
  differences: [],
  ...overrides,
});

const repository: ComparedRepository = {
  namespace: 'here-ns',
  name: 'web/app',
  tags: 3,
  regions: [
    side({
      different: 1,
      missing: 1,
      onlyThere: 1,
      differences: [
        { tag: 'v1', kind: 'different', here: 'sha256:a', there: 'sha256:b' },
        { tag: 'v2', kind: 'missing', here: 'sha256:c' },
        { tag: 'v3', kind: 'only-there', there: 'sha256:d' },
      ],
    }),
    side({ region: 'la-south-2', state: 'failed', problem: 'down' }),
    side({ region: 'cn-east-3', same: 3 }),
  ],
};

const job = (id: number, tag: string, status: SyncJobStatus, region = 'ap-southeast-1') =>
  ({
    id,
    tag,
    status,
    remoteRegionId: region,
    remoteNamespace: 'there-ns',
  }) as SyncJob;

describe('making regions the same', () => {
  it('when a repository differs in one region, failed in another and is the same in a third, then only the first is synced, each way', () => {
    const items = alignItems([repository], true);
    expect(items.map((item) => item.side.region)).toEqual(['ap-southeast-1']);
    expect(alignSyncs('cn-north-4', items, true)).toEqual([
      {
        repository: 'web/app',
        from: { region: 'cn-north-4', namespace: 'here-ns' },
        to: { region: 'ap-southeast-1', namespace: 'there-ns' },
        tags: ['v1', 'v2'],
        override: true,
      },
      {
        repository: 'web/app',
        from: { region: 'ap-southeast-1', namespace: 'there-ns' },
        to: { region: 'cn-north-4', namespace: 'here-ns' },
        tags: ['v3'],
        override: false,
      },
    ]);
  });

  it('when jobs are listed, then only jobs after the sync to its target count, the newest per tag', () => {
    const sync = { to: { region: 'ap-southeast-1', namespace: 'there-ns' }, tags: ['v1', 'v2'] };
    const jobs = [
      job(9, 'v1', 'success'),
      job(8, 'v1', 'running'),
      job(7, 'v2', 'running', 'cn-east-3'),
      job(3, 'v2', 'success'),
    ];
    expect(syncProgress(sync, jobs, 5)).toEqual({ ended: { success: 1 }, pending: 1 });
    expect(syncProgress(sync, [job(10, 'v2', 'failed'), ...jobs], 5)).toEqual({
      ended: { success: 1, failed: 1 },
      pending: 0,
    });
  });
});
