import type { Services } from '../services.js';
import { findManifest, recordManifest, recordTag, tagsOfDigest } from '../domain/images.js';
import { MANIFEST_TYPES } from '../domain/manifests.js';
import { createNamespace } from '../domain/namespaces.js';
import { createRepository } from '../domain/repositories.js';
import { findNamespace, findRepository, type RepositoryRecord } from '../domain/records.js';
import { allowedActions, checkLogin, splitImageName } from './access.js';
import { INTERNAL_AGENT, type RegistryClient } from './client.js';
import type { RegistryBackend } from './front.js';
import { z } from 'zod';

export interface ImageName {
  namespace: string;
  repository: string;
}

export interface PushedManifest {
  reference: string;
  digest: string;
  body: string;
  contentType: string | undefined;
  pusher: string;
}

/** What happens after a tag lands: auto sync, retention, triggers. */
export interface PushHooks {
  tagPushed(repository: RepositoryRecord, tag: string, digest: string, pusherId: string): void;
}

/** One entry of a Distribution registry's notification envelope, as far as swr-local reads it. */
const eventSchema = z.looseObject({
  action: z.string().optional(),
  target: z
    .looseObject({
      mediaType: z.string().optional(),
      digest: z.string().optional(),
      repository: z.string().optional(),
      tag: z.string().optional(),
    })
    .optional(),
  request: z.looseObject({ useragent: z.string().optional() }).optional(),
});

export type RegistryEvent = z.output<typeof eventSchema>;

/** The readable events of an envelope; an odd one is skipped, not the envelope. */
export function eventsOf(envelope: unknown): RegistryEvent[] {
  const events =
    typeof envelope === 'object' && envelope !== null ? Reflect.get(envelope, 'events') : [];
  return (Array.isArray(events) ? events : []).flatMap((event) => {
    const parsed = eventSchema.safeParse(event);
    return parsed.success ? [parsed.data] : [];
  });
}

const isDigest = (reference: string) => /^[a-z0-9]+:[a-f0-9]{32,}$/.test(reference);

/** Keeps swr-local's metadata in step with what the registries hold. */
export class RegistryEvents {
  constructor(
    private readonly services: Services,
    private readonly registries: Map<string, RegistryClient>,
    private readonly hooks: PushHooks,
  ) {}

  /**
   * Before a push: the organization (when an administrator pushes to a name nobody owns) and the
   * repository come into being as SWR creates them. False when that is not allowed.
   */
  ensureRepository(region: string, image: ImageName, userId: string): boolean {
    const { db, identity, clock } = this.services;
    if (findRepository(db, region, image.namespace, image.repository)) return true;
    const user = identity.userById(userId);
    if (!user) return false;
    const now = clock();
    // Check again with the current state: the token may be minutes old.
    if (
      !allowedActions(
        db,
        { user },
        region,
        `${image.namespace}/${image.repository}`,
        now,
        false,
      ).includes('push')
    ) {
      return false;
    }
    try {
      db.transaction(() => {
        const namespace =
          findNamespace(db, region, image.namespace) ??
          createNamespace(db, user, region, image.namespace, now);
        createRepository(db, user, namespace, { name: image.repository }, now);
      })();
    } catch (error) {
      this.services.log.info({ err: error, image }, 'push could not create the repository');
      return findRepository(db, region, image.namespace, image.repository) !== undefined;
    }
    return true;
  }

  async manifestPushed(region: string, image: ImageName, pushed: PushedManifest): Promise<void> {
    const { db, clock } = this.services;
    const repository = findRepository(db, region, image.namespace, image.repository);
    if (!repository || !pushed.digest) return;
    const at = clock().toISOString();
    const tag = isDigest(pushed.reference) ? undefined : pushed.reference;
    // The front and the registry's notification may both report one push; only the first counts.
    const changed = db.transaction(() => {
      recordManifest(db, repository.id, pushed.digest, pushed.body, pushed.contentType, at);
      return tag ? recordTag(db, repository.id, tag, pushed.digest, at) : false;
    })();
    if (tag && changed) this.hooks.tagPushed(repository, tag, pushed.digest, pushed.pusher);
  }

  manifestDeleted(region: string, image: ImageName, digest: string): void {
    const { db } = this.services;
    const repository = findRepository(db, region, image.namespace, image.repository);
    if (!repository) return;
    db.transaction(() => {
      db.prepare('DELETE FROM tags WHERE repository_id = ? AND digest = ?').run(
        repository.id,
        digest,
      );
      db.prepare('DELETE FROM manifests WHERE repository_id = ? AND digest = ?').run(
        repository.id,
        digest,
      );
    })();
  }

  pulled(region: string, image: ImageName, reference: string): void {
    const { db, clock } = this.services;
    const repository = findRepository(db, region, image.namespace, image.repository);
    if (!repository) return;
    const size = db
      .prepare(
        isDigest(reference)
          ? 'SELECT size FROM manifests WHERE repository_id = ? AND digest = ?'
          : 'SELECT m.size FROM tags t JOIN manifests m ON m.repository_id = t.repository_id AND m.digest = t.digest WHERE t.repository_id = ? AND t.name = ?',
      )
      .pluck()
      .get(repository.id, reference) as number | undefined;
    const day = clock().toISOString().slice(0, 10);
    db.transaction(() => {
      db.prepare('UPDATE repositories SET num_download = num_download + 1 WHERE id = ?').run(
        repository.id,
      );
      db.prepare(
        `INSERT INTO downloads (repository_id, day, bytes, pulls) VALUES (?, ?, ?, 1)
         ON CONFLICT (repository_id, day) DO UPDATE SET bytes = bytes + excluded.bytes, pulls = pulls + 1`,
      ).run(repository.id, day, size ?? 0);
    })();
  }

  /**
   * The registry's own report of what changed. Writes through the front are recorded already; this
   * catches anything that reached the registry another way, and deletions.
   */
  async notified(region: string, envelope: unknown): Promise<void> {
    const events = eventsOf(envelope);
    for (const event of events) {
      const target = event.target;
      if (!target?.repository || !target.digest || event.request?.useragent === INTERNAL_AGENT)
        continue;
      const slash = target.repository.indexOf('/');
      if (slash < 0) continue;
      const image = {
        namespace: target.repository.slice(0, slash),
        repository: target.repository.slice(slash + 1),
      };
      if (event.action === 'push' && target.mediaType && MANIFEST_TYPES.has(target.mediaType)) {
        await this.reconcilePush(region, image, target.digest, target.tag);
      } else if (event.action === 'delete') {
        await this.reconcileDelete(region, image, target.digest);
      }
    }
  }

  private async reconcilePush(
    region: string,
    image: ImageName,
    digest: string,
    tag: string | undefined,
  ): Promise<void> {
    const { db } = this.services;
    const repository = findRepository(db, region, image.namespace, image.repository);
    if (!repository) return;
    const known = findManifest(db, repository.id, digest);
    if (known && (!tag || tagsOfDigest(db, repository.id, digest).includes(tag))) return;
    const registry = this.registries.get(region);
    const path = `${image.namespace}/${image.repository}`;
    const manifest = await registry?.getManifest(path, digest);
    if (!manifest) return;
    // A notification can come late (the registry retries failed deliveries): the tag is moved
    // only if the registry still has it on this digest.
    if (tag && (await registry?.getManifest(path, tag))?.digest !== digest) return;
    await this.manifestPushed(region, image, {
      reference: tag ?? digest,
      digest,
      body: manifest.body,
      contentType: manifest.mediaType,
      pusher: repository.creator_id,
    });
  }

  private async reconcileDelete(region: string, image: ImageName, digest: string): Promise<void> {
    const registry = this.registries.get(region);
    if (!registry) return;
    const stillThere = await registry.getManifest(`${image.namespace}/${image.repository}`, digest);
    if (!stillThere) this.manifestDeleted(region, image, digest);
  }
}

/** A region's Basic-edition registry: SWR's login forms and permissions, recorded by region. */
export function basicBackend(
  services: Services,
  events: RegistryEvents,
  region: string,
): RegistryBackend {
  const { identity, db } = services;
  return {
    splitName: (name) => splitImageName(name),
    login: (username, password, now) => checkLogin(identity, db, region, username, password, now),
    allowed: (subject, repository, now) =>
      allowedActions(db, subject, region, repository, now, true),
    ensureRepository: (image, userId) => events.ensureRepository(region, image, userId),
    manifestPushed: (image, pushed) => events.manifestPushed(region, image, pushed),
    manifestDeleted: (image, digest) => events.manifestDeleted(region, image, digest),
    pulled: (image, reference) => events.pulled(region, image, reference),
    notified: (envelope) => events.notified(region, envelope),
  };
}
