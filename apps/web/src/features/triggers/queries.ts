import { queryOptions } from '@tanstack/react-query';
import { swrKeys } from '../../shared/keys';
import { listTriggers, type RepositoryRef } from './api';

export const triggerKeys = {
  all: (ref: RepositoryRef) => [...swrKeys.repositoryOf(ref), 'triggers'] as const,
};

export const triggerQueries = {
  list: (ref: RepositoryRef) =>
    queryOptions({
      queryKey: [...triggerKeys.all(ref), 'list'],
      queryFn: ({ signal }) => listTriggers(ref, signal),
    }),
};
