import type { QueryClient } from '@tanstack/react-query';
import { readListState } from '../../shared/list-state';
import { tagQueries } from './queries';
import { serverQuery, TAG_LIST, tagSort } from './useTagList';

/**
 * Starts loading the tags a URL shows, before the tags panel's code has arrived: the router
 * calls this on navigation so the list request runs alongside the page's other requests.
 */
export function prefetchTags(
  queryClient: QueryClient,
  region: string,
  namespace: string,
  repository: string,
  search: URLSearchParams,
): void {
  const state = readListState(search, TAG_LIST);
  if (tagSort(state) === 'version')
    void queryClient.prefetchQuery(
      tagQueries.everything(region, namespace, repository, state.filters.tag ?? ''),
    );
  else
    void queryClient.prefetchQuery(
      tagQueries.page(region, namespace, repository, serverQuery(state)),
    );
}
