import { queryOptions } from '@tanstack/react-query';
import { swrKeys } from '../keys';
import { swrClient } from '../swr';

/** The caller's own level on a repository (1 read, 3 edit, 7 manage), as SWR reports it. */
export const repositoryAccessQuery = (region: string, namespace: string, repository: string) =>
  queryOptions({
    queryKey: [...swrKeys.repository(region, namespace, repository), 'access'],
    queryFn: async ({ signal }) =>
      (
        await swrClient(region).request(
          'ShowUserRepositoryAuth',
          { path: { namespace, repository } },
          { signal },
        )
      ).data,
  });
