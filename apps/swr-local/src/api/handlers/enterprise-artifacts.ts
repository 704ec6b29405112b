import { type Artifact, type EnterpriseRepository } from '@swr-console/swr-api';
import type { Db } from '../../db/database.js';
import { type ArtifactRow, type EntRepositoryRow } from '../../enterprise/records.js';

import type { Handlers } from '../handler.js';
import { deleteRepository } from '../../enterprise/removal.js';

import { instanceOf, namespaceOf, page, repositoryScope, artifactOf } from './enterprise-scope.js';

function toRepository(
  db: Db,
  repository: EntRepositoryRow,
  namespace: { id: number; name: string },
): EnterpriseRepository {
  const count = (sql: string) => db.prepare(sql).pluck().get(repository.id) as number;
  return {
    id: repository.id,
    name: repository.name,
    namespace_name: namespace.name,
    namespace_id: namespace.id,
    tag_count: count(
      "SELECT COUNT(*) FROM ent_tags t JOIN ent_artifacts a ON a.id = t.artifact_id WHERE t.repository_id = ? AND a.type != 'SIGNATURE'",
    ),
    pull_count: repository.pull_count,
    artifact_count: count(
      "SELECT COUNT(*) FROM ent_artifacts WHERE repository_id = ? AND type != 'SIGNATURE'",
    ),
    description: repository.description,
    created_at: repository.created_at,
    updated_at: repository.updated_at,
  };
}

export function toArtifact(
  db: Db,
  artifact: ArtifactRow,
  repository: EntRepositoryRow,
  namespaceId: number,
): Artifact {
  const tags = db
    .prepare(
      'SELECT id, name, push_time, pull_time FROM ent_tags WHERE artifact_id = ? ORDER BY name',
    )
    .all(artifact.id) as { id: number; name: string; push_time: string; pull_time: string }[];
  return {
    id: artifact.id,
    digest: artifact.digest,
    repository_id: repository.id,
    repository_name: repository.name,
    namespace_id: namespaceId,
    type: artifact.type,
    media_type: artifact.media_type,
    manifest_media_type: artifact.manifest_media_type,
    size: artifact.size,
    push_time: artifact.push_time,
    pull_time: artifact.pull_time,
    tags: tags.map((tag) => ({
      ...tag,
      repository_id: repository.id,
      artifact_id: artifact.id,
    })),
  };
}

function repositoriesPage(
  context: { services: { db: Db } },
  where: { instanceId: string; namespaceId?: number | undefined },
  query: {
    offset?: number | undefined;
    limit?: number | undefined;
    order_column?: 'created_at' | 'updated_at' | undefined;
    order_type?: 'asc' | 'desc' | undefined;
  },
) {
  const { db } = context.services;
  const { offset, limit } = page(query);
  const column = query.order_column ?? 'created_at';
  const direction = query.order_type === 'asc' ? 'ASC' : 'DESC';
  const filter = where.namespaceId === undefined ? '' : ' AND n.id = ?';
  const args: unknown[] = [where.instanceId];
  if (where.namespaceId !== undefined) args.push(where.namespaceId);
  const total = db
    .prepare(
      `SELECT COUNT(*) FROM ent_repositories r JOIN ent_namespaces n ON n.id = r.namespace_id WHERE n.instance_id = ?${filter}`,
    )
    .pluck()
    .get(...args) as number;
  const rows = db
    .prepare(
      `SELECT r.*, n.name AS namespace_name FROM ent_repositories r JOIN ent_namespaces n ON n.id = r.namespace_id
       WHERE n.instance_id = ?${filter} ORDER BY r.${column} ${direction}, r.id ${direction} LIMIT ? OFFSET ?`,
    )
    .all(...args, limit, offset) as (EntRepositoryRow & { namespace_name: string })[];
  return {
    body: {
      repositories: rows.map((row) =>
        toRepository(db, row, { id: row.namespace_id, name: row.namespace_name }),
      ),
      total,
    },
  };
}

type Ids =
  | 'ListInstanceRepositories'
  | 'ListNamespaceRepositories'
  | 'ShowInstanceRepository'
  | 'DeleteInstanceRepository'
  | 'ListInstanceArtifacts'
  | 'ListInstanceAccessories';

/** Repositories and artifacts of an instance. */
export const enterpriseArtifactHandlers: Pick<Handlers, Ids> = {
  ListInstanceRepositories(context) {
    const instance = instanceOf(context);
    return repositoriesPage(
      context,
      { instanceId: instance.id, namespaceId: context.query.namespace_id },
      context.query,
    );
  },

  ListNamespaceRepositories(context) {
    const instance = instanceOf(context);
    const namespace = namespaceOf(context.services.db, instance, context.params.namespace_name);
    return repositoriesPage(
      context,
      { instanceId: instance.id, namespaceId: namespace.id },
      context.query,
    );
  },

  ShowInstanceRepository(context) {
    const { db, namespace, repository } = repositoryScope(context);
    return { body: toRepository(db, repository, namespace) };
  },

  async DeleteInstanceRepository(context) {
    const { instance, namespace, repository } = repositoryScope(context, true);
    await deleteRepository({
      services: context.services,
      instance,
      namespace,
      repository,
      username: context.principal.user.name,
    });
  },

  ListInstanceArtifacts(context) {
    const { db, namespace, repository } = repositoryScope(context);
    const { offset, limit } = page(context.query);
    const conditions = ['a.repository_id = ?', "a.type != 'SIGNATURE'"];
    const args: unknown[] = [repository.id];
    if (context.query.type === 'CHART') conditions.push('0');
    if (context.query.tags) {
      conditions.push(
        "EXISTS (SELECT 1 FROM ent_tags t WHERE t.artifact_id = a.id AND t.name LIKE ? ESCAPE '\\')",
      );
      args.push(`%${context.query.tags.replace(/[\\%_]/g, '\\$&')}%`);
    }
    const where = conditions.join(' AND ');
    const total = db
      .prepare(`SELECT COUNT(*) FROM ent_artifacts a WHERE ${where}`)
      .pluck()
      .get(...args) as number;
    const rows = db
      .prepare(
        `SELECT a.* FROM ent_artifacts a WHERE ${where} ORDER BY a.push_time DESC, a.id DESC LIMIT ? OFFSET ?`,
      )
      .all(...args, limit, offset) as ArtifactRow[];
    return {
      body: { artifacts: rows.map((row) => toArtifact(db, row, repository, namespace.id)), total },
    };
  },

  ListInstanceAccessories(context) {
    const { db, repository } = repositoryScope(context);
    const artifact = artifactOf(db, repository, context.params.reference);
    const { offset, limit } = page(context.query);
    const rows = db
      .prepare(
        `SELECT * FROM ent_artifacts a WHERE repository_id = ? AND subject_digest = ? AND type = 'SIGNATURE'
         AND EXISTS (SELECT 1 FROM ent_tags t WHERE t.artifact_id = a.id) ORDER BY push_time, id`,
      )
      .all(repository.id, artifact.digest) as ArtifactRow[];
    return {
      body: {
        accessories: rows.slice(offset, offset + limit).map((row) => ({
          id: row.id,
          artifact_id: row.id,
          subject_artifact_id: artifact.id,
          size: row.size,
          digest: row.digest,
          type: 'signature.cosign' as const,
          created_at: row.push_time,
        })),
        total: rows.length,
      },
    };
  },
};
