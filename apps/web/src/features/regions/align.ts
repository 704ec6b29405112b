import type { ComparedRegion, ComparedRepository } from '@swr-console/contracts/bff';
import {
  alignBatches,
  alignSteps,
  type AlignStep,
  type SyncJob,
  type SyncJobStatus,
} from '@swr-console/swr-api';

/**
 * One manual sync that "make it the same" sends: the tags of `from` copied to `to`. Both are a
 * repository by region and organization; the repository's name is the same on both sides.
 */
export interface AlignSync {
  repository: string;
  from: { region: string; namespace: string };
  to: { region: string; namespace: string };
  tags: string[];
  override: boolean;
}

/** What making one repository the same in one other region does, tag by tag. */
export interface AlignItem {
  repository: ComparedRepository;
  side: ComparedRegion;
  steps: AlignStep[];
}

/** Whether a side can be made the same: it was compared (or lacks the repository) and differs. */
export const alignable = (side: ComparedRegion) =>
  (side.state === 'compared' || side.state === 'no-repository') && side.differences.length > 0;

/** The steps for each chosen repository and region that differ. */
export function alignItems(
  repositories: readonly ComparedRepository[],
  override: boolean,
): AlignItem[] {
  return repositories.flatMap((repository) =>
    repository.regions
      .filter(alignable)
      .map((side) => ({ repository, side, steps: alignSteps(side.differences, override) })),
  );
}

/**
 * The syncs that carry out the steps: from here to there for what here has, from there back for
 * what only there has. A tag kept without override is still sent: SWR reports it as existed.
 */
export function alignSyncs(
  here: string,
  items: readonly AlignItem[],
  override: boolean,
): AlignSync[] {
  const syncs: AlignSync[] = [];
  for (const { repository, side, steps } of items) {
    const { there, here: back } = alignBatches(steps);
    const mine = { region: here, namespace: repository.namespace };
    const theirs = { region: side.region, namespace: side.namespace };
    if (there.length > 0)
      syncs.push({ repository: repository.name, from: mine, to: theirs, tags: there, override });
    // Missing here, so there is nothing to override.
    if (back.length > 0)
      syncs.push({
        repository: repository.name,
        from: theirs,
        to: mine,
        tags: back,
        override: false,
      });
  }
  return syncs;
}

const ACTIVE: ReadonlySet<SyncJobStatus> = new Set(['waiting', 'running']);

export interface AlignProgress {
  /** Tags whose job ended, by how it ended. */
  ended: Partial<Record<SyncJobStatus, number>>;
  /** Tags whose job is queued or running, or not listed yet. */
  pending: number;
}

/**
 * How far one sync got: for each of its tags, the newest job to its target that is newer than
 * `after` (the highest job id before the sync was sent), so older jobs never count.
 */
export function syncProgress(
  sync: Pick<AlignSync, 'to' | 'tags'>,
  jobs: readonly SyncJob[],
  after: number,
): AlignProgress {
  const newest = new Map<string, SyncJob>();
  for (const job of jobs) {
    if (job.id <= after) continue;
    if (job.remoteRegionId !== sync.to.region || job.remoteNamespace !== sync.to.namespace)
      continue;
    const known = newest.get(job.tag);
    if (!known || job.id > known.id) newest.set(job.tag, job);
  }
  const progress: AlignProgress = { ended: {}, pending: 0 };
  for (const tag of sync.tags) {
    const job = newest.get(tag);
    if (!job || ACTIVE.has(job.status)) progress.pending++;
    else progress.ended[job.status] = (progress.ended[job.status] ?? 0) + 1;
  }
  return progress;
}
