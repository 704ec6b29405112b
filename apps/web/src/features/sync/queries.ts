import { queryOptions } from '@tanstack/react-query';
import { swrKeys } from '../../shared/keys';
import { listAutoSync, listJobs, targetDigests, type RepositoryRef, type SyncTarget } from './api';

export const syncKeys = {
  all: (ref: RepositoryRef) => [...swrKeys.repositoryOf(ref), 'sync'] as const,
};

export const syncQueries = {
  tasks: (ref: RepositoryRef) =>
    queryOptions({
      queryKey: [...syncKeys.all(ref), 'tasks'],
      queryFn: ({ signal }) => listAutoSync(ref, signal),
    }),
  jobs: (ref: RepositoryRef) =>
    queryOptions({
      queryKey: [...syncKeys.all(ref), 'jobs'],
      queryFn: ({ signal }) => listJobs(ref, signal),
    }),
  /** The tags the repository has in a target, under the target repository's key. */
  target: (repository: string, target: SyncTarget) =>
    queryOptions({
      queryKey: [
        ...swrKeys.repository(target.region, target.namespace, repository),
        'tags',
        'digests',
      ],
      queryFn: ({ signal }) => targetDigests(repository, target, signal),
      staleTime: 0,
    }),
};
