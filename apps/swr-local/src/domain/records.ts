import type { AuthLevel } from '@swr-console/swr-api';
import type { Db } from '../db/database.js';

export interface NamespaceRecord {
  id: number;
  region: string;
  name: string;
  domain_id: string;
  creator_id: string;
  creator_name: string;
  created_at: string;
}

export interface RepositoryRecord {
  id: number;
  namespace_id: number;
  namespace: string;
  region: string;
  domain_id: string;
  domain_name: string;
  name: string;
  category: string;
  description: string;
  is_public: number;
  creator_id: string;
  creator_name: string;
  num_download: number;
  created_at: string;
  updated_at: string;
}

export interface Grant {
  user_id: string;
  user_name: string;
  auth: AuthLevel;
}

export function findNamespace(db: Db, region: string, name: string): NamespaceRecord | undefined {
  return db.prepare('SELECT * FROM namespaces WHERE region = ? AND name = ?').get(region, name) as
    NamespaceRecord | undefined;
}

export const REPOSITORY_COLUMNS = `r.*, n.name AS namespace, n.region, n.domain_id, d.name AS domain_name`;
export const REPOSITORY_JOIN = `repositories r JOIN namespaces n ON n.id = r.namespace_id JOIN domains d ON d.id = n.domain_id`;

export function findRepository(
  db: Db,
  region: string,
  namespace: string,
  name: string,
): RepositoryRecord | undefined {
  return db
    .prepare(
      `SELECT ${REPOSITORY_COLUMNS} FROM ${REPOSITORY_JOIN} WHERE n.region = ? AND n.name = ? AND r.name = ?`,
    )
    .get(region, namespace, name) as RepositoryRecord | undefined;
}

export function repositoryById(db: Db, id: number): RepositoryRecord | undefined {
  return db
    .prepare(`SELECT ${REPOSITORY_COLUMNS} FROM ${REPOSITORY_JOIN} WHERE r.id = ?`)
    .get(id) as RepositoryRecord | undefined;
}

export function namespaceGrants(db: Db, namespaceId: number): Grant[] {
  return db
    .prepare(
      'SELECT user_id, user_name, auth FROM namespace_grants WHERE namespace_id = ? ORDER BY user_name',
    )
    .all(namespaceId) as Grant[];
}

export function repositoryGrants(db: Db, repositoryId: number): Grant[] {
  return db
    .prepare(
      'SELECT user_id, user_name, auth FROM repository_grants WHERE repository_id = ? ORDER BY user_name',
    )
    .all(repositoryId) as Grant[];
}

export function namespaceGrantOf(db: Db, namespaceId: number, userId: string): number {
  return (
    (db
      .prepare('SELECT auth FROM namespace_grants WHERE namespace_id = ? AND user_id = ?')
      .pluck()
      .get(namespaceId, userId) as number | undefined) ?? 0
  );
}

export function repositoryGrantOf(db: Db, repositoryId: number, userId: string): number {
  return (
    (db
      .prepare('SELECT auth FROM repository_grants WHERE repository_id = ? AND user_id = ?')
      .pluck()
      .get(repositoryId, userId) as number | undefined) ?? 0
  );
}

/** Whether the user holds a grant on any repository of the namespace ("visible" organizations). */
export function hasRepositoryGrantIn(db: Db, namespaceId: number, userId: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM repository_grants g JOIN repositories r ON r.id = g.repository_id
         WHERE r.namespace_id = ? AND g.user_id = ? LIMIT 1`,
      )
      .get(namespaceId, userId) !== undefined
  );
}

/** Whether a valid (not expired) share lets the domain pull the repository. */
export function hasValidShare(db: Db, repositoryId: number, domainId: string, now: Date): boolean {
  const deadline = db
    .prepare('SELECT deadline FROM shares WHERE repository_id = ? AND domain_id = ?')
    .pluck()
    .get(repositoryId, domainId) as string | undefined;
  return deadline !== undefined && shareIsValid(deadline, now);
}

/**
 * `forever`, or valid through the deadline's day (UTC): a share dated 2026-10-01 ends at
 * 2026-10-02T00:00:00Z.
 */
export function shareIsValid(deadline: string, now: Date): boolean {
  if (deadline === 'forever') return true;
  const day = new Date(deadline);
  if (Number.isNaN(day.getTime())) return false;
  const end = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1);
  return now.getTime() < end;
}
