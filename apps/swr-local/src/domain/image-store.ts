import { SwrErrorCode } from '@swr-console/swr-api';
import type { Db } from '../db/database.js';
import { SwrError, tagNotFound } from './errors.js';
import type { RegistryClient } from '../registry/client.js';
import { findTag, recordTag, tagsOfDigest } from './images.js';
import { KeyedMutex } from './mutex.js';
import type { RepositoryRecord } from './records.js';
import { imagePath } from './repositories.js';

/**
 * Changes to images that go through the registry and the metadata together: retag, delete a tag,
 * delete a repository. Changes to one repository are serialized.
 */
export class ImageStore {
  private readonly locks = new KeyedMutex();

  constructor(
    private readonly db: Db,
    private readonly registries: Map<string, RegistryClient>,
    private readonly clock: () => Date,
  ) {}

  private registry(region: string): RegistryClient {
    const registry = this.registries.get(region);
    if (!registry) throw new SwrError(500, SwrErrorCode.internal, `No registry runs for ${region}`);
    return registry;
  }

  /** Points `destination` at the image of `source`, without pulling: the manifest is put again. */
  retag(
    repository: RepositoryRecord,
    source: string,
    destination: string,
    override: boolean,
  ): Promise<void> {
    return this.locks.run(String(repository.id), async () => {
      const from = findTag(this.db, repository.id, source);
      if (!from) throw tagNotFound(source);
      const existing = findTag(this.db, repository.id, destination);
      if (existing && !override) {
        throw new SwrError(
          409,
          SwrErrorCode.repositoryExists,
          `Tag "${destination}" already exists; set override to replace it`,
        );
      }
      await this.registry(repository.region).putManifest(
        imagePath(repository),
        destination,
        from.body,
        from.media_type,
      );
      recordTag(this.db, repository.id, destination, from.digest, this.clock().toISOString());
    });
  }

  /**
   * Removes one tag and keeps every other tag of the same image. The registry (Distribution 2.8)
   * can only delete a manifest with all its tags, so the others are put back right after.
   */
  deleteTag(repository: RepositoryRecord, tag: string): Promise<void> {
    return this.locks.run(String(repository.id), async () => {
      const record = findTag(this.db, repository.id, tag);
      if (!record) throw tagNotFound(tag);
      const registry = this.registry(repository.region);
      const siblings = tagsOfDigest(this.db, repository.id, record.digest).filter(
        (name) => name !== tag,
      );
      await registry.deleteManifest(imagePath(repository), record.digest);
      for (const sibling of siblings) {
        await registry.putManifest(imagePath(repository), sibling, record.body, record.media_type);
      }
      this.db.transaction(() => {
        this.db
          .prepare('DELETE FROM tags WHERE repository_id = ? AND name = ?')
          .run(repository.id, tag);
        if (siblings.length === 0) {
          this.db
            .prepare('DELETE FROM manifests WHERE repository_id = ? AND digest = ?')
            .run(repository.id, record.digest);
        }
      })();
    });
  }

  /** Deletes every image of a repository from the registry, then the repository. */
  deleteRepository(repository: RepositoryRecord): Promise<void> {
    return this.locks.run(String(repository.id), async () => {
      const registry = this.registry(repository.region);
      const digests = this.db
        .prepare('SELECT digest FROM manifests WHERE repository_id = ?')
        .pluck()
        .all(repository.id) as string[];
      for (const digest of digests) await registry.deleteManifest(imagePath(repository), digest);
      this.db.prepare('DELETE FROM repositories WHERE id = ?').run(repository.id);
    });
  }
}
