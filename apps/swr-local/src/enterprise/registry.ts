import { signatureTagOf, signedDigestOf } from '@swr-console/swr-api';
import type { Db } from '../db/database.js';
import { factsOf, manifestOf, MANIFEST_TYPES } from '../domain/manifests.js';
import { checkLogin, type Action } from '../registry/access.js';
import { INTERNAL_AGENT, type RegistryClient } from '../registry/client.js';
import { eventsOf, type ImageName, type PushedManifest } from '../registry/events.js';
import type { RegistryBackend } from '../registry/front.js';
import type { Services } from '../services.js';
import {
  findArtifact,
  findEntNamespace,
  findEntRepository,
  isPublic,
  splitEnterpriseImage,
  tagsOfArtifact,
  type ArtifactRow,
  type EntNamespaceRow,
  type EntRepositoryRow,
  type InstanceRow,
} from './records.js';
import { repositoryTurnOf, repositoryTurns, signatureTurns, turnOf } from './turns.js';
import { checkLtLogin } from './credentials.js';
import { recordAudit, resourceOf, type AuditOperation } from './audit.js';
import { immutableRefusal, immutableTags } from './immutability.js';
import { pullRefusal } from './scans.js';

/** A manifest now recorded in an instance, for what happens after a push (automatic signing). */
export interface RecordedPush {
  instance: InstanceRow;
  namespace: EntNamespaceRow;
  repository: EntRepositoryRow;
  artifact: ArtifactRow;
  tag: string | undefined;
  /** False when the front and the registry's notification both reported the same push. */
  changed: boolean;
  /** The id of the user who pushed, when the push came through the front (webhook events). */
  pusher?: string;
}

const isDigest = (reference: string) => /^[a-z0-9]+:[a-f0-9]{32,}$/.test(reference);

/**
 * Records a manifest written to an instance's registry: the repository, the artifact (a cosign
 * signature when its tag names another artifact's digest) and the tag, which moves when it
 * pointed elsewhere. Undefined when the namespace does not exist.
 */
export function recordEnterprisePush(
  db: Db,
  instance: InstanceRow,
  image: ImageName,
  pushed: Pick<PushedManifest, 'reference' | 'digest' | 'body' | 'contentType'>,
  at: string,
): RecordedPush | undefined {
  const namespace = findEntNamespace(db, instance.id, image.namespace);
  if (!namespace || !pushed.digest) return undefined;
  const tag = isDigest(pushed.reference) ? undefined : pushed.reference;
  const parsed = manifestOf(pushed.body);
  const facts = factsOf(parsed, pushed.contentType);
  const subject = tag ? signedDigestOf(tag) : undefined;
  return db.transaction(() => {
    const repository = ensureEntRepository(db, namespace, image.repository, at);
    const before = findArtifact(db, repository.id, pushed.digest);
    const taggedBefore = tag
      ? (db
          .prepare('SELECT artifact_id FROM ent_tags WHERE repository_id = ? AND name = ?')
          .pluck()
          .get(repository.id, tag) as number | undefined)
      : undefined;
    db.prepare(
      `INSERT INTO ent_artifacts (repository_id, digest, type, media_type, manifest_media_type, size, subject_digest, push_time)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (repository_id, digest) DO UPDATE SET push_time = excluded.push_time`,
    ).run(
      repository.id,
      pushed.digest,
      subject ? 'SIGNATURE' : 'IMAGE',
      parsed.config?.mediaType ?? facts.mediaType,
      facts.mediaType,
      facts.imageSize + Buffer.byteLength(pushed.body),
      subject ?? null,
      at,
    );
    const artifact = findArtifact(db, repository.id, pushed.digest)!;
    if (tag) {
      db.prepare(
        `INSERT INTO ent_tags (repository_id, artifact_id, name, push_time) VALUES (?, ?, ?, ?)
         ON CONFLICT (repository_id, name) DO UPDATE SET artifact_id = excluded.artifact_id, push_time = excluded.push_time`,
      ).run(repository.id, artifact.id, tag, at);
    }
    db.prepare('UPDATE ent_repositories SET updated_at = ? WHERE id = ?').run(at, repository.id);
    db.prepare('UPDATE ent_namespaces SET updated_at = ? WHERE id = ?').run(at, namespace.id);
    const changed = !before || (tag !== undefined && taggedBefore !== artifact.id);
    return { instance, namespace, repository, artifact, tag, changed };
  })();
}

function ensureEntRepository(
  db: Db,
  namespace: EntNamespaceRow,
  name: string,
  at: string,
): EntRepositoryRow {
  db.prepare(
    `INSERT OR IGNORE INTO ent_repositories (namespace_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)`,
  ).run(namespace.id, name, at, at);
  return findEntRepository(db, namespace.id, name)!;
}

/** Digests of the signature manifests recorded for an artifact. */
function signaturesOf(db: Db, repositoryId: number, digest: string): string[] {
  return db
    .prepare('SELECT digest FROM ent_artifacts WHERE repository_id = ? AND subject_digest = ?')
    .pluck()
    .all(repositoryId, digest) as string[];
}

/** Forgets an artifact (its tags go with it) and the signatures recorded for it. */
function forgetArtifact(db: Db, repositoryId: number, digest: string): void {
  db.transaction(() => {
    db.prepare(
      'DELETE FROM ent_artifacts WHERE repository_id = ? AND (digest = ? OR subject_digest = ?)',
    ).run(repositoryId, digest, digest);
  })();
}

/**
 * An instance's registry: the same logins as the region's Basic registry; the account's users pull,
 * its administrators push and delete; public namespaces are pulled by anyone. Pushes go only into
 * namespaces that exist (repositories appear with their first push).
 */
export function enterpriseBackend(
  services: Services,
  instance: InstanceRow,
  registry: () => RegistryClient | undefined,
  afterPush: (push: RecordedPush) => void,
): RegistryBackend {
  const { db, identity, clock } = services;
  const locate = (image: ImageName) => {
    const namespace = findEntNamespace(db, instance.id, image.namespace);
    const repository = namespace && findEntRepository(db, namespace.id, image.repository);
    return { namespace, repository };
  };
  const audit = (operation: AuditOperation, image: ImageName, reference: string, userId: string) =>
    recordAudit(db, {
      instanceId: instance.id,
      operation,
      resourceType: 'artifact',
      resource: resourceOf(`${image.namespace}/${image.repository}`, reference),
      username: identity.userById(userId)?.name ?? userId,
      at: clock().toISOString(),
    });
  const manifestPushed = (image: ImageName, pushed: PushedManifest) => {
    const recorded = recordEnterprisePush(db, instance, image, pushed, clock().toISOString());
    if (recorded && pushed.pusher) audit('create', image, pushed.reference, pushed.pusher);
    if (recorded?.changed) afterPush({ ...recorded, pusher: pushed.pusher });
    return Promise.resolve();
  };
  return {
    splitName: splitEnterpriseImage,
    login: (username, password, now) =>
      checkLtLogin(identity, db, instance, username, password, now) ??
      checkLogin(identity, db, instance.region, username, password, now),
    allowed(subject, name) {
      const image = splitEnterpriseImage(name);
      if (!image) return [];
      const namespace = findEntNamespace(db, instance.id, image.namespace);
      if (!namespace) return [];
      // The account and its administrators use the instance (as through its API); anyone may pull
      // from a public namespace.
      const actions: Action[] = [];
      const admin = subject.user?.domainId === instance.domain_id && subject.user.isAdmin;
      if (admin || isPublic(namespace)) actions.push('pull');
      if (admin) actions.push('push', 'delete');
      return actions;
    },
    // The repository itself is recorded with its first manifest, so a refused push leaves none.
    ensureRepository(image, userId) {
      const user = identity.userById(userId);
      const namespace = findEntNamespace(db, instance.id, image.namespace);
      return Boolean(user?.isAdmin && user.domainId === instance.domain_id && namespace);
    },
    refusal(image, change) {
      const { namespace, repository } = locate(image);
      if (!namespace || !repository) return undefined;
      const path = `${image.namespace}/${image.repository}`;
      if (change.kind === 'pull') {
        const artifact = isDigest(change.reference)
          ? findArtifact(db, repository.id, change.reference)
          : (db
              .prepare(
                'SELECT a.* FROM ent_tags t JOIN ent_artifacts a ON a.id = t.artifact_id WHERE t.repository_id = ? AND t.name = ?',
              )
              .get(repository.id, change.reference) as ArtifactRow | undefined);
        return artifact && pullRefusal(services, namespace, artifact);
      }
      if (change.kind === 'push') {
        if (isDigest(change.reference)) return undefined;
        const current = db
          .prepare(
            'SELECT a.digest FROM ent_tags t JOIN ent_artifacts a ON a.id = t.artifact_id WHERE t.repository_id = ? AND t.name = ?',
          )
          .pluck()
          .get(repository.id, change.reference) as string | undefined;
        // Writing the same manifest again changes nothing, so a retried push still succeeds.
        if (current === undefined || current === change.digest) return undefined;
        const locked = immutableTags(db, namespace.id, repository.name, [change.reference]);
        return locked.length > 0 ? immutableRefusal(path, locked) : undefined;
      }
      const artifact = findArtifact(db, repository.id, change.digest);
      const tags = artifact ? tagsOfArtifact(db, artifact.id) : [];
      const locked = immutableTags(db, namespace.id, repository.name, tags);
      return locked.length > 0 ? immutableRefusal(path, locked) : undefined;
    },
    exclusive: (image, task) =>
      repositoryTurns.run(
        repositoryTurnOf(instance.id, `${image.namespace}/${image.repository}`),
        task,
      ),
    manifestPushed,
    manifestDeleted(image, digest, userId) {
      const { repository } = locate(image);
      if (!repository) return;
      audit('delete', image, digest, userId);
      const recorded = signaturesOf(db, repository.id, digest);
      forgetArtifact(db, repository.id, digest);
      // Its signatures go with it, so a later push of the same digest starts unsigned: after any
      // signing in flight, whatever the `.sig` tag names now and every one recorded.
      const client = registry();
      const path = `${image.namespace}/${image.repository}`;
      if (!client) return;
      signatureTurns
        .run(turnOf(instance.id, path, digest), async () => {
          const current = await client.getManifest(path, signatureTagOf(digest));
          for (const signature of new Set([...recorded, ...(current ? [current.digest] : [])]))
            await client.deleteManifest(path, signature);
          forgetArtifact(db, repository.id, digest);
        })
        .catch((error: unknown) =>
          services.log.warn({ err: error, digest }, 'signatures not deleted'),
        );
    },
    pulled(image, reference, userId) {
      const { repository } = locate(image);
      if (!repository) return;
      audit('pull', image, reference, userId);
      const at = clock().toISOString();
      db.prepare('UPDATE ent_repositories SET pull_count = pull_count + 1 WHERE id = ?').run(
        repository.id,
      );
      if (isDigest(reference))
        db.prepare(
          'UPDATE ent_artifacts SET pull_time = ? WHERE repository_id = ? AND digest = ?',
        ).run(at, repository.id, reference);
      else
        db.prepare('UPDATE ent_tags SET pull_time = ? WHERE repository_id = ? AND name = ?').run(
          at,
          repository.id,
          reference,
        );
    },
    async notified(envelope) {
      // Writes through the front are recorded already; catch any that reached the registry
      // another way, and deletions.
      const events = eventsOf(envelope);
      for (const event of events) {
        const target = event.target;
        const image = target?.repository && splitEnterpriseImage(target.repository);
        if (!image || !target.digest || event.request?.useragent === INTERNAL_AGENT) continue;
        const client = registry();
        if (!client) continue;
        const manifest = await client.getManifest(target.repository!, target.digest);
        if (event.action === 'delete' && !manifest) {
          const { repository } = locate(image);
          if (repository) forgetArtifact(db, repository.id, target.digest);
        } else if (
          event.action === 'push' &&
          manifest &&
          target.mediaType &&
          MANIFEST_TYPES.has(target.mediaType)
        ) {
          const { repository } = locate(image);
          const known = repository && findArtifact(db, repository.id, target.digest);
          if (known && !target.tag) continue;
          const path = `${image.namespace}/${image.repository}`;
          const { tag, digest } = target;
          await repositoryTurns.run(repositoryTurnOf(instance.id, path), async () => {
            // Notifications arrive late, and again after a failed delivery: a tag pushed since
            // names another digest now, and this event must not move it back.
            if (tag && (await client.getManifest(path, tag))?.digest !== digest) return;
            await manifestPushed(image, {
              reference: tag ?? digest,
              digest,
              body: manifest.body,
              contentType: manifest.mediaType,
              pusher: '',
            });
          });
        }
      }
    },
  };
}
