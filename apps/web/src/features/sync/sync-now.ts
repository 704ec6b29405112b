import { syncNow, type RepositoryRef, type SyncTarget } from './api';

/**
 * SWR documents no limit on the tags of one manual sync; the console sends at most this many per
 * request so that a repository of thousands of tags is not one huge request.
 */
const SYNC_BATCH = 100;

/** Queues a sync of every tag, batch by batch; SWR answers the tags it could not queue. */
export async function syncInBatches(
  repository: RepositoryRef,
  target: SyncTarget,
  tags: string[],
  override: boolean,
): Promise<{ queued: number; refused: string[] }> {
  const refused: string[] = [];
  for (let start = 0; start < tags.length; start += SYNC_BATCH)
    refused.push(
      ...(await syncNow(repository, target, tags.slice(start, start + SYNC_BATCH), override)),
    );
  return { queued: tags.length - refused.length, refused };
}
