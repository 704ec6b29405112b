import type { RegistryBody, ReplicationPolicy, ReplicationPolicyBody } from '@swr-console/swr-api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InstanceRef } from './api';
import {
  checkRegistry,
  deleteRegistry,
  deleteReplicationPolicy,
  execute,
  saveRegistry,
  saveReplicationPolicy,
  stop,
} from './replication-api';
import { replicationKeys } from './replication-queries';

/** Adds a registry, or changes the one with `id` (SWR checks it either way). */
export function useSaveRegistry(ref: InstanceRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | undefined; body: RegistryBody }) =>
      saveRegistry(ref, id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: replicationKeys.registries(ref) }),
  });
}

/**
 * Checks a registry again (SWR does when it is read) and answers what it found; the list is
 * re-read, so its health column says the same.
 */
export function useTestRegistry(ref: InstanceRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => checkRegistry(ref, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: replicationKeys.registries(ref) }),
  });
}

/**
 * Deletes a registry, held for undo; SWR refuses one that a policy uses, and the held deletion's
 * failure says so with SWR's words (the policies named).
 */
export function useDeleteRegistry(ref: InstanceRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => deleteRegistry(ref, id),
    onSuccess: (held) =>
      held
        ? undefined
        : queryClient.invalidateQueries({ queryKey: replicationKeys.registries(ref) }),
  });
}

export function useSaveReplicationPolicy(ref: InstanceRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | undefined; body: ReplicationPolicyBody }) =>
      saveReplicationPolicy(ref, id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: replicationKeys.policies(ref) }),
  });
}

/** Deletes a policy (held for undo); its runs go with it when the deletion is sent. */
export function useDeleteReplicationPolicy(ref: InstanceRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: ReplicationPolicy) => deleteReplicationPolicy(ref, policy.id),
    onSuccess: (held) =>
      held
        ? undefined
        : Promise.all([
            queryClient.invalidateQueries({ queryKey: replicationKeys.policies(ref) }),
            queryClient.invalidateQueries({ queryKey: replicationKeys.executions(ref) }),
          ]),
  });
}

/** Runs a policy now (or again); answers the run's id. The runs on screen are re-read. */
export function useRunReplication(ref: InstanceRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policyId: number) => execute(ref, policyId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: replicationKeys.executions(ref) }),
  });
}

/** Stops a run: the tag being copied is abandoned, the rest are not started. */
export function useStopReplication(ref: InstanceRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (executionId: number) => stop(ref, executionId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: replicationKeys.executions(ref) }),
  });
}
