import type { StoragePage } from '@swr-console/contracts/bff';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { bff } from '../../shared/http';
import { swrKeys } from '../../shared/keys';
import { nextRepositoryOffset } from '../../shared/queries/every-page';

export interface StorageFilter {
  namespace?: string;
  name?: string;
}

/** Repositories read per call. */
export const STORAGE_PAGE = 20;

export async function readStorage(
  region: string,
  filter: StorageFilter,
  offset: number,
  signal?: AbortSignal,
): Promise<StoragePage> {
  return bff.call(
    'ShowStorage',
    { params: { region }, query: { ...filter, offset, limit: STORAGE_PAGE } },
    { signal },
  );
}

export const storageKey = (region: string, filter: StorageFilter) =>
  [...swrKeys.region(region), 'storage', filter] as const;

/** Every repository of the filter, page after page (the page asks for each next one). */
export const storageQuery = (region: string, filter: StorageFilter) =>
  infiniteQueryOptions({
    queryKey: storageKey(region, filter),
    queryFn: ({ pageParam, signal }) => readStorage(region, filter, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: nextRepositoryOffset(STORAGE_PAGE),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
