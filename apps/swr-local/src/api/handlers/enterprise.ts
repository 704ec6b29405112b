import {
  EnterpriseErrorCode,
  ENTERPRISE_PAGE_SIZE,
  RESOURCE_TAG_LIMITS,
  type Artifact,
  type EnterpriseNamespace,
  type EnterpriseRepository,
  type Instance,
  type ResourceTag,
  type TagsFilterBody,
} from '@swr-console/swr-api';
import type { Db } from '../../db/database.js';
import {
  findArtifact,
  findEntNamespace,
  findEntRepository,
  findInstance,
  type ArtifactRow,
  type EntNamespaceRow,
  type EntRepositoryRow,
  type InstanceRow,
} from '../../enterprise/records.js';
import { issueTemporaryLogin } from '../../registry/access.js';
import type { Principal } from '../auth.js';
import { SwrError } from '../errors.js';
import type { Handlers } from '../handler.js';
import type { Services } from '../../services.js';

/** Enterprise errors carry their own codes and the plain body (see app.ts). */
export const entError = {
  invalid: (message: string) => new SwrError(400, EnterpriseErrorCode.invalidParameter, message),
  limit: (message: string) => new SwrError(400, EnterpriseErrorCode.limitExceeded, message),
  forbidden: (message: string) => new SwrError(403, EnterpriseErrorCode.forbidden, message),
  notFound: (message: string) => new SwrError(404, EnterpriseErrorCode.notFound, message),
  exists: (message: string) => new SwrError(409, EnterpriseErrorCode.exists, message),
};

const TEMP_CREDENTIAL_HOURS = 6;

interface InstanceScope {
  region: string;
  principal: Principal;
  services: { db: Db };
  params: { project_id: string; instance_id: string };
}

/**
 * An Enterprise instance is for the account and its administrators: SWR grants IAM users access to
 * it through identity policies (`swr:instance:*`), which the sandbox's IAM users other than the
 * administrators do not hold, and the Basic edition's organization grants do not reach it.
 */
function requireInstanceAdmin(principal: Principal, change: boolean): void {
  if (!principal.user.isAdmin)
    throw entError.forbidden(
      `Only the account or its administrators (SWR Admin, Tenant Administrator) can ${change ? 'change' : 'use'} an Enterprise instance.`,
    );
}

/** The instance a call names, when the caller's account owns it in this region. */
export function instanceOf(context: InstanceScope, change = false): InstanceRow {
  const { principal, params, region } = context;
  if (params.project_id !== principal.projectId)
    throw entError.forbidden('The project is not the caller’s project in this region.');
  requireInstanceAdmin(principal, change);
  const instance = findInstance(context.services.db, params.instance_id);
  if (!instance || instance.domain_id !== principal.user.domainId || instance.region !== region)
    throw entError.notFound(`Instance "${params.instance_id}" does not exist.`);
  return instance;
}

export function namespaceOf(db: Db, instance: InstanceRow, name: string): EntNamespaceRow {
  const namespace = findEntNamespace(db, instance.id, name);
  if (!namespace) throw entError.notFound(`Namespace "${name}" does not exist.`);
  return namespace;
}

function repositoryOf(db: Db, namespace: EntNamespaceRow, name: string): EntRepositoryRow {
  const repository = findEntRepository(db, namespace.id, name);
  if (!repository)
    throw entError.notFound(`Repository "${namespace.name}/${name}" does not exist.`);
  return repository;
}

/** The instance, namespace and repository a call names, each checked in turn. */
function repositoryScope(
  context: InstanceScope & { params: { namespace_name: string; repository_name: string } },
  change = false,
) {
  const instance = instanceOf(context, change);
  const { db } = context.services;
  const namespace = namespaceOf(db, instance, context.params.namespace_name);
  const repository = repositoryOf(db, namespace, context.params.repository_name);
  return { db, instance, namespace, repository };
}

function artifactOf(db: Db, repository: EntRepositoryRow, digest: string): ArtifactRow {
  const artifact = findArtifact(db, repository.id, digest);
  if (!artifact) throw entError.notFound(`Artifact "${digest}" does not exist.`);
  return artifact;
}

/** An Enterprise page: default 10; the schema already checked the bounds and the multiple. */
export function page(query: { offset?: number | undefined; limit?: number | undefined }) {
  return { offset: query.offset ?? 0, limit: query.limit ?? ENTERPRISE_PAGE_SIZE };
}

function toInstance(
  instance: InstanceRow,
  services: Pick<Services, 'instances'>,
  projectId: string,
): Instance {
  const host = services.instances.get(instance.id)?.host ?? '';
  return {
    id: instance.id,
    name: instance.name,
    description: instance.description,
    status: 'Running',
    spec: instance.spec,
    version: 'v2.8',
    access_address: host,
    created_at: instance.created_at,
    updated_at: instance.created_at,
    expires_at: '',
    project_id: projectId,
    enterprise_project_id: '0',
    vpc_id: '',
    vpc_name: '',
    vpc_cidr: '',
    subnet_id: '',
    subnet_name: '',
    subnet_cidr: '',
    obs_bucket_name: '',
    user_def_obs: false,
    vpcep_service_id: '',
  };
}

function toNamespace(db: Db, namespace: EntNamespaceRow): EnterpriseNamespace {
  return {
    namespace_id: namespace.id,
    name: namespace.name,
    metadata: JSON.parse(namespace.metadata) as EnterpriseNamespace['metadata'],
    repo_count: db
      .prepare('SELECT COUNT(*) FROM ent_repositories WHERE namespace_id = ?')
      .pluck()
      .get(namespace.id) as number,
    created_at: namespace.created_at,
    updated_at: namespace.updated_at,
  };
}

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

function toArtifact(
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

function tagsOf(db: Db, namespaceId: number): ResourceTag[] {
  return db
    .prepare('SELECT key, value FROM ent_namespace_tags WHERE namespace_id = ? ORDER BY key')
    .all(namespaceId) as ResourceTag[];
}

/** Namespaces of an instance matching a tag filter: keys AND-ed, values OR-ed, [] any value. */
function filterByTags(db: Db, instanceId: string, body: TagsFilterBody): EntNamespaceRow[] {
  const filters = body.tags ?? [];
  const clauses = filters.map((filter) =>
    filter.values.length === 0
      ? 'EXISTS (SELECT 1 FROM ent_namespace_tags t WHERE t.namespace_id = n.id AND t.key = ?)'
      : `EXISTS (SELECT 1 FROM ent_namespace_tags t WHERE t.namespace_id = n.id AND t.key = ? AND t.value IN (${filter.values.map(() => '?').join(', ')}))`,
  );
  const parameters = filters.flatMap((filter) => [filter.key, ...filter.values]);
  return db
    .prepare(
      `SELECT n.* FROM ent_namespaces n WHERE n.instance_id = ?${clauses.map((c) => ` AND ${c}`).join('')} ORDER BY n.name`,
    )
    .all(instanceId, ...parameters) as EntNamespaceRow[];
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

type EnterpriseIds =
  | 'ListInstance'
  | 'ShowInstance'
  | 'CreateInstanceTempCredential'
  | 'CreateInstanceNamespace'
  | 'ListInstanceNamespaces'
  | 'ShowInstanceNamespace'
  | 'DeleteInstanceNamespace'
  | 'CreateSubResourceTags'
  | 'DeleteSubResourceTags'
  | 'ListSubResourceTags'
  | 'ListNamespaceTags'
  | 'ListSubResourceInstances'
  | 'ShowSubResourceInstancesCount'
  | 'ListInstanceRepositories'
  | 'ListNamespaceRepositories'
  | 'ShowInstanceRepository'
  | 'DeleteInstanceRepository'
  | 'ListInstanceArtifacts'
  | 'ShowInstanceArtifact'
  | 'ListInstanceAccessories';

export const enterpriseHandlers: Pick<Handlers, EnterpriseIds> = {
  ListInstance(context) {
    const { principal, params, region, query, services } = context;
    if (params.project_id !== principal.projectId)
      throw entError.forbidden('The project is not the caller’s project in this region.');
    requireInstanceAdmin(principal, false);
    const all = (
      services.db
        .prepare(
          'SELECT * FROM ent_instances WHERE domain_id = ? AND region = ? ORDER BY created_at, id',
        )
        .all(principal.user.domainId, region) as InstanceRow[]
    ).filter(() => query.status === undefined || query.status === 'Running');
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 100;
    return {
      body: {
        instances: all
          .slice(offset, offset + limit)
          .map((instance) => toInstance(instance, services, principal.projectId)),
        total: all.length,
      },
    };
  },

  ShowInstance(context) {
    const instance = instanceOf(context);
    return { body: toInstance(instance, context.services, context.principal.projectId) };
  },

  CreateInstanceTempCredential(context) {
    const instance = instanceOf(context);
    const expiresAt = new Date(context.now.getTime() + TEMP_CREDENTIAL_HOURS * 3_600_000);
    const login = issueTemporaryLogin(
      context.services.db,
      context.principal.user.id,
      instance.region,
      expiresAt,
    );
    return {
      body: {
        auth_token: login.password,
        token_id: login.loginId,
        user_id: login.username,
        created_at: context.now.toISOString(),
        expire_date: expiresAt.toISOString(),
      },
    };
  },

  CreateInstanceNamespace(context) {
    const instance = instanceOf(context, true);
    const { db } = context.services;
    const { namespace_name: name, metadata } = context.body;
    if (findEntNamespace(db, instance.id, name))
      throw entError.exists(`Namespace "${name}" already exists.`);
    const at = context.now.toISOString();
    const id = Number(
      db
        .prepare(
          'INSERT INTO ent_namespaces (instance_id, name, metadata, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(instance.id, name, JSON.stringify(metadata), at, at).lastInsertRowid,
    );
    return { body: { id } };
  },

  ListInstanceNamespaces(context) {
    const instance = instanceOf(context);
    const { db } = context.services;
    const { query } = context;
    const { offset, limit } = page(query);
    const conditions = ['instance_id = ?'];
    const args: unknown[] = [instance.id];
    if (query.name) {
      conditions.push("name LIKE ? ESCAPE '\\'");
      args.push(`%${query.name.replace(/[\\%_]/g, '\\$&')}%`);
    }
    if (query.public !== undefined && query.public !== '') {
      conditions.push("json_extract(metadata, '$.public') = ?");
      args.push(query.public === 'true' ? 'true' : 'false');
    }
    const where = conditions.join(' AND ');
    const direction = query.order_type === 'asc' ? 'ASC' : 'DESC';
    const total = db
      .prepare(`SELECT COUNT(*) FROM ent_namespaces WHERE ${where}`)
      .pluck()
      .get(...args) as number;
    const rows = db
      .prepare(
        `SELECT * FROM ent_namespaces WHERE ${where} ORDER BY updated_at ${direction}, id ${direction} LIMIT ? OFFSET ?`,
      )
      .all(...args, limit, offset) as EntNamespaceRow[];
    return { body: { namespaces: rows.map((row) => toNamespace(db, row)), total } };
  },

  ShowInstanceNamespace(context) {
    const instance = instanceOf(context);
    const { db } = context.services;
    return { body: toNamespace(db, namespaceOf(db, instance, context.params.namespace_name)) };
  },

  DeleteInstanceNamespace(context) {
    const instance = instanceOf(context, true);
    const { db } = context.services;
    const namespace = namespaceOf(db, instance, context.params.namespace_name);
    const repositories = db
      .prepare('SELECT COUNT(*) FROM ent_repositories WHERE namespace_id = ?')
      .pluck()
      .get(namespace.id) as number;
    if (repositories > 0) {
      throw entError.invalid(
        `Namespace "${namespace.name}" still holds ${repositories} repositories; delete them first.`,
      );
    }
    db.prepare('DELETE FROM ent_namespaces WHERE id = ?').run(namespace.id);
  },

  CreateSubResourceTags(context) {
    const instance = instanceOf(context, true);
    const { db } = context.services;
    const namespace = namespaceOf(db, instance, context.params.namespace_name);
    const current = new Map(tagsOf(db, namespace.id).map((tag) => [tag.key, tag.value]));
    const added = context.body.tags.filter((tag) => !current.has(tag.key)).length;
    if (current.size + added > RESOURCE_TAG_LIMITS.perNamespace) {
      throw entError.limit(
        `A namespace has at most ${RESOURCE_TAG_LIMITS.perNamespace} tags; "${namespace.name}" has ${current.size} and this adds ${added}.`,
      );
    }
    db.transaction(() => {
      const upsert = db.prepare(
        `INSERT INTO ent_namespace_tags (namespace_id, key, value) VALUES (?, ?, ?)
         ON CONFLICT (namespace_id, key) DO UPDATE SET value = excluded.value`,
      );
      for (const tag of context.body.tags) upsert.run(namespace.id, tag.key, tag.value);
    })();
  },

  DeleteSubResourceTags(context) {
    const instance = instanceOf(context, true);
    const { db } = context.services;
    const namespace = namespaceOf(db, instance, context.params.namespace_name);
    const current = new Map(tagsOf(db, namespace.id).map((tag) => [tag.key, tag.value]));
    for (const tag of context.body.tags) {
      const value = current.get(tag.key);
      if (value === undefined)
        throw entError.notFound(`Namespace "${namespace.name}" has no tag "${tag.key}".`);
      if (tag.value !== '' && tag.value !== value)
        throw entError.invalid(
          `The tag "${tag.key}" of namespace "${namespace.name}" has another value.`,
        );
    }
    db.transaction(() => {
      const remove = db.prepare(
        'DELETE FROM ent_namespace_tags WHERE namespace_id = ? AND key = ?',
      );
      for (const tag of context.body.tags) remove.run(namespace.id, tag.key);
    })();
  },

  ListSubResourceTags(context) {
    const instance = instanceOf(context);
    const { db } = context.services;
    const namespace = namespaceOf(db, instance, context.params.namespace_name);
    return { body: { tags: tagsOf(db, namespace.id) } };
  },

  ListNamespaceTags(context) {
    const instance = instanceOf(context);
    const rows = context.services.db
      .prepare(
        `SELECT DISTINCT t.key, t.value FROM ent_namespace_tags t JOIN ent_namespaces n ON n.id = t.namespace_id
         WHERE n.instance_id = ? ORDER BY t.key, t.value`,
      )
      .all(instance.id) as ResourceTag[];
    const byKey = new Map<string, string[]>();
    for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row.value]);
    return { body: { tags: [...byKey].map(([key, values]) => ({ key, values })) } };
  },

  ListSubResourceInstances(context) {
    const instance = instanceOf(context);
    const { db } = context.services;
    const matching = filterByTags(db, instance.id, context.body);
    const offset = context.query.offset ?? 0;
    const limit = context.query.limit ?? 200;
    return {
      body: {
        resources: matching.slice(offset, offset + limit).map((namespace) => ({
          resource_id: String(namespace.id),
          resource_name: namespace.name,
          resource_detail: toNamespace(db, namespace),
          tags: tagsOf(db, namespace.id),
          sys_tags: [],
        })),
        total_count: matching.length,
      },
    };
  },

  ShowSubResourceInstancesCount(context) {
    const instance = instanceOf(context);
    return {
      body: { total_count: filterByTags(context.services.db, instance.id, context.body).length },
    };
  },

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
    const { db, instance, namespace, repository } = repositoryScope(context, true);
    const registry = context.services.instances.get(instance.id)?.registry;
    const digests = db
      .prepare('SELECT digest FROM ent_artifacts WHERE repository_id = ?')
      .pluck()
      .all(repository.id) as string[];
    for (const digest of digests)
      await registry?.deleteManifest(`${namespace.name}/${repository.name}`, digest);
    db.prepare('DELETE FROM ent_repositories WHERE id = ?').run(repository.id);
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

  ShowInstanceArtifact(context) {
    const { db, namespace, repository } = repositoryScope(context);
    const artifact = artifactOf(db, repository, context.params.reference);
    return { body: toArtifact(db, artifact, repository, namespace.id) };
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
