import { ApiError, swrCall, type AutoSyncTask, type SyncJob } from '@swr-console/swr-api';
import { listAllTags } from '../../shared/queries/tags';
import { send, swrClient } from '../../shared/swr';
import type { RepositoryRef } from '../../shared/keys';
import { sendDeletion, type Deletion } from '../../shared/deletions';

export type { RepositoryRef };

/** Where images go: an organization of the same account in another region. */
export interface SyncTarget {
  region: string;
  namespace: string;
}

export async function listAutoSync(
  { region, namespace, repository }: RepositoryRef,
  signal?: AbortSignal,
): Promise<AutoSyncTask[]> {
  const response = await swrClient(region).request(
    'ListImageAutoSyncReposDetails',
    { path: { namespace, repository } },
    { signal },
  );
  return response.data;
}

export const createAutoSyncCall = (
  { namespace, repository }: RepositoryRef,
  target: SyncTarget,
  override: boolean,
) =>
  swrCall('CreateImageSyncRepo', {
    path: { namespace, repository },
    body: {
      remoteRegionId: target.region,
      remoteNamespace: target.namespace,
      syncAuto: true,
      override,
    },
  });

export async function createAutoSync(
  where: RepositoryRef,
  target: SyncTarget,
  override: boolean,
): Promise<void> {
  await send(where.region, createAutoSyncCall(where, target, override));
}

export const deleteAutoSyncCall = ({ namespace, repository }: RepositoryRef, target: SyncTarget) =>
  swrCall('DeleteImageSyncRepo', {
    path: { namespace, repository },
    body: { remoteRegionId: target.region, remoteNamespace: target.namespace },
  });

export async function deleteAutoSync(
  where: RepositoryRef,
  target: SyncTarget,
): Promise<Deletion | undefined> {
  return sendDeletion(where.region, deleteAutoSyncCall(where, target));
}

export const syncNowCall = (
  { namespace, repository }: RepositoryRef,
  target: SyncTarget,
  tags: string[],
  override: boolean,
) =>
  swrCall('CreateManualImageSyncRepo', {
    path: { namespace, repository },
    body: {
      imageTag: tags,
      remoteRegionId: target.region,
      remoteNamespace: target.namespace,
      override,
    },
  });

/** Queues one job per tag; SWR answers the tags it could not queue. */
export async function syncNow(
  where: RepositoryRef,
  target: SyncTarget,
  tags: string[],
  override: boolean,
): Promise<string[]> {
  const response = await send(where.region, syncNowCall(where, target, tags, override));
  return response.data ?? [];
}

/** The console shows this many of the newest jobs. */
const JOB_PAGE = 100;

export async function listJobs(
  { region, namespace, repository }: RepositoryRef,
  signal?: AbortSignal,
): Promise<SyncJob[]> {
  const response = await swrClient(region).request(
    'ShowSyncJob',
    {
      path: { namespace, repository },
      query: { filter: `limit::${JOB_PAGE}|offset::0|order::desc` },
    },
    { signal },
  );
  return response.data;
}

/**
 * The digest of each tag the same repository has in the target, an empty map when the target has
 * no such repository yet, or null when it has more tags than the console reads.
 */
export async function targetDigests(
  repository: string,
  target: SyncTarget,
  signal?: AbortSignal,
): Promise<Map<string, string> | null> {
  try {
    const all = await listAllTags(target.region, target.namespace, repository, '', 10_000, signal);
    return all.complete ? new Map(all.items.map((tag) => [tag.Tag, tag.digest])) : null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return new Map();
    throw error;
  }
}
