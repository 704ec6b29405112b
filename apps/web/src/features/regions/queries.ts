import type { ComparedRepository, RegionsComparison } from '@swr-console/contracts/bff';
import { infiniteQueryOptions, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { swrKeys } from '../../shared/keys';
import { nextRepositoryOffset } from '../../shared/queries/every-page';
import { COMPARE_PAGE, compareRegions, type CompareFilter } from './api';

/**
 * Under the region's key, so a change anywhere in the region refreshes it; one comparison per
 * filter (the "only differences" switch is the page's own and reads the same data).
 */
export const comparisonKey = (region: string, filter: CompareFilter) =>
  [...swrKeys.region(region), 'regions-compare', filter] as const;

/** The region's repositories compared page by page; the page asks for each next one itself. */
export const comparisonQuery = (region: string, filter: CompareFilter) =>
  infiniteQueryOptions({
    queryKey: comparisonKey(region, filter),
    queryFn: ({ pageParam, signal }) => compareRegions(region, filter, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: nextRepositoryOffset(COMPARE_PAGE),
    enabled: filter.against.length > 0,
    // Reading every tag of every repository is the costly part: never again on a window focus.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

/** Puts a repository's fresh comparison (after a sync) in place of the one the page shows. */
export function replaceCompared(
  client: QueryClient,
  region: string,
  filter: CompareFilter,
  fresh: ComparedRepository,
): void {
  client.setQueryData<InfiniteData<RegionsComparison, number>>(
    comparisonKey(region, filter),
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          repositories: page.repositories.map((r) =>
            r.namespace === fresh.namespace && r.name === fresh.name ? fresh : r,
          ),
        })),
      },
  );
}
