import type { QueryClient } from '@tanstack/react-query';
import { repositoryQueries } from './queries';

/** Starts loading a repository's facts on navigation, alongside the page's code. */
export function prefetchRepository(
  queryClient: QueryClient,
  region: string,
  namespace: string,
  repository: string,
): void {
  void queryClient.prefetchQuery(repositoryQueries.detail(region, namespace, repository));
}
