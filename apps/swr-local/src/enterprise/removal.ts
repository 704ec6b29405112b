import { signatureTagOf } from '@swr-console/swr-api';
import { entError } from '../domain/errors.js';
import type { Services } from '../services.js';
import { recordAudit } from './audit.js';
import { immutableTags } from './immutability.js';
import {
  findArtifact,
  tagsOfArtifact,
  type ArtifactRow,
  type EntNamespaceRow,
  type EntRepositoryRow,
  type InstanceRow,
} from './records.js';
import { forgetRestore, restorePending, storeRestore } from './restores.js';
import { repositoryTurnOf, repositoryTurns, signatureTurns, turnOf } from './turns.js';

/**
 * Deleting tags and artifacts through the instance's API: both refuse to touch an immutable tag,
 * both change the registry first and the records after (a failure in between leaves records that
 * the registry's own notifications or a retry put right), and both are written to the audit log.
 * Changes to one repository take turns with each other and with pushes through the registry front,
 * since untagging re-writes the manifest.
 */

export interface ArtifactScope {
  services: Services;
  instance: InstanceRow;
  namespace: EntNamespaceRow;
  repository: EntRepositoryRow;
  username: string;
}

const pathOf = (scope: ArtifactScope) => `${scope.namespace.name}/${scope.repository.name}`;

function registryOf(scope: ArtifactScope) {
  const client = scope.services.instances.get(scope.instance.id)?.registry;
  if (!client) throw entError.unavailable('The instance registry is starting; try again.');
  return client;
}

function refuseImmutable(scope: ArtifactScope, tags: readonly string[]): void {
  const locked = immutableTags(scope.services.db, scope.namespace.id, scope.repository.name, tags);
  if (locked.length === 0) return;
  const named = locked.map((tag) => `${pathOf(scope)}:${tag}`).join(', ');
  throw entError.immutable(
    `${named} ${locked.length === 1 ? 'is' : 'are'} immutable: an immutability rule of namespace "${scope.namespace.name}" protects ${locked.length === 1 ? 'it' : 'them'}.`,
  );
}

function audit(scope: ArtifactScope, resourceType: string, resource: string): void {
  recordAudit(scope.services.db, {
    instanceId: scope.instance.id,
    operation: 'delete',
    resourceType,
    resource,
    username: scope.username,
    at: scope.services.clock().toISOString(),
  });
}

/**
 * Deletes an artifact with its tags and its signatures. With `onlyTagged`, only while every tag it
 * has is one of those (a retention run's plan): 'kept' when a push tagged it otherwise since, or
 * it is gone.
 */
export function deleteArtifact(
  scope: ArtifactScope,
  artifact: ArtifactRow,
  onlyTagged?: ReadonlySet<string>,
): Promise<'deleted' | 'kept'> {
  const { db } = scope.services;
  const client = registryOf(scope);
  const path = pathOf(scope);
  return repositoryTurns.run(repositoryTurnOf(scope.instance.id, path), () =>
    signatureTurns.run(turnOf(scope.instance.id, path, artifact.digest), async () => {
      // Checked in turn: a push just before may have tagged it, a deletion removed it.
      const found = findArtifact(db, scope.repository.id, artifact.digest);
      if (!found) {
        if (onlyTagged) return 'kept';
        throw entError.notFound(`Artifact "${artifact.digest}" does not exist.`);
      }
      const tags = tagsOfArtifact(db, found.id);
      if (onlyTagged && tags.some((tag) => !onlyTagged.has(tag))) return 'kept';
      refuseImmutable(scope, tags);
      const signatures = db
        .prepare('SELECT digest FROM ent_artifacts WHERE repository_id = ? AND subject_digest = ?')
        .pluck()
        .all(scope.repository.id, artifact.digest) as string[];
      const current = await client.getManifest(path, signatureTagOf(artifact.digest));
      await client.deleteManifest(path, artifact.digest);
      for (const signature of new Set([...signatures, ...(current ? [current.digest] : [])]))
        await client.deleteManifest(path, signature);
      db.transaction(() => {
        db.prepare(
          'DELETE FROM ent_artifacts WHERE repository_id = ? AND (digest = ? OR subject_digest = ?)',
        ).run(scope.repository.id, artifact.digest, artifact.digest);
        audit(scope, 'artifact', `${path}@${artifact.digest}`);
      })();
      return 'deleted';
    }),
  );
}

/** Deletes a repository with every artifact; refused while any of its tags is immutable. */
export function deleteRepository(scope: ArtifactScope): Promise<void> {
  const { db } = scope.services;
  const client = registryOf(scope);
  const path = pathOf(scope);
  return repositoryTurns.run(repositoryTurnOf(scope.instance.id, path), async () => {
    const tags = db
      .prepare('SELECT name FROM ent_tags WHERE repository_id = ? ORDER BY name')
      .pluck()
      .all(scope.repository.id) as string[];
    refuseImmutable(scope, tags);
    const digests = db
      .prepare('SELECT digest FROM ent_artifacts WHERE repository_id = ?')
      .pluck()
      .all(scope.repository.id) as string[];
    for (const digest of digests) await client.deleteManifest(path, digest);
    db.transaction(() => {
      db.prepare('DELETE FROM ent_repositories WHERE id = ?').run(scope.repository.id);
      audit(scope, 'repository', path);
    })();
  });
}

/**
 * Removes one tag; the artifact stays, with its other tags, as SWR keeps untagged artifacts. With
 * `onlyAt`, only while the tag still names that digest (a retention run's plan): 'kept' when a
 * push moved it since, or it is gone.
 */
export function deleteTag(
  scope: ArtifactScope,
  tag: string,
  onlyAt?: string,
): Promise<'deleted' | 'kept'> {
  const { db } = scope.services;
  const path = pathOf(scope);
  return repositoryTurns.run(repositoryTurnOf(scope.instance.id, path), async () => {
    const client = registryOf(scope);
    // An untagging the registry failed in the middle of is finished first.
    await restorePending(db, scope.instance.id, path, client);
    const row = db
      .prepare(
        'SELECT t.id, t.artifact_id, a.digest FROM ent_tags t JOIN ent_artifacts a ON a.id = t.artifact_id WHERE t.repository_id = ? AND t.name = ?',
      )
      .get(scope.repository.id, tag) as
      { id: number; artifact_id: number; digest: string } | undefined;
    if (onlyAt !== undefined && row?.digest !== onlyAt) return 'kept';
    if (!row) throw entError.notFound(`Tag "${path}:${tag}" does not exist.`);
    refuseImmutable(scope, [tag]);
    const manifest = await client.getManifest(path, row.digest);
    // The registry deletes manifests, not tags: delete it and write it back by digest and under
    // every other tag it had, stored first in case the registry fails in between (restores.ts).
    const siblings = tagsOfArtifact(db, row.artifact_id).filter((name) => name !== tag);
    const where = { instanceId: scope.instance.id, repository: path, digest: row.digest };
    const restoreId = manifest && storeRestore(db, where, manifest, siblings, tag);
    await client.deleteManifest(path, row.digest);
    if (manifest) {
      await client.putManifest(path, row.digest, manifest.body, manifest.mediaType);
      for (const sibling of siblings)
        await client.putManifest(path, sibling, manifest.body, manifest.mediaType);
    }
    db.transaction(() => {
      if (restoreId) forgetRestore(db, restoreId);
      db.prepare('DELETE FROM ent_tags WHERE id = ?').run(row.id);
      audit(scope, 'tag', `${path}:${tag}`);
    })();
    return 'deleted';
  });
}
