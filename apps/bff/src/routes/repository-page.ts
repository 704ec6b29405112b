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
