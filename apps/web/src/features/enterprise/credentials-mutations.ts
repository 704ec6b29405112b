import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InstanceRef } from './api';
import { createCredential, deleteCredential, setEnabled } from './credentials-api';
import { credentialKeys } from './credentials-queries';

/**
 * Creates a credential. gcTime 0: the answer holds the secret, so it leaves the mutation cache as
 * soon as nothing observes it; the dialog also resets the mutation once it has taken the answer.
 * The lists refresh (the new row, the count); the answer itself is never put in the query cache.
 */
export function useCreateCredential(ref: InstanceRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => createCredential(ref, name),
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: credentialKeys.all(ref) }),
  });
}

/** Enables or disables one; logins with a disabled credential are refused at once. */
export function useSetCredentialEnabled(ref: InstanceRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tokenId, enable }: { tokenId: string; enable: boolean }) =>
      setEnabled(ref, tokenId, enable),
    onSettled: () => queryClient.invalidateQueries({ queryKey: credentialKeys.all(ref) }),
  });
}

/**
 * Deletes one, held for undo: the row shows the countdown meanwhile, and the lists refresh when
 * the deletion is sent (the held-deletions bar refreshes the region's keys).
 */
export function useDeleteCredential(ref: InstanceRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => deleteCredential(ref, tokenId),
    onSuccess: (held) =>
      held ? undefined : queryClient.invalidateQueries({ queryKey: credentialKeys.all(ref) }),
  });
}
