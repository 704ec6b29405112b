import type { RetentionPolicyBody } from '@swr-console/swr-api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InstanceRef } from './api';
import { deletePolicy, runPolicy, savePolicy } from './retention-api';
import { retentionKeys } from './retention-queries';

/** Creates the namespace's policy, or changes it (`id`). */
export function useSaveRetention(ref: InstanceRef, namespace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | undefined; body: RetentionPolicyBody }) =>
      savePolicy(ref, namespace, id, body),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: retentionKeys.policy(ref, namespace) }),
  });
}

/** Held for undo like every deletion; answers the held deletion, if it is one. */
export function useDeleteRetention(ref: InstanceRef, namespace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => deletePolicy(ref, namespace, id),
    onSuccess: (_, id) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: retentionKeys.policy(ref, namespace) }),
        // Gone with its runs: stale for a later visit, not asked for again now.
        queryClient.invalidateQueries({
          queryKey: retentionKeys.runs(ref, namespace, id),
          refetchType: 'none',
        }),
      ]),
  });
}

/** Starts a run (a dry run deletes nothing); answers its id. */
export function useRunRetention(ref: InstanceRef, namespace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ policy, dryRun }: { policy: number; dryRun: boolean }) =>
      runPolicy(ref, namespace, policy, dryRun),
    onSuccess: (_, { policy }) =>
      queryClient.invalidateQueries({ queryKey: retentionKeys.runs(ref, namespace, policy) }),
  });
}
