import { queryOptions } from '@tanstack/react-query';
import { swrKeys } from '../keys';
import { swrClient } from '../swr';

/** The account's organization quota in a region: how many it may have, and how many it has. */
export const namespaceQuotaQuery = (region: string, projectId: string) =>
  queryOptions({
    queryKey: [...swrKeys.quotas(region), projectId],
    queryFn: async ({ signal }) => {
      const { quotas } = (
        await swrClient(region).request(
          'ListQuotas',
          { path: { project_id: projectId } },
          { signal },
        )
      ).data;
      return quotas.find((q) => q.quota_key === 'namespace');
    },
  });
