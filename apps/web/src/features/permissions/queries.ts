import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { swrKeys } from '../../shared/keys';
import { namespaceListQuery } from '../../shared/queries/namespaces';
import { listIamUsers, showPermissions, type PermissionTarget } from './api';

/** The key every query about the target starts with. */
function scopeKey({ region, namespace, repository }: PermissionTarget): readonly string[] {
  return repository
    ? swrKeys.repository(region, namespace, repository)
    : swrKeys.namespace(region, namespace);
}

export const permissionQueries = {
  // For a repository this is the key of shared/queries/access.ts on purpose: the page's own level
  // (which decides what the tabs offer) then refreshes with the table.
  holders: (target: PermissionTarget) =>
    queryOptions({
      queryKey: [...scopeKey(target), 'access'],
      queryFn: ({ signal }) => showPermissions(target, signal),
    }),
  iamUsers: () =>
    queryOptions({
      queryKey: ['iam', 'users'],
      queryFn: ({ signal }) => listIamUsers(signal),
      staleTime: 60_000,
    }),
};

/**
 * After a grant changes: everything under the target (its holders, and for an organization the
 * levels on its repositories), and the organization list, which counts users with access.
 */
export async function refreshAfterChange(
  queryClient: QueryClient,
  target: PermissionTarget,
): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: scopeKey(target) }),
    target.repository
      ? undefined
      : queryClient.invalidateQueries({ queryKey: namespaceListQuery(target.region).queryKey }),
  ]);
}
