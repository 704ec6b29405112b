import { randomUUID } from 'node:crypto';
import { ENTERPRISE_NAME_PATTERN, type EnterpriseNamespace } from '@swr-console/swr-api';
import type { Db } from '../db/database.js';
import { splitImageName } from '../registry/access.js';

/** Rows of the Enterprise edition's tables, and the lookups every part of it needs. */

export interface InstanceRow {
  id: string;
  domain_id: string;
  region: string;
  name: string;
  description: string;
  spec: string;
  created_at: string;
}

export interface EntNamespaceRow {
  id: number;
  instance_id: string;
  name: string;
  metadata: string;
  created_at: string;
  updated_at: string;
}

export interface EntRepositoryRow {
  id: number;
  namespace_id: number;
  name: string;
  description: string;
  pull_count: number;
  created_at: string;
  updated_at: string;
}

export interface ArtifactRow {
  id: number;
  repository_id: number;
  digest: string;
  type: string;
  media_type: string;
  manifest_media_type: string;
  size: number;
  subject_digest: string | null;
  push_time: string;
  pull_time: string;
}

/** The flags of a namespace, as the SDK's NamespaceMetadata has them; metadata holds no other key. */
export const NAMESPACE_FLAGS = ['public', 'auto_scan', 'prevent_vul', 'severity'] as const;

export type NamespaceMetadata = EnterpriseNamespace['metadata'];

/** The flags of stored metadata (rows written before other keys were refused may hold more). */
export function flagsOf(metadata: string): NamespaceMetadata {
  const stored = JSON.parse(metadata) as Record<string, unknown>;
  return Object.fromEntries(
    NAMESPACE_FLAGS.filter((flag) => typeof stored[flag] === 'string').map((flag) => [
      flag,
      stored[flag],
    ]),
  ) as NamespaceMetadata;
}

/** The first key of requested metadata that is not a namespace flag, to refuse it by name. */
export const unknownFlagOf = (metadata: object): string | undefined =>
  Object.keys(metadata).find((key) => !(NAMESPACE_FLAGS as readonly string[]).includes(key));

function metadataOf(namespace: EntNamespaceRow): NamespaceMetadata {
  return flagsOf(namespace.metadata);
}

export const isPublic = (namespace: EntNamespaceRow) => metadataOf(namespace).public === 'true';

/** Each account gets one instance in its home region, created on first start. */
export function ensureInstances(db: Db, region: string, now: Date): void {
  const missing = db
    .prepare(
      'SELECT id, name FROM domains WHERE id NOT IN (SELECT domain_id FROM ent_instances WHERE region = ?)',
    )
    .all(region) as { id: string; name: string }[];
  for (const domain of missing) {
    db.prepare(
      `INSERT INTO ent_instances (id, domain_id, region, name, description, spec, created_at)
       VALUES (?, ?, ?, ?, ?, 'swr.ee.professional', ?)`,
    ).run(
      randomUUID(),
      domain.id,
      region,
      `${domain.name}-ee`,
      'Enterprise instance of the sandbox',
      now.toISOString(),
    );
  }
}

export function allInstances(db: Db): InstanceRow[] {
  return db.prepare('SELECT * FROM ent_instances ORDER BY created_at, id').all() as InstanceRow[];
}

export function findInstance(db: Db, id: string): InstanceRow | undefined {
  return db.prepare('SELECT * FROM ent_instances WHERE id = ?').get(id) as InstanceRow | undefined;
}

export function findEntNamespace(
  db: Db,
  instanceId: string,
  name: string,
): EntNamespaceRow | undefined {
  return db
    .prepare('SELECT * FROM ent_namespaces WHERE instance_id = ? AND name = ?')
    .get(instanceId, name) as EntNamespaceRow | undefined;
}

export function findEntRepository(
  db: Db,
  namespaceId: number,
  name: string,
): EntRepositoryRow | undefined {
  return db
    .prepare('SELECT * FROM ent_repositories WHERE namespace_id = ? AND name = ?')
    .get(namespaceId, name) as EntRepositoryRow | undefined;
}

export function findArtifact(
  db: Db,
  repositoryId: number,
  digest: string,
): ArtifactRow | undefined {
  return db
    .prepare('SELECT * FROM ent_artifacts WHERE repository_id = ? AND digest = ?')
    .get(repositoryId, digest) as ArtifactRow | undefined;
}

export function tagsOfArtifact(db: Db, artifactId: number): string[] {
  return db
    .prepare('SELECT name FROM ent_tags WHERE artifact_id = ? ORDER BY name')
    .pluck()
    .all(artifactId) as string[];
}

/** `ns/team/app` → namespace `ns`, repository `team/app`, with the Enterprise name rules. */
export function splitEnterpriseImage(
  name: string,
): { namespace: string; repository: string } | undefined {
  return splitImageName(name, { namespace: ENTERPRISE_NAME_PATTERN, repositoryLength: 255 });
}
