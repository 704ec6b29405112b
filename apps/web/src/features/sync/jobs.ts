import type { SyncJob, SyncJobStatus } from '@swr-console/swr-api';

/** Statuses a job leaves on its own: the list is polled while one of these is shown. */
const ACTIVE: ReadonlySet<SyncJobStatus> = new Set(['waiting', 'running']);
/** Statuses worth trying again. */
export const RETRYABLE: ReadonlySet<SyncJobStatus> = new Set(['failed', 'timeout', 'cancel']);

export const isActive = (jobs: readonly SyncJob[]) => jobs.some((job) => ACTIVE.has(job.status));

const targetKey = (job: SyncJob) => `${job.remoteRegionId}\n${job.remoteNamespace}`;

/**
 * Each tag's newest job per target (jobs come newest first): an older failure that a later job
 * already fixed is history, not something to retry.
 */
export function latestJobs(jobs: readonly SyncJob[]): SyncJob[] {
  const seen = new Set<string>();
  return jobs.filter((job) => {
    const key = `${targetKey(job)}\n${job.tag}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface RetryBatch {
  region: string;
  namespace: string;
  override: boolean;
  tags: string[];
}

/** The failed tags to sync again, one request per target and override setting. */
export function retryBatches(jobs: readonly SyncJob[]): RetryBatch[] {
  const batches = new Map<string, RetryBatch>();
  for (const job of latestJobs(jobs)) {
    if (!RETRYABLE.has(job.status)) continue;
    const key = `${targetKey(job)}\n${job.override}`;
    let batch = batches.get(key);
    if (!batch) {
      batch = {
        region: job.remoteRegionId,
        namespace: job.remoteNamespace,
        override: job.override,
        tags: [],
      };
      batches.set(key, batch);
    }
    if (!batch.tags.includes(job.tag)) batch.tags.push(job.tag);
  }
  return [...batches.values()];
}

/**
 * Why a job likely failed. SWR records no reason, so the console checks what it can: whether the
 * target organization exists, and whether the tag is still in the source.
 */
export type FailureCause = 'no-target-namespace' | 'tag-gone' | 'unknown';

export function failureCause(
  job: SyncJob,
  facts: {
    targetNamespaces: ReadonlySet<string> | undefined;
    sourceTags: ReadonlySet<string> | undefined;
  },
): FailureCause {
  if (facts.targetNamespaces && !facts.targetNamespaces.has(job.remoteNamespace))
    return 'no-target-namespace';
  if (facts.sourceTags && !facts.sourceTags.has(job.tag)) return 'tag-gone';
  return 'unknown';
}
