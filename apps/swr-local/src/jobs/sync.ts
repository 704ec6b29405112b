import type { Services } from '../services.js';
import { recordManifest, recordTag } from '../domain/images.js';
import { readManifest } from '../domain/manifests.js';
import { createRepository, imagePath } from '../domain/repositories.js';
import {
  findNamespace,
  findRepository,
  repositoryById,
  type RepositoryRecord,
} from '../domain/records.js';
import type { FetchedManifest, RegistryClient } from '../registry/client.js';
import { PermanentJobError, type SyncJobRow } from './jobs.js';

/**
 * Copies one tag to the same repository name under an organization of another region: blobs the
 * target lacks are streamed across, then child manifests of an index, then the tagged manifest.
 * A tag already in the target is left alone unless the job may override it ("existed").
 */
export async function syncTag(services: Services, job: SyncJobRow): Promise<'success' | 'existed'> {
  const { db, registries, identity, clock } = services;
  const source = repositoryById(db, job.repository_id);
  if (!source) throw new PermanentJobError('The source repository no longer exists');
  const from = registries.get(source.region);
  const to = registries.get(job.remote_region);
  if (!from || !to) throw new PermanentJobError(`Region ${job.remote_region} has no registry`);

  const manifest = await from.getManifest(imagePath(source), job.tag);
  if (!manifest) {
    // The registry announces a pushed manifest before it links the tag to it: a tag swr-local
    // has on record is about to appear, so the job is retried rather than failed.
    const recorded = db
      .prepare('SELECT 1 FROM tags WHERE repository_id = ? AND name = ?')
      .get(source.id, job.tag);
    if (recorded) throw new Error(`Tag "${job.tag}" is not in the registry yet`);
    throw new PermanentJobError(`Tag "${job.tag}" no longer exists in the source repository`);
  }

  const namespace = findNamespace(db, job.remote_region, job.remote_namespace);
  if (!namespace || namespace.domain_id !== source.domain_id) {
    throw new PermanentJobError(
      `Organization "${job.remote_namespace}" does not exist in ${job.remote_region}`,
    );
  }
  const target =
    findRepository(db, job.remote_region, job.remote_namespace, source.name) ??
    createRepository(
      db,
      identity.userById(job.operator_id) ?? { id: job.operator_id, name: job.operator_name },
      namespace,
      { name: source.name, category: source.category, description: source.description },
      clock(),
    );

  const existing = await to.getManifest(imagePath(target), job.tag);
  if (existing && job.override === 0) return 'existed';

  await copyImage(services, from, to, source, target, manifest, job.tag);
  return 'success';
}

async function copyImage(
  services: Services,
  from: RegistryClient,
  to: RegistryClient,
  source: RepositoryRecord,
  target: RepositoryRecord,
  manifest: FetchedManifest,
  tag: string,
): Promise<void> {
  const { db, clock } = services;
  const facts = readManifest(manifest.body, manifest.mediaType);
  if (facts.isIndex) {
    for (const child of facts.children) {
      const childManifest = await from.getManifest(imagePath(source), child);
      if (!childManifest) throw new Error(`Child manifest ${child} is missing in the source`);
      await copyBlobs(from, to, source, target, childManifest);
      await to.putManifest(imagePath(target), child, childManifest.body, childManifest.mediaType);
      recordManifest(
        db,
        target.id,
        child,
        childManifest.body,
        childManifest.mediaType,
        clock().toISOString(),
      );
    }
  } else {
    await copyBlobs(from, to, source, target, manifest);
  }
  const digest = await to.putManifest(imagePath(target), tag, manifest.body, manifest.mediaType);
  const at = clock().toISOString();
  db.transaction(() => {
    recordManifest(db, target.id, digest || manifest.digest, manifest.body, manifest.mediaType, at);
    recordTag(db, target.id, tag, digest || manifest.digest, at);
  })();
}

async function copyBlobs(
  from: RegistryClient,
  to: RegistryClient,
  source: RepositoryRecord,
  target: RepositoryRecord,
  manifest: FetchedManifest,
): Promise<void> {
  for (const digest of readManifest(manifest.body, manifest.mediaType).children) {
    if (await to.hasBlob(imagePath(target), digest)) continue;
    const blob = await from.getBlob(imagePath(source), digest);
    await to.pushBlob(imagePath(target), digest, blob.stream, blob.size);
  }
}
