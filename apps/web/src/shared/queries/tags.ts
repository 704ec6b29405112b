import { MAX_PAGE_SIZE, type ListTagsQuery, type TagListItem } from '@swr-console/swr-api';
import { queryOptions } from '@tanstack/react-query';
import { swrKeys } from '../keys';
import { swrClient } from '../swr';

// Reading a repository's tags, which more than one feature needs (the tag list, retention plans).

export interface TagPage {
  items: TagListItem[];
  total: number;
}

export async function listTags(
  region: string,
  namespace: string,
  repository: string,
  query: ListTagsQuery,
  signal?: AbortSignal,
): Promise<TagPage> {
  const response = await swrClient(region).request(
    'ListRepositoryTags',
    { path: { namespace, repository }, query },
    { signal },
  );
  return { items: response.data, total: response.range?.total ?? response.data.length };
}

export interface AllTags extends TagPage {
  /** False when more tags match than `cap`: then `items` is empty and only `total` is known. */
  complete: boolean;
}

/**
 * Every tag matching `filter`, in pages of the largest size SWR allows, unless more than `cap`
 * match: the console sorts versions itself and will not load an unbounded repository to do it.
 */
export async function listAllTags(
  region: string,
  namespace: string,
  repository: string,
  filter: string,
  cap: number,
  signal?: AbortSignal,
): Promise<AllTags> {
  // By name, so the pages stay put while a push changes update times between two calls.
  const query = (offset: number): ListTagsQuery => ({
    limit: MAX_PAGE_SIZE,
    offset,
    order_column: 'tag',
    order_type: 'asc',
    ...(filter ? { tag: filter } : {}),
  });
  const first = await listTags(region, namespace, repository, query(0), signal);
  if (first.total > cap) return { items: [], total: first.total, complete: false };
  const byName = new Map(first.items.map((item) => [item.Tag, item]));
  let offset = first.items.length;
  while (offset < first.total) {
    const next = await listTags(region, namespace, repository, query(offset), signal);
    if (next.items.length === 0) break;
    for (const item of next.items) byName.set(item.Tag, item);
    offset += next.items.length;
  }
  return { items: [...byName.values()], total: byName.size, complete: true };
}

/** Beyond this many tags, features that need every tag (plans, previews) say they cannot. */
export const ALL_TAGS_CAP = 10_000;

/** Every tag of a repository, under its tags key so that any tag change refreshes it. */
export const allTagsQuery = (region: string, namespace: string, repository: string) =>
  queryOptions({
    queryKey: [
      ...swrKeys.repository(region, namespace, repository),
      'tags',
      'everything',
      { filter: '', cap: ALL_TAGS_CAP },
    ],
    queryFn: ({ signal }) => listAllTags(region, namespace, repository, '', ALL_TAGS_CAP, signal),
  });
