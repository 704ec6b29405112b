import { useMutation, useQueryClient } from '@tanstack/react-query';
import { runBatch, type BatchOutcome } from '../../shared/batch';
import { swrKeys } from '../../shared/keys';
import { createTag, deleteTag } from './api';

/** Points a new tag at the image of an existing one; `override` replaces a tag of that name. */
export function useRetag(region: string, namespace: string, repository: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (retag: { source: string; destination: string; override: boolean }) =>
      createTag(region, namespace, repository, retag),
    // The repository's tag count changes too, not only its tag list.
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: swrKeys.repository(region, namespace, repository),
      }),
  });
}

/**
 * Deletes tags one call per tag (SWR has no batch delete), reporting each as it ends; after
 * `signal` aborts, the tag in flight finishes and the rest stay.
 */
export function useDeleteTags(region: string, namespace: string, repository: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      tags,
      signal,
      onProgress,
    }: {
      tags: readonly string[];
      signal: AbortSignal;
      onProgress: (known: BatchOutcome<string, boolean>[]) => void;
    }) =>
      runBatch(
        tags,
        // True when the BFF holds it for undo: not deleted yet, and the undo bar says so.
        async (tag) => (await deleteTag(region, namespace, repository, tag)) !== undefined,
        {
          signal,
          onProgress,
        },
      ),
    // The repository's tag count and size change too, not only its tag list. Not awaited: the
    // report shows as soon as the last tag is done, while the list refreshes.
    onSuccess: () =>
      void queryClient.invalidateQueries({
        queryKey: swrKeys.repository(region, namespace, repository),
      }),
  });
}
