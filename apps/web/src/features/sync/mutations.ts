import { useMutation, useQueryClient } from '@tanstack/react-query';
import { runBatch } from '../../shared/batch';
import { expectChanges } from '../../shared/freshness';
import { swrKeys } from '../../shared/keys';
import { allTagsQuery } from '../../shared/queries/tags';
import {
  createAutoSync,
  deleteAutoSync,
  syncNow,
  type RepositoryRef,
  type SyncTarget,
} from './api';
import type { RetryBatch } from './jobs';
import { syncKeys } from './queries';
import { syncInBatches } from './sync-now';

/**
 * Sets up automatic sync to a target, and queues a copy of `tags` (what the repository has now)
 * at once. A failed copy does not fail the whole: the task exists, and says so.
 */
export function useCreateAutoSync(ref: RepositoryRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      target,
      override,
      tags,
    }: {
      target: SyncTarget;
      override: boolean;
      tags: readonly string[];
    }) => {
      await createAutoSync(ref, target, override);
      if (tags.length === 0) return { queued: 0, refused: [] as string[] };
      try {
        return await syncInBatches(ref, target, [...tags], override);
      } catch {
        // The task exists either way; copying what exists can be done again as a manual sync.
        return { queued: 0, refused: [...tags], copyFailed: true };
      }
    },
    // Refreshed even when it fails: the task may exist without the copy.
    onSettled: () => {
      expectChanges();
      return queryClient.invalidateQueries({ queryKey: syncKeys.all(ref) });
    },
  });
}

export function useDeleteAutoSync(ref: RepositoryRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: SyncTarget) => deleteAutoSync(ref, target),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: syncKeys.all(ref) }),
  });
}

/** Queues a copy of the chosen tags now; SWR answers the tags it could not queue. */
export function useSyncNow(ref: RepositoryRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      target,
      tags,
      override,
    }: {
      target: SyncTarget;
      tags: string[];
      override: boolean;
    }) => syncInBatches(ref, target, tags, override),
    onSuccess: () => {
      expectChanges();
      return queryClient.invalidateQueries({ queryKey: syncKeys.all(ref) });
    },
  });
}

/**
 * Syncs failed tags again, one request per target and override setting, and answers how many
 * were queued. The first request that fails fails the retry, and the rest are not sent.
 */
export function useRetrySync(ref: RepositoryRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (batches: readonly RetryBatch[]) => {
      const outcomes = await runBatch(
        batches,
        async (batch) =>
          batch.tags.length - (await syncNow(ref, batch, batch.tags, batch.override)).length,
        { stopOnError: true },
      );
      let queued = 0;
      for (const outcome of outcomes) {
        if (outcome.status === 'failed') throw outcome.error;
        if (outcome.status === 'done') queued += outcome.value;
      }
      return queued;
    },
    onSuccess: () => {
      expectChanges();
      return queryClient.invalidateQueries({ queryKey: syncKeys.all(ref) });
    },
  });
}

/**
 * Automatic sync for several repositories of a region, SWR having no batch call: one after
 * another, each answering how many of its tags were queued for copying at once (`backfill`).
 * Each repository is refreshed as its turn ends, whether it failed or not.
 */
export function useBatchAutoSync(region: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      repositories,
      target,
      override,
      backfill,
    }: {
      repositories: readonly { namespace: string; name: string }[];
      target: SyncTarget;
      override: boolean;
      backfill: boolean;
    }) =>
      runBatch(repositories, async (repo) => {
        const ref = { region, namespace: repo.namespace, repository: repo.name };
        try {
          await createAutoSync(ref, target, override);
          if (!backfill) return 0;
          const tags = await queryClient.fetchQuery(
            allTagsQuery(region, repo.namespace, repo.name),
          );
          if (tags.items.length === 0) return 0;
          const copy = tags.items.map((tag) => tag.Tag);
          return (await syncInBatches(ref, target, copy, override)).queued;
        } finally {
          await queryClient.invalidateQueries({ queryKey: swrKeys.repositoryOf(ref) });
        }
      }),
  });
}
