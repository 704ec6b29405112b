import type { RegionsComparison } from '@swr-console/contracts/bff';
import { swrCall, type SyncJob } from '@swr-console/swr-api';
import { bff } from '../../shared/http';
import { send, swrClient } from '../../shared/swr';
import type { AlignSync } from './align';

export interface CompareFilter {
  against: string[];
  namespace?: string;
  targetNamespace?: string;
  name?: string;
}

/** Repositories the BFF compares per call: small enough that the first differences come soon. */
export const COMPARE_PAGE = 20;

export async function compareRegions(
  region: string,
  filter: CompareFilter,
  offset: number,
  signal?: AbortSignal,
): Promise<RegionsComparison> {
  return bff.call(
    'CompareRegions',
    {
      params: { region },
      query: {
        against: filter.against,
        ...(filter.namespace ? { namespace: filter.namespace } : {}),
        ...(filter.namespace && filter.targetNamespace
          ? { targetNamespace: filter.targetNamespace }
          : {}),
        ...(filter.name ? { name: filter.name } : {}),
        offset,
        limit: COMPARE_PAGE,
      },
    },
    { signal },
  );
}

/** The comparison of one repository, read again (after a sync), or undefined when it is gone. */
export async function compareOne(
  region: string,
  filter: CompareFilter,
  namespace: string,
  name: string,
  signal?: AbortSignal,
) {
  // The name filter matches parts of names: page through its matches for the exact one.
  for (let offset = 0; ; offset += 50) {
    const page = await bff.call(
      'CompareRegions',
      {
        params: { region },
        query: {
          against: filter.against,
          namespace,
          ...(filter.targetNamespace ? { targetNamespace: filter.targetNamespace } : {}),
          name,
          offset,
          limit: 50,
        },
      },
      { signal },
    );
    const found = page.repositories.find((r) => r.namespace === namespace && r.name === name);
    if (found || offset + 50 >= page.total) return found;
  }
}

export const alignSyncCall = (sync: AlignSync) =>
  swrCall('CreateManualImageSyncRepo', {
    path: { namespace: sync.from.namespace, repository: sync.repository },
    body: {
      imageTag: sync.tags,
      remoteRegionId: sync.to.region,
      remoteNamespace: sync.to.namespace,
      override: sync.override,
    },
  });

/** Queues the sync; SWR answers the tags it could not queue. */
export async function sendAlignSync(sync: AlignSync): Promise<string[]> {
  const response = await send(sync.from.region, alignSyncCall(sync));
  return response.data ?? [];
}

/** The newest jobs of the repository a sync copies from: enough to follow one sync's tags. */
export async function syncJobsOf(
  sync: Pick<AlignSync, 'from' | 'repository'>,
  signal?: AbortSignal,
): Promise<SyncJob[]> {
  const response = await swrClient(sync.from.region).request(
    'ShowSyncJob',
    {
      path: { namespace: sync.from.namespace, repository: sync.repository },
      query: { filter: 'limit::1000|offset::0|order::desc' },
    },
    { signal },
  );
  return response.data;
}
