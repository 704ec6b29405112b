import { AUTH_LEVELS } from '@swr-console/swr-api';
import type { Db } from '../db/database.js';
import type { User } from '../identity/identity.js';
import { forbidden, namespaceNotFound, repositoryNotFound } from './errors.js';
import {
  findNamespace,
  findRepository,
  hasRepositoryGrantIn,
  hasValidShare,
  namespaceGrantOf,
  repositoryGrantOf,
  type NamespaceRecord,
  type RepositoryRecord,
} from './records.js';

export type Level = 0 | 1 | 3 | 7;

/**
 * What pulling an image needs, which is less than reading a repository's settings: another
 * account may pull a public or shared repository, and a same-account user a public one without a
 * grant; neither sees who has access, sync, triggers or retention.
 */
export const PULL = 'pull' as const;
export type Access = Level | typeof PULL;

/**
 * SWR's permission model: 1 read (pull), 3 edit (pull, push, change attributes), 7 manage (also
 * delete, grant, share). Administrators of the account manage everything in it; otherwise the
 * effective level is the higher of the organization grant and the repository grant.
 */
export function namespaceLevel(db: Db, user: User, namespace: NamespaceRecord): Level {
  if (namespace.domain_id !== user.domainId) return 0;
  if (user.isAdmin) return AUTH_LEVELS.manage;
  return namespaceGrantOf(db, namespace.id, user.id) as Level;
}

export function repositoryLevel(db: Db, user: User, repository: RepositoryRecord): Level {
  if (repository.domain_id !== user.domainId) return 0;
  if (user.isAdmin) return AUTH_LEVELS.manage;
  return Math.max(
    namespaceGrantOf(db, repository.namespace_id, user.id),
    repositoryGrantOf(db, repository.id, user.id),
  ) as Level;
}

/** Read access of another account: a public repository, or a valid share. */
function canPullForeign(db: Db, user: User, repository: RepositoryRecord, now: Date): boolean {
  return repository.is_public === 1 || hasValidShare(db, repository.id, user.domainId, now);
}

/**
 * The organization, when the user may act on it at `level`. Another account's organization reads
 * as missing (its name is all that leaks, through 409 on create); one of the user's own account
 * without enough rights is a 403.
 */
export function requireNamespace(
  db: Db,
  user: User,
  region: string,
  name: string,
  level: Level,
): NamespaceRecord {
  const namespace = findNamespace(db, region, name);
  if (!namespace || namespace.domain_id !== user.domainId) throw namespaceNotFound(name);
  const held = namespaceLevel(db, user, namespace);
  if (held > 0 && held >= level) return namespace;
  // A grant on one of its repositories makes an organization visible, read-only.
  if (level === AUTH_LEVELS.read && hasRepositoryGrantIn(db, namespace.id, user.id))
    return namespace;
  throw forbidden(`You need the ${levelName(level)} permission on organization "${name}"`);
}

export function requireRepository(
  db: Db,
  user: User,
  region: string,
  namespace: string,
  name: string,
  access: Access,
  now: Date,
): RepositoryRecord {
  const repository = findRepository(db, region, namespace, name);
  if (!repository) {
    // Say which part is missing, but only about the caller's own account.
    const owner = findNamespace(db, region, namespace);
    if (!owner || owner.domain_id !== user.domainId) throw namespaceNotFound(namespace);
    throw repositoryNotFound(`${namespace}/${name}`);
  }
  if (repository.domain_id !== user.domainId) {
    if (access === PULL && canPullForeign(db, user, repository, now)) return repository;
    throw namespaceNotFound(namespace);
  }
  const level = access === PULL ? AUTH_LEVELS.read : access;
  if (repositoryLevel(db, user, repository) >= level) return repository;
  if (access === PULL && repository.is_public === 1) return repository;
  throw forbidden(
    `You need the ${levelName(level)} permission on repository "${namespace}/${name}"`,
  );
}

export function requireAdmin(user: User, what: string): void {
  if (!user.isAdmin) {
    throw forbidden(
      `Only the account or its administrators (SWR Admin, Tenant Administrator) can ${what}`,
    );
  }
}

function levelName(level: Level): string {
  return level === 7 ? 'manage' : level === 3 ? 'edit' : 'read';
}
