import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ListTagsQuery } from '@swr-console/swr-api';
import { swrKeys } from '../../shared/keys';
import { listAllTags, listTags } from './api';

/** Version order is sorted in the browser, so it loads at most this many tags. */
export const VERSION_SORT_CAP = 2000;

const tagKeys = {
  all: (region: string, namespace: string, repository: string) =>
    [...swrKeys.repository(region, namespace, repository), 'tags'] as const,
};

export const tagQueries = {
  page: (region: string, namespace: string, repository: string, query: ListTagsQuery) =>
    queryOptions({
      queryKey: [...tagKeys.all(region, namespace, repository), 'page', query],
      queryFn: ({ signal }) => listTags(region, namespace, repository, query, signal),
      placeholderData: keepPreviousData,
    }),
  everything: (region: string, namespace: string, repository: string, filter: string) =>
    queryOptions({
      queryKey: [
        ...tagKeys.all(region, namespace, repository),
        'everything',
        { filter, cap: VERSION_SORT_CAP },
      ],
      queryFn: ({ signal }) =>
        listAllTags(region, namespace, repository, filter, VERSION_SORT_CAP, signal),
    }),
};
