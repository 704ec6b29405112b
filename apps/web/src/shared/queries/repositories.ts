import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { swrKeys } from '../keys';
import { swrClient } from '../swr';

/** Repositories of a region whose name contains `text` (SWR searches; a few, for a quick pick). */
export const repositorySearchQuery = (region: string, text: string, limit: number) =>
  queryOptions({
    queryKey: [...swrKeys.repositories(region), 'search', text, limit],
    queryFn: async ({ signal }) =>
      (
        await swrClient(region).request(
          'ListReposDetails',
          { query: { name: text.replaceAll('/', '$'), limit, offset: 0 } },
          { signal },
        )
      ).data,
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
  });
