import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { swrKeys } from '../../shared/keys';
import { createNamespace, deleteNamespace } from './api';

/** What an organization coming or going changes besides itself: the list, the quota, the totals. */
function refreshCounts(queryClient: QueryClient, region: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: swrKeys.namespaceList(region) }),
    queryClient.invalidateQueries({ queryKey: swrKeys.quotas(region) }),
    queryClient.invalidateQueries({ queryKey: swrKeys.overview(region) }),
  ]);
}

export function useCreateNamespace(region: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => createNamespace(region, name),
    // The name may have been looked at before it existed.
    onSuccess: (_, name) =>
      Promise.all([
        refreshCounts(queryClient, region),
        queryClient.invalidateQueries({ queryKey: swrKeys.namespace(region, name) }),
      ]),
  });
}

/** SWR deletes only empty organizations, so no repository goes with one. */
export function useDeleteNamespace(region: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => deleteNamespace(region, name),
    onSuccess: (_, name) =>
      Promise.all([
        refreshCounts(queryClient, region),
        // Gone: stale for a later visit, not asked for again now.
        queryClient.invalidateQueries({
          queryKey: swrKeys.namespace(region, name),
          refetchType: 'none',
        }),
      ]),
  });
}
