import { queryOptions } from '@tanstack/react-query';
import { swrKeys } from '../keys';
import { swrClient } from '../swr';

/** The organizations the user sees in a region (several features list or pick them). */
export const namespaceListQuery = (region: string) =>
  queryOptions({
    queryKey: swrKeys.namespaceList(region),
    queryFn: async ({ signal }) =>
      (
        await swrClient(region).request(
          'ListNamespaces',
          { query: { filter: 'mode::visible' } },
          { signal },
        )
      ).data.namespaces,
  });
