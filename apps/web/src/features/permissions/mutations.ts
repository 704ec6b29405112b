import type { UserAuth } from '@swr-console/swr-api';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { swrKeys } from '../../shared/keys';
import { changePermission, grantPermissions, revokePermission, type PermissionTarget } from './api';
import { scopeKey } from './queries';

/**
 * After a grant changes: everything under the target (its holders, and for an organization the
 * levels on its repositories), and the organization list, which counts users with access.
 */
function refreshAfterChange(queryClient: QueryClient, target: PermissionTarget) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: scopeKey(target) }),
    target.repository
      ? undefined
      : queryClient.invalidateQueries({ queryKey: swrKeys.namespaceList(target.region) }),
  ]);
}

export function useGrantPermissions(target: PermissionTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (grants: UserAuth[]) => grantPermissions(target, grants),
    onSuccess: () => refreshAfterChange(queryClient, target),
  });
}

export function useChangePermission(target: PermissionTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: UserAuth) => changePermission(target, user),
    onSuccess: () => refreshAfterChange(queryClient, target),
  });
}

export function useRevokePermission(target: PermissionTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: UserAuth) => revokePermission(target, user.user_id),
    onSuccess: () => refreshAfterChange(queryClient, target),
  });
}
