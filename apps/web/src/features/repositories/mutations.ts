import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CreateRepoBody, UpdateRepoBody } from '@swr-console/swr-api';
import { swrKeys } from '../../shared/keys';
import { createRepository, deleteRepository, updateRepository } from './api';

/** A repository of the region, by its organization and name. */
export interface RepositoryName {
  namespace: string;
  repository: string;
}

/**
 * What a repository coming or going changes besides itself: the repository lists, its
 * organization's count (on its page and in the organization list), the region's totals, and the
 * recently changed repositories the activity is read from.
 */
function refreshAround(queryClient: QueryClient, region: string, namespace: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: swrKeys.repositories(region) }),
    queryClient.invalidateQueries({ queryKey: swrKeys.namespaceDetail(region, namespace) }),
    queryClient.invalidateQueries({ queryKey: swrKeys.namespaceList(region) }),
    queryClient.invalidateQueries({ queryKey: swrKeys.overview(region) }),
    queryClient.invalidateQueries({ queryKey: swrKeys.activity(region) }),
  ]);
}

export function useCreateRepository(region: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ namespace, body }: { namespace: string; body: CreateRepoBody }) =>
      createRepository(region, namespace, body),
    // The name may have been looked at before it existed (a sync preview of this target, say).
    onSuccess: (_, { namespace, body }) =>
      Promise.all([
        refreshAround(queryClient, region, namespace),
        queryClient.invalidateQueries({
          queryKey: swrKeys.repository(region, namespace, body.repository),
        }),
      ]),
  });
}

export function useUpdateRepository(region: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ namespace, repository, body }: RepositoryName & { body: UpdateRepoBody }) =>
      updateRepository(region, namespace, repository, body),
    // Its facts show in the lists too, which order it by when it changed.
    onSuccess: (_, { namespace, repository }) =>
      Promise.all([
        queryClient.invalidateQueries({
          queryKey: swrKeys.repository(region, namespace, repository),
        }),
        queryClient.invalidateQueries({ queryKey: swrKeys.repositories(region) }),
        queryClient.invalidateQueries({ queryKey: swrKeys.activity(region) }),
      ]),
  });
}

/** Deleting a repository deletes its tags, shares, tasks and the rest with it. */
export function useDeleteRepository(region: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ namespace, repository }: RepositoryName) =>
      deleteRepository(region, namespace, repository),
    onSuccess: (_, { namespace, repository }) =>
      Promise.all([
        refreshAround(queryClient, region, namespace),
        // Gone: stale for a later visit, not asked for again now.
        queryClient.invalidateQueries({
          queryKey: swrKeys.repository(region, namespace, repository),
          refetchType: 'none',
        }),
      ]),
  });
}
