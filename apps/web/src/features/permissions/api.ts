import { swrCall, type NamespaceAuth, type SwrCall, type UserAuth } from '@swr-console/swr-api';
import { bff } from '../../shared/http';
import { send, swrClient } from '../../shared/swr';
import { sendDeletion, type Deletion } from '../../shared/deletions';

/** What grants are held on: an organization, or one repository in it. */
export interface PermissionTarget {
  region: string;
  namespace: string;
  repository?: string;
}

/** Who holds which permission; organizations and repositories answer the same two fields. */
export type Holders = Pick<NamespaceAuth, 'self_auth' | 'others_auths'>;

export interface IamUser {
  id: string;
  name: string;
}

export async function showPermissions(
  target: PermissionTarget,
  signal?: AbortSignal,
): Promise<Holders> {
  const { region, namespace, repository } = target;
  if (repository) {
    return (
      await swrClient(region).request(
        'ShowUserRepositoryAuth',
        { path: { namespace, repository } },
        { signal },
      )
    ).data;
  }
  return (await swrClient(region).request('ShowNamespaceAuth', { path: { namespace } }, { signal }))
    .data;
}

export const grantPermissionsCall = (
  { namespace, repository }: PermissionTarget,
  users: UserAuth[],
): SwrCall =>
  repository
    ? swrCall('CreateUserRepositoryAuth', { path: { namespace, repository }, body: users })
    : swrCall('CreateNamespaceAuth', { path: { namespace }, body: users });

export async function grantPermissions(target: PermissionTarget, users: UserAuth[]): Promise<void> {
  await send(target.region, grantPermissionsCall(target, users));
}

export const changePermissionCall = (
  { namespace, repository }: PermissionTarget,
  user: UserAuth,
): SwrCall =>
  repository
    ? swrCall('UpdateUserRepositoryAuth', { path: { namespace, repository }, body: [user] })
    : swrCall('UpdateNamespaceAuth', { path: { namespace }, body: [user] });

export async function changePermission(target: PermissionTarget, user: UserAuth): Promise<void> {
  await send(target.region, changePermissionCall(target, user));
}

export const revokePermissionCall = (
  { namespace, repository }: PermissionTarget,
  userId: string,
): SwrCall =>
  repository
    ? swrCall('DeleteUserRepositoryAuth', { path: { namespace, repository }, body: [userId] })
    : swrCall('DeleteNamespaceAuth', { path: { namespace }, body: [userId] });

export async function revokePermission(
  target: PermissionTarget,
  userId: string,
): Promise<Deletion | undefined> {
  return sendDeletion(target.region, revokePermissionCall(target, userId));
}

/** The account's IAM users; IAM answers only administrators (others get 403 `IAM_FORBIDDEN`). */
export async function listIamUsers(signal?: AbortSignal): Promise<IamUser[]> {
  return (await bff.call('ListIamUsers', {}, { signal })).users;
}
