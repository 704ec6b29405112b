import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ListReposQuery } from '@swr-console/swr-api';
import { swrKeys } from '../../shared/keys';
import { listRepositories, showRepository } from './api';

export const repositoryQueries = {
  list: (region: string, query: ListReposQuery) =>
    queryOptions({
      queryKey: [...swrKeys.repositories(region), query],
      queryFn: ({ signal }) => listRepositories(region, query, signal),
      placeholderData: keepPreviousData,
    }),
  detail: (region: string, namespace: string, repository: string) =>
    queryOptions({
      queryKey: [...swrKeys.repository(region, namespace, repository), 'detail'],
      queryFn: ({ signal }) => showRepository(region, namespace, repository, signal),
    }),
};
