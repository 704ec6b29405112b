import type { Db } from '../db/database.js';
import { readManifest } from './manifests.js';

export interface TagRecord {
  id: number;
  repository_id: number;
  name: string;
  digest: string;
  created_at: string;
  updated_at: string;
  media_type: string;
  body: string;
  size: number;
  config_digest: string;
  platforms: string;
}

export const TAG_COLUMNS = `t.id, t.repository_id, t.name, t.digest, t.created_at, t.updated_at,
  m.media_type, m.body, m.size, m.config_digest, m.platforms`;
export const TAG_JOIN = `tags t JOIN manifests m ON m.repository_id = t.repository_id AND m.digest = t.digest`;

/**
 * Remembers a manifest pushed to a repository. An index's size is the sum of its children that are
 * known here, so children must be recorded first, as clients push them.
 */
export function recordManifest(
  db: Db,
  repositoryId: number,
  digest: string,
  body: string,
  contentType: string | undefined,
  at: string,
): void {
  const facts = readManifest(body, contentType);
  let size = facts.imageSize;
  if (facts.isIndex && facts.children.length > 0) {
    const placeholders = facts.children.map(() => '?').join(',');
    size = db
      .prepare(
        `SELECT COALESCE(SUM(size), 0) FROM manifests WHERE repository_id = ? AND digest IN (${placeholders})`,
      )
      .pluck()
      .get(repositoryId, ...facts.children) as number;
  }
  db.prepare(
    `INSERT INTO manifests (repository_id, digest, media_type, body, size, config_digest, platforms, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (repository_id, digest) DO UPDATE SET media_type = excluded.media_type, size = excluded.size,
       platforms = excluded.platforms`,
  ).run(
    repositoryId,
    digest,
    facts.mediaType,
    body,
    size,
    facts.configDigest,
    JSON.stringify(facts.platforms),
    at,
  );
}

/**
 * Points a tag at a digest; a re-push moves `updated_at`, which retention orders by. True when the
 * tag is new or now names other content (what fires sync, retention and triggers).
 */
export function recordTag(
  db: Db,
  repositoryId: number,
  tag: string,
  digest: string,
  at: string,
): boolean {
  const before = db
    .prepare('SELECT digest FROM tags WHERE repository_id = ? AND name = ?')
    .pluck()
    .get(repositoryId, tag) as string | undefined;
  db.prepare(
    `INSERT INTO tags (repository_id, name, digest, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (repository_id, name) DO UPDATE SET digest = excluded.digest, updated_at = excluded.updated_at`,
  ).run(repositoryId, tag, digest, at, at);
  db.prepare('UPDATE repositories SET updated_at = ? WHERE id = ?').run(at, repositoryId);
  return before !== digest;
}

export function findTag(db: Db, repositoryId: number, tag: string): TagRecord | undefined {
  return db
    .prepare(`SELECT ${TAG_COLUMNS} FROM ${TAG_JOIN} WHERE t.repository_id = ? AND t.name = ?`)
    .get(repositoryId, tag) as TagRecord | undefined;
}

export function findManifest(
  db: Db,
  repositoryId: number,
  digest: string,
): { media_type: string; body: string } | undefined {
  return db
    .prepare('SELECT media_type, body FROM manifests WHERE repository_id = ? AND digest = ?')
    .get(repositoryId, digest) as { media_type: string; body: string } | undefined;
}

export function tagsOfDigest(db: Db, repositoryId: number, digest: string): string[] {
  return db
    .prepare('SELECT name FROM tags WHERE repository_id = ? AND digest = ? ORDER BY name')
    .pluck()
    .all(repositoryId, digest) as string[];
}

/** Bytes a repository holds: each distinct tagged image once. */
export function repositorySize(db: Db, repositoryId: number): number {
  return db
    .prepare(
      `SELECT COALESCE(SUM(size), 0) FROM manifests WHERE repository_id = ?
       AND digest IN (SELECT DISTINCT digest FROM tags WHERE repository_id = ?)`,
    )
    .pluck()
    .get(repositoryId, repositoryId) as number;
}

export function tagCount(db: Db, repositoryId: number): number {
  return db
    .prepare('SELECT COUNT(*) FROM tags WHERE repository_id = ?')
    .pluck()
    .get(repositoryId) as number;
}
