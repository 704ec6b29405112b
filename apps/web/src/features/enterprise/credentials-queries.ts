import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { InstanceRef } from './api';
import { credentialCount, instanceStatistics, listCredentials } from './credentials-api';
import { enterpriseKeys } from './queries';

/** Keys under the instance's, so the instance's refresh reaches them too. */
export const credentialKeys = {
  /** Every list of the instance's long-term credentials (mine, everyone's, the count). */
  all: (ref: InstanceRef) => [...enterpriseKeys.instance(ref), 'long-term-credentials'] as const,
  statistics: (ref: InstanceRef) => [...enterpriseKeys.instance(ref), 'statistics'] as const,
};

export const credentialQueries = {
  page: (ref: InstanceRef, everyone: boolean, page: number, pageSize: number) =>
    queryOptions({
      queryKey: [...credentialKeys.all(ref), everyone ? 'everyone' : 'mine', page, pageSize],
      queryFn: ({ signal }) =>
        listCredentials(ref, everyone, (page - 1) * pageSize, pageSize, signal),
      placeholderData: keepPreviousData,
    }),
  count: (ref: InstanceRef) =>
    queryOptions({
      queryKey: [...credentialKeys.all(ref), 'count'],
      queryFn: ({ signal }) => credentialCount(ref, signal),
    }),
  statistics: (ref: InstanceRef) =>
    queryOptions({
      queryKey: credentialKeys.statistics(ref),
      queryFn: ({ signal }) => instanceStatistics(ref, signal),
    }),
};
