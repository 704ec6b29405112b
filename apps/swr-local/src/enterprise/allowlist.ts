import type { CveAllowlist } from '@swr-console/swr-api';
import type { Db } from '../db/database.js';
import type { EntNamespaceRow } from './records.js';

/**
 * A namespace's CVE allowlist: CVEs its team has accepted. Every namespace has one (empty until
 * set, with the namespace's id as its own); from `expires_at` on it allows nothing.
 */

interface AllowlistRow {
  namespace_id: number;
  items: string;
  expires_at: number | null;
  created_at: string;
  updated_at: string;
}

export function allowlistOf(db: Db, namespace: EntNamespaceRow): CveAllowlist {
  const row = db
    .prepare('SELECT * FROM ent_cve_allowlists WHERE namespace_id = ?')
    .get(namespace.id) as AllowlistRow | undefined;
  return {
    id: namespace.id,
    namespace_id: namespace.id,
    ...(row?.expires_at != null ? { expires_at: row.expires_at } : {}),
    items: row ? (JSON.parse(row.items) as string[]).map((cve_id) => ({ cve_id })) : [],
    creation_time: row?.created_at ?? namespace.created_at,
    update_time: row?.updated_at ?? namespace.created_at,
  };
}

export function saveAllowlist(
  db: Db,
  namespace: EntNamespaceRow,
  allowlist: { items: { cve_id: string }[]; expires_at?: number | undefined },
  at: string,
): void {
  db.prepare(
    `INSERT INTO ent_cve_allowlists (namespace_id, items, expires_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (namespace_id) DO UPDATE SET items = excluded.items, expires_at = excluded.expires_at,
       updated_at = excluded.updated_at`,
  ).run(
    namespace.id,
    JSON.stringify(allowlist.items.map((item) => item.cve_id)),
    allowlist.expires_at ?? null,
    at,
    at,
  );
}

/** The CVEs the allowlist accepts now: none once it has expired. */
export function allowedCves(allowlist: CveAllowlist, now: Date): Set<string> {
  const expired =
    allowlist.expires_at !== undefined && allowlist.expires_at * 1000 <= now.getTime();
  return new Set(expired ? [] : allowlist.items.map((item) => item.cve_id));
}
