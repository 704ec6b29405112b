import type { NamespaceAuth, UserAuth } from '@swr-console/swr-api';
import { bff } from '../../shared/http';
import { swrClient } from '../../shared/swr';
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

export async function grantPermissions(target: PermissionTarget, users: UserAuth[]): Promise<void> {
  const { region, namespace, repository } = target;
  if (repository) {
    await swrClient(region).request('CreateUserRepositoryAuth', {
      path: { namespace, repository },
      body: users,
    });
  } else {
    await swrClient(region).request('CreateNamespaceAuth', { path: { namespace }, body: users });
  }
}

export async function changePermission(target: PermissionTarget, user: UserAuth): Promise<void> {
  const { region, namespace, repository } = target;
  if (repository) {
    await swrClient(region).request('UpdateUserRepositoryAuth', {
      path: { namespace, repository },
      body: [user],
    });
  } else {
    await swrClient(region).request('UpdateNamespaceAuth', { path: { namespace }, body: [user] });
  }
}

export async function revokePermission(
  target: PermissionTarget,
  userId: string,
): Promise<Deletion | undefined> {
  const { region, namespace, repository } = target;
  return repository
    ? sendDeletion(region, 'DeleteUserRepositoryAuth', {
        path: { namespace, repository },
        body: [userId],
      })
    : sendDeletion(region, 'DeleteNamespaceAuth', { path: { namespace }, body: [userId] });
}

/** The account's IAM users; IAM answers only administrators (others get 403 `IAM_FORBIDDEN`). */
export async function listIamUsers(signal?: AbortSignal): Promise<IamUser[]> {
  return (await bff.call('ListIamUsers', {}, { signal })).users;
}
