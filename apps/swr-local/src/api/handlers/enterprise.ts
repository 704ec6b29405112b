import {
  RESOURCE_TAG_LIMITS,
  type EnterpriseNamespace,
  type Instance,
  type ResourceTag,
  type TagsFilterBody,
} from '@swr-console/swr-api';
import type { Db } from '../../db/database.js';
import {
  findEntNamespace,
  flagsOf,
  type EntNamespaceRow,
  type InstanceRow,
} from '../../enterprise/records.js';
import { issueTemporaryLogin } from '../../registry/access.js';
import { auditEntry, recordAudit } from '../../enterprise/audit.js';

import type { Handlers } from '../handler.js';
import type { Services } from '../../services.js';

import { entError } from '../../domain/errors.js';
import {
  instanceOf,
  namespaceOf,
  page,
  refuseUnknownFlags,
  requireInstanceAdmin,
} from './enterprise-scope.js';

const TEMP_CREDENTIAL_HOURS = 6;

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

export function toNamespace(db: Db, namespace: EntNamespaceRow): EnterpriseNamespace {
  return {
    namespace_id: namespace.id,
    name: namespace.name,
    metadata: flagsOf(namespace.metadata),
    repo_count: db
      .prepare('SELECT COUNT(*) FROM ent_repositories WHERE namespace_id = ?')
      .pluck()
      .get(namespace.id) as number,
    created_at: namespace.created_at,
    updated_at: namespace.updated_at,
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

type Ids =
  | 'ListInstance'
  | 'ShowInstance'
  | 'CreateInstanceTempCredential'
  | 'CreateInstanceNamespace'
  | 'ListInstanceNamespaces'
  | 'DeleteInstanceNamespace'
  | 'CreateSubResourceTags'
  | 'DeleteSubResourceTags'
  | 'ListSubResourceTags'
  | 'ListNamespaceTags'
  | 'ListSubResourceInstances'
  | 'ShowSubResourceInstancesCount';

/** Instances, their namespaces and the namespaces' resource tags. */
export const enterpriseHandlers: Pick<Handlers, Ids> = {
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
    refuseUnknownFlags(metadata);
    if (findEntNamespace(db, instance.id, name))
      throw entError.exists(`Namespace "${name}" already exists.`);
    const at = context.now.toISOString();
    const id = db.transaction(() => {
      const inserted = db
        .prepare(
          'INSERT INTO ent_namespaces (instance_id, name, metadata, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(instance.id, name, JSON.stringify(metadata), at, at).lastInsertRowid;
      recordAudit(db, auditEntry(context, instance, 'create', 'namespace', name));
      return Number(inserted);
    })();
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
    db.transaction(() => {
      db.prepare('DELETE FROM ent_namespaces WHERE id = ?').run(namespace.id);
      recordAudit(db, auditEntry(context, instance, 'delete', 'namespace', namespace.name));
    })();
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
};
