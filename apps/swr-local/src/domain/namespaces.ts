import { AUTH_LEVELS, SwrErrorCode } from '@swr-console/swr-api';
import type { Db } from '../db/database.js';
import type { User } from '../identity/identity.js';
import { SwrError } from './errors.js';
import { findNamespace, type NamespaceRecord } from './records.js';

/** Organizations per account and region, as SWR's default quota has it. */
export const NAMESPACE_QUOTA = 5;

export function namespaceCount(db: Db, domainId: string, region: string): number {
  return db
    .prepare('SELECT COUNT(*) FROM namespaces WHERE domain_id = ? AND region = ?')
    .pluck()
    .get(domainId, region) as number;
}

/**
 * Creates an organization for the user's account; `creator` gets the manage grant. Also used when
 * a push names an organization nobody owns yet.
 */
export function createNamespace(
  db: Db,
  user: User,
  region: string,
  name: string,
  now: Date,
): NamespaceRecord {
  return db.transaction(() => {
    if (findNamespace(db, region, name)) {
      throw new SwrError(
        409,
        SwrErrorCode.namespaceExists,
        `Organization "${name}" already exists`,
      );
    }
    if (namespaceCount(db, user.domainId, region) >= NAMESPACE_QUOTA) {
      throw new SwrError(
        400,
        SwrErrorCode.namespaceQuotaExceeded,
        `The account already has ${NAMESPACE_QUOTA} organizations in ${region}, its quota`,
      );
    }
    const created = now.toISOString();
    const id = db
      .prepare(
        'INSERT INTO namespaces (region, name, domain_id, creator_id, creator_name, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(region, name, user.domainId, user.id, user.name, created).lastInsertRowid as number;
    db.prepare(
      'INSERT INTO namespace_grants (namespace_id, user_id, user_name, auth) VALUES (?, ?, ?, ?)',
    ).run(id, user.id, user.name, AUTH_LEVELS.manage);
    return findNamespace(db, region, name)!;
  })();
}
