import { queryOptions } from '@tanstack/react-query';
import { swrKeys } from '../../shared/keys';
import { listIamUsers, showPermissions, type PermissionTarget } from './api';

/** The key every query about the target starts with. */
export function scopeKey({ region, namespace, repository }: PermissionTarget): readonly string[] {
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
