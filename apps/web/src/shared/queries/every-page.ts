import { useEffect } from 'react';

/**
 * The BFF's account-wide reading (regions compared, retention planned, storage) answers a page of
 * repositories at a time, with the total: its pages come one after the other until all are read.
 */
export interface RepositoryPages {
  total: number;
  repositories: unknown[];
}

/** `getNextPageParam` for such pages: the next offset while pages come full and short of the total. */
export const nextRepositoryOffset =
  (pageSize: number) =>
  (last: RepositoryPages, pages: readonly RepositoryPages[]): number | undefined => {
    const next = pages.length * pageSize;
    return last.repositories.length === pageSize && next < last.total ? next : undefined;
  };

/** Asks for each next page as soon as the last one arrived, until every one is read or one fails. */
export function useEveryPage(query: {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  error: unknown;
  fetchNextPage: () => Promise<unknown>;
}): void {
  const { hasNextPage, isFetchingNextPage, error, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !error) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, error, fetchNextPage]);
}
