import { queryOptions } from '@tanstack/react-query';
import { swrKeys } from '../../shared/keys';
import { namespaceListQuery } from '../../shared/queries/namespaces';
import { namespaceQuotaQuery } from '../../shared/queries/quota';
import { showNamespace } from './api';

export const namespaceQueries = {
  list: namespaceListQuery,
  detail: (region: string, namespace: string) =>
    queryOptions({
      queryKey: swrKeys.namespaceDetail(region, namespace),
      queryFn: ({ signal }) => showNamespace(region, namespace, signal),
    }),
  quota: namespaceQuotaQuery,
};
