import type { RetentionRule } from '@swr-console/swr-api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { expectChanges } from '../../shared/freshness';
import { deleteRetention, saveRetention, type RepositoryRef } from './api';
import { retentionKeys } from './queries';

/**
 * Creates the rule, or changes the one with `existing`; SWR runs it at once. The tags it deletes
 * are followed by the panel, which refreshes the repository when they are gone.
 */
export function useSaveRetention(ref: RepositoryRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ existing, rule }: { existing: number | undefined; rule: RetentionRule }) =>
      saveRetention(ref, existing, rule),
    onSuccess: () => {
      expectChanges();
      return queryClient.invalidateQueries({ queryKey: retentionKeys.all(ref) });
    },
  });
}

export function useDeleteRetention(ref: RepositoryRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => deleteRetention(ref, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: retentionKeys.all(ref) }),
  });
}
