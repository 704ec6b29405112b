import type { SyncJob, SyncJobStatus } from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import { failureCause, isActive, latestJobs, retryBatches } from './jobs';

let id = 100;
const job = (
  tag: string,
  status: SyncJobStatus,
  target: { region?: string; namespace?: string; override?: boolean } = {},
): SyncJob => ({
  id: --id,
  domainID: 'd',
  domainName: 'acme',
  namespace: 'team',
  repoName: 'app',
  tag,
  remoteRegionId: target.region ?? 'ap-southeast-1',
  remoteNamespace: target.namespace ?? 'team',
  override: target.override ?? false,
  status,
  syncOperatorId: 'u',
  syncOperatorName: 'ops',
  createdAt: '2026-11-28T00:00:00Z',
  updatedAt: '2026-11-28T00:00:00Z',
});

describe('latestJobs and retryBatches (jobs newest first)', () => {
  it('when a failed tag was synced again successfully, then it is not retried', () => {
    const jobs = [job('v1', 'success'), job('v2', 'failed'), job('v1', 'failed')];
    expect(latestJobs(jobs).map((j) => `${j.tag}:${j.status}`)).toEqual([
      'v1:success',
      'v2:failed',
    ]);
    expect(retryBatches(jobs)).toEqual([
      { region: 'ap-southeast-1', namespace: 'team', override: false, tags: ['v2'] },
    ]);
  });

  it('when failures went to different targets or override settings, then each is its own batch', () => {
    const jobs = [
      job('v1', 'failed'),
      job('v2', 'timeout', { namespace: 'mirror' }),
      job('v3', 'cancel', { override: true }),
      job('v4', 'existed'),
      job('v5', 'failed'),
    ];
    expect(retryBatches(jobs)).toEqual([
      { region: 'ap-southeast-1', namespace: 'team', override: false, tags: ['v1', 'v5'] },
      { region: 'ap-southeast-1', namespace: 'mirror', override: false, tags: ['v2'] },
      { region: 'ap-southeast-1', namespace: 'team', override: true, tags: ['v3'] },
    ]);
  });
});

describe('isActive', () => {
  it('when a job waits or runs, then the list is active; finished jobs are not', () => {
    expect(isActive([job('a', 'success'), job('b', 'waiting')])).toBe(true);
    expect(isActive([job('a', 'running')])).toBe(true);
    expect(isActive([job('a', 'success'), job('b', 'failed'), job('c', 'existed')])).toBe(false);
  });
});

describe('failureCause', () => {
  const failed = job('v1', 'failed', { namespace: 'gone' });

  it('when the target organization is missing, then that is the cause', () => {
    expect(
      failureCause(failed, { targetNamespaces: new Set(['team']), sourceTags: new Set(['v1']) }),
    ).toBe('no-target-namespace');
  });

  it('when the tag left the source, then that is the cause', () => {
    expect(
      failureCause(failed, { targetNamespaces: new Set(['gone']), sourceTags: new Set(['v2']) }),
    ).toBe('tag-gone');
  });

  it('when nothing checked explains it, or the facts are not loaded, then the cause is unknown', () => {
    expect(
      failureCause(failed, { targetNamespaces: new Set(['gone']), sourceTags: new Set(['v1']) }),
    ).toBe('unknown');
    expect(failureCause(failed, { targetNamespaces: undefined, sourceTags: undefined })).toBe(
      'unknown',
    );
  });
});
