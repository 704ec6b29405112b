import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ListSharedReposQuery } from '@swr-console/swr-api';
import { swrKeys } from '../../shared/keys';
import { listShares, listSharedWithMe, type RepositoryRef } from './api';

export const sharingKeys = {
  all: (ref: RepositoryRef) => [...swrKeys.repositoryOf(ref), 'shares'] as const,
  sharedWithMe: (region: string) => [...swrKeys.region(region), 'shared-with-me'] as const,
};

export const sharingQueries = {
  shares: (ref: RepositoryRef) =>
    queryOptions({
      queryKey: [...sharingKeys.all(ref), 'list'],
      queryFn: ({ signal }) => listShares(ref, signal),
    }),
  sharedWithMe: (region: string, query: Omit<ListSharedReposQuery, 'center'>) =>
    queryOptions({
      queryKey: [...sharingKeys.sharedWithMe(region), query],
      queryFn: ({ signal }) => listSharedWithMe(region, query, signal),
      placeholderData: keepPreviousData,
    }),
};
