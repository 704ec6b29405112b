import type { Db } from '../db/database.js';
import type { FetchedManifest, RegistryClient } from '../registry/client.js';
import type { Services } from '../services.js';
import { findArtifact, findEntNamespace, findEntRepository, tagsOfArtifact } from './records.js';
import { repositoryTurnOf, repositoryTurns } from './turns.js';

/**
 * Untagging's write-ahead. Distribution deletes a manifest with all its tags, so removing one tag
 * deletes the manifest and writes it back by digest and under its other tags. What is to be
 * written back is stored before the deletion: a registry that fails in between (restarted by its
 * supervisor, say) leaves it stored, and it is written back before the next untagging in that
 * repository and at every start. Nothing a user kept is lost, and the untagging then counts as
 * done.
 */

interface RestoreRow {
  id: number;
  instance_id: string;
  repository: string;
  digest: string;
  media_type: string;
  body: string;
  tags: string;
  untagged: string;
}

/** Stores what to write back of `manifest` (at `digest`) once `untagged` is removed. */
export function storeRestore(
  db: Db,
  where: { instanceId: string; repository: string; digest: string },
  manifest: Pick<FetchedManifest, 'body' | 'mediaType'>,
  tags: readonly string[],
  untagged: string,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO ent_manifest_restores (instance_id, repository, digest, media_type, body, tags, untagged)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        where.instanceId,
        where.repository,
        where.digest,
        manifest.mediaType,
        manifest.body,
        JSON.stringify(tags),
        untagged,
      ).lastInsertRowid,
  );
}

export function forgetRestore(db: Db, id: number): void {
  db.prepare('DELETE FROM ent_manifest_restores WHERE id = ?').run(id);
}

/** Writes back what untaggings of a repository left undone; to be called in its turn. */
export async function restorePending(
  db: Db,
  instanceId: string,
  repository: string,
  client: RegistryClient,
): Promise<void> {
  const rows = db
    .prepare(
      'SELECT * FROM ent_manifest_restores WHERE instance_id = ? AND repository = ? ORDER BY id',
    )
    .all(instanceId, repository) as RestoreRow[];
  for (const row of rows) await restore(db, client, row);
}

async function restore(db: Db, client: RegistryClient, row: RestoreRow): Promise<void> {
  const slash = row.repository.indexOf('/');
  const namespace = findEntNamespace(db, row.instance_id, row.repository.slice(0, slash));
  const repository =
    namespace && findEntRepository(db, namespace.id, row.repository.slice(slash + 1));
  // Deleted meanwhile, with its repository or by itself: nothing to write back.
  const artifact = repository && findArtifact(db, repository.id, row.digest);
  if (artifact) {
    await client.putManifest(row.repository, row.digest, row.body, row.media_type);
    const recorded = new Set(tagsOfArtifact(db, artifact.id));
    for (const tag of JSON.parse(row.tags) as string[])
      // A tag pushed since names what it names now.
      if (recorded.has(tag) && !(await client.getManifest(row.repository, tag)))
        await client.putManifest(row.repository, tag, row.body, row.media_type);
  }
  db.transaction(() => {
    // The untagging is done: the registry has no such tag any more (unless pushed again since,
    // which then names another artifact).
    if (artifact)
      db.prepare('DELETE FROM ent_tags WHERE artifact_id = ? AND name = ?').run(
        artifact.id,
        row.untagged,
      );
    forgetRestore(db, row.id);
  })();
}

/** At start: every write-back left undone, each in its repository's turn. */
export async function resumeRestores(services: Services): Promise<void> {
  const { db, log, instances } = services;
  const pending = db
    .prepare('SELECT DISTINCT instance_id, repository FROM ent_manifest_restores')
    .all() as { instance_id: string; repository: string }[];
  for (const { instance_id: instanceId, repository } of pending) {
    const client = instances.get(instanceId)?.registry;
    if (!client) continue;
    await repositoryTurns
      .run(repositoryTurnOf(instanceId, repository), () =>
        restorePending(db, instanceId, repository, client),
      )
      .catch((error: unknown) =>
        log.warn({ err: error, repository }, 'untagged manifest not written back yet'),
      );
  }
}
