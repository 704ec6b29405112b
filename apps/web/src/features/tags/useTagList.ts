import { useQuery } from '@tanstack/react-query';
import type { ListTagsQuery, TagListItem } from '@swr-console/swr-api';
import { useMemo } from 'react';
import { changePolling, useWatchingUntil } from '../../shared/freshness';
import type { ListDefaults, ListState } from '../../shared/list-state';
import { tagQueries } from './queries';
import { sortByVersion } from './semver';

export const TAG_PAGE_SIZES = [20, 50, 100, 500, 1000] as const;
export const TAG_LIST: ListDefaults = {
  pageSize: 20,
  sort: 'updated_at',
  order: 'desc',
  filters: ['tag'],
  pageSizes: TAG_PAGE_SIZES,
};

export type TagSort = 'updated_at' | 'tag' | 'version';
const SORTS: readonly string[] = ['updated_at', 'tag', 'version'] satisfies TagSort[];

/** The sort of a list state; anything else in a hand-edited URL means the default. */
export function tagSort(state: Pick<ListState, 'sort'>): TagSort {
  return state.sort && SORTS.includes(state.sort) ? (state.sort as TagSort) : 'updated_at';
}

/** The server call for a list state: SWR filters, sorts (by name or time) and pages. */
export function serverQuery(state: ListState): ListTagsQuery {
  const filter = state.filters.tag ?? '';
  return {
    limit: state.pageSize,
    offset: (state.page - 1) * state.pageSize,
    order_column: tagSort(state) === 'tag' ? 'tag' : 'updated_at',
    order_type: state.order,
    ...(filter ? { tag: filter } : {}),
  };
}

export interface TagList {
  /** The rows of the current page. */
  rows: TagListItem[];
  /** Every row loaded for this view: the page, or all matching tags in version order. */
  loaded: TagListItem[];
  total: number;
  loading: boolean;
  error: unknown;
  retry: () => void;
  /** Set when version order was asked for but more tags match than the browser sorts. */
  versionTotal: number | undefined;
}

/**
 * The tags a list state shows. By time or name SWR pages; by version the browser loads every
 * matching tag (bounded) and pages itself, falling back to server order above the bound.
 */
export function useTagList(
  region: string,
  namespace: string,
  repository: string,
  state: ListState,
): TagList {
  const byVersion = tagSort(state) === 'version';
  // Tags arrive from outside the console (docker push, sync, retention): follow them gently.
  const refetchInterval = changePolling(useWatchingUntil());
  const everything = useQuery({
    ...tagQueries.everything(region, namespace, repository, state.filters.tag ?? ''),
    enabled: byVersion,
    refetchInterval,
  });
  const tooMany = byVersion && everything.data !== undefined && !everything.data.complete;
  const query = useMemo(() => serverQuery(state), [state]);
  const page = useQuery({
    ...tagQueries.page(region, namespace, repository, query),
    enabled: !byVersion || tooMany,
    refetchInterval,
  });
  const sorted = useMemo(
    () =>
      everything.data?.complete
        ? sortByVersion(everything.data.items, (item) => item.Tag, state.order)
        : undefined,
    [everything.data, state.order],
  );

  if (byVersion && !tooMany) {
    const start = (state.page - 1) * state.pageSize;
    return {
      rows: sorted?.slice(start, start + state.pageSize) ?? [],
      loaded: sorted ?? [],
      total: sorted?.length ?? 0,
      loading: everything.isFetching,
      error: everything.error,
      retry: () => void everything.refetch(),
      versionTotal: undefined,
    };
  }
  return {
    rows: page.data?.items ?? [],
    loaded: page.data?.items ?? [],
    total: page.data?.total ?? 0,
    loading: page.isFetching || (byVersion && everything.isFetching),
    error: page.error ?? (byVersion ? everything.error : null),
    retry: () => void (everything.error ? everything.refetch() : page.refetch()),
    versionTotal: tooMany ? everything.data?.total : undefined,
  };
}
