import type { SwrClient } from '@swr-console/swr-api';
import { z } from 'zod';
import { fromSwr, readAs } from '../auth/clients.js';

const repositoryItems = z.array(z.object({ name: z.string(), namespace: z.string() }));

/**
 * A page of a region's repositories by name, for the BFF's reading across an account: an
 * organization and part of a name filter it, and `total` counts every match.
 */
export async function repositoryPage(
  swr: SwrClient,
  query: {
    namespace?: string | undefined;
    name?: string | undefined;
    offset: number;
    limit: number;
  },
) {
  const listed = await fromSwr(
    swr.request('ListReposDetails', {
      query: {
        ...(query.namespace ? { namespace: query.namespace } : {}),
        // SWR writes the "/" of a nested name as "$" in this filter.
        ...(query.name ? { name: query.name.replaceAll('/', '$') } : {}),
        limit: query.limit,
        offset: query.offset,
        order_column: 'name',
        order_type: 'asc',
      },
    }),
  );
  const repositories = readAs(repositoryItems, listed.data);
  return { repositories, total: listed.range?.total ?? query.offset + repositories.length };
}

/** Repositories read at once for one answer of the account-wide routes. */
const PARALLEL_REPOSITORIES = 4;

/** `work` over each repository of a page, four at a time, the results in the page's order. */
export async function eachRepository<T, R>(
  repositories: readonly T[],
  work: (repository: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(repositories.length);
  let next = 0;
  const worker = async () => {
    while (next < repositories.length) {
      const index = next++;
      results[index] = await work(repositories[index]!);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL_REPOSITORIES, repositories.length) }, worker),
  );
  return results;
}
