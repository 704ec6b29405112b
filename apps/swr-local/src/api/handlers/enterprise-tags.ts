import {
  ENTERPRISE_PAGE_SIZE,
  fieldsOf,
  itemsOf,
  numberOf,
  parseJson,
  stringOf,
  type InstanceTag,
} from '@swr-console/swr-api';
import type { ArtifactRow, EntRepositoryRow } from '../../enterprise/records.js';
import { deleteArtifact, deleteTag, type ArtifactScope } from '../../enterprise/removal.js';
import { entError } from '../../domain/errors.js';
import type { Handlers } from '../handler.js';
import type { Principal } from '../auth.js';
import { toArtifact } from './enterprise-artifacts.js';
import { artifactOf, instanceOf, page, repositoryScope } from './enterprise-scope.js';

type Ids =
  | 'ListInstanceAllArtifacts'
  | 'DeleteInstanceArtifact'
  | 'ShowInstanceArtifactAddition'
  | 'ListInstanceTags'
  | 'DeleteInstanceTag';

/** The tag operations name no project: the caller's own stands in for the scope checks. */
const withProject = <C extends { principal: Principal; params: object }>(context: C) => ({
  ...context,
  params: { ...context.params, project_id: context.principal.projectId },
});

const scopeOf = (
  context: Parameters<typeof repositoryScope>[0] & { services: ArtifactScope['services'] },
): ArtifactScope => {
  const { instance, namespace, repository } = repositoryScope(context, true);
  return {
    services: context.services,
    instance,
    namespace,
    repository,
    username: context.principal.user.name,
  };
};

/** An image config is a few KiB; a larger "config" is some other artifact's data, left unread. */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

interface TagRow {
  id: number;
  name: string;
  push_time: string;
  pull_time: string;
  artifact_id: number;
  digest: string;
  type: string;
  media_type: string;
  manifest_media_type: string;
  size: number;
}

/** Every artifact of an instance, tags, build history, and deleting tags and artifacts. */
export const enterpriseTagHandlers: Pick<Handlers, Ids> = {
  ListInstanceAllArtifacts(context) {
    const instance = instanceOf(context);
    const { db } = context.services;
    const limit = context.query.limit ?? ENTERPRISE_PAGE_SIZE;
    const rows = db
      .prepare(
        `SELECT a.*, r.name AS repository_name, r.namespace_id FROM ent_artifacts a
         JOIN ent_repositories r ON r.id = a.repository_id JOIN ent_namespaces n ON n.id = r.namespace_id
         WHERE n.instance_id = ? AND a.type != 'SIGNATURE' AND a.id >= ? ORDER BY a.id LIMIT ?`,
      )
      .all(instance.id, context.query.marker ?? 1, limit + 1) as (ArtifactRow & {
      repository_name: string;
      namespace_id: number;
    })[];
    const next = rows.length > limit ? rows.pop()!.id : undefined;
    const artifacts = rows.map((row) =>
      toArtifact(
        db,
        row,
        { id: row.repository_id, name: row.repository_name } as EntRepositoryRow,
        row.namespace_id,
      ),
    );
    return { body: { artifacts, ...(next === undefined ? {} : { next_marker: next }) } };
  },

  async DeleteInstanceArtifact(context) {
    const scope = scopeOf(context);
    await deleteArtifact(
      scope,
      artifactOf(context.services.db, scope.repository, context.params.reference),
    );
  },

  async ShowInstanceArtifactAddition(context) {
    const { db, instance, namespace, repository } = repositoryScope(context);
    const artifact = artifactOf(db, repository, context.params.reference);
    const client = context.services.instances.get(instance.id)?.registry;
    if (!client) throw entError.unavailable('The instance registry is starting; try again.');
    const path = `${namespace.name}/${repository.name}`;
    const manifest = await client.getManifest(path, artifact.digest);
    const parsed = fieldsOf(parseJson(manifest?.body ?? ''));
    const configDigest = stringOf(fieldsOf(parsed?.config)?.digest);
    if (!parsed || !configDigest)
      throw entError.notFound(
        `Artifact "${artifact.digest}" has no build history (it is an index).`,
      );
    const blob = await client.readBlob(path, configDigest, MAX_CONFIG_BYTES);
    if (!blob)
      throw entError.notFound(
        `Artifact "${artifact.digest}" has no build history: its config is larger than ${MAX_CONFIG_BYTES} bytes, so it is no image config.`,
      );
    const config = fieldsOf(parseJson(blob.toString()));
    // History steps that made a layer take the manifest's layers in order.
    const layers = itemsOf(parsed.layers).map(fieldsOf);
    const histories = itemsOf(config?.history).map((item) => {
      const step = fieldsOf(item) ?? {};
      const empty = step.empty_layer === true;
      const layer = empty ? undefined : layers.shift();
      return {
        created_at: stringOf(step.created) ?? '',
        created_by: stringOf(step.created_by) ?? '',
        empty_layer: empty,
        mediaType: stringOf(layer?.mediaType) ?? '',
        size: numberOf(layer?.size) ?? 0,
        digest: stringOf(layer?.digest) ?? '',
      };
    });
    return { body: { build_histories: histories, total: histories.length } };
  },

  ListInstanceTags(context) {
    const { db, namespace, repository } = repositoryScope(withProject(context));
    const { offset, limit } = page(context.query);
    // Signature tags are accessories: listed unless is_accessory is "false".
    const accessories = context.query.is_accessory === 'false' ? " AND a.type != 'SIGNATURE'" : '';
    const where = `t.repository_id = ?${accessories}`;
    const total = db
      .prepare(
        `SELECT COUNT(*) FROM ent_tags t JOIN ent_artifacts a ON a.id = t.artifact_id WHERE ${where}`,
      )
      .pluck()
      .get(repository.id) as number;
    const rows = db
      .prepare(
        `SELECT t.id, t.name, t.push_time, t.pull_time, a.id AS artifact_id, a.digest, a.type, a.media_type,
           a.manifest_media_type, a.size
         FROM ent_tags t JOIN ent_artifacts a ON a.id = t.artifact_id WHERE ${where}
         ORDER BY t.push_time DESC, t.id DESC LIMIT ? OFFSET ?`,
      )
      .all(repository.id, limit, offset) as TagRow[];
    const tags = rows.map((row): InstanceTag => ({
      ...row,
      repository_id: repository.id,
      namespace_id: namespace.id,
    }));
    return { body: { tags, total } };
  },

  async DeleteInstanceTag(context) {
    await deleteTag(scopeOf(withProject(context)), context.params.tag_name);
  },
};
