import type { SwrCall } from '@swr-console/swr-api';
import { syncNow, syncNowCall, type RepositoryRef, type SyncTarget } from './api';

/**
 * SWR documents no limit on the tags of one manual sync; the console sends at most this many per
 * request so that a repository of thousands of tags is not one huge request.
 */
const SYNC_BATCH = 100;

function batchesOf(tags: readonly string[]): string[][] {
  const batches: string[][] = [];
  for (let start = 0; start < tags.length; start += SYNC_BATCH)
    batches.push(tags.slice(start, start + SYNC_BATCH));
  return batches;
}

/** Queues a sync of every tag, batch by batch; SWR answers the tags it could not queue. */
export async function syncInBatches(
  repository: RepositoryRef,
  target: SyncTarget,
  tags: string[],
  override: boolean,
): Promise<{ queued: number; refused: string[] }> {
  const refused: string[] = [];
  for (const batch of batchesOf(tags))
    refused.push(...(await syncNow(repository, target, batch, override)));
  return { queued: tags.length - refused.length, refused };
}

/** The calls `syncInBatches` makes. */
export const syncInBatchesCalls = (
  repository: RepositoryRef,
  target: SyncTarget,
  tags: readonly string[],
  override: boolean,
): SwrCall[] => batchesOf(tags).map((batch) => syncNowCall(repository, target, batch, override));
