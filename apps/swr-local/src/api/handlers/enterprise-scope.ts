import { ENTERPRISE_PAGE_SIZE } from '@swr-console/swr-api';
import type { Db } from '../../db/database.js';
import {
  findArtifact,
  findEntNamespace,
  findEntRepository,
  findInstance,
  NAMESPACE_FLAGS,
  unknownFlagOf,
  type ArtifactRow,
  type EntNamespaceRow,
  type EntRepositoryRow,
  type InstanceRow,
} from '../../enterprise/records.js';

import type { Principal } from '../auth.js';
import { entError } from '../../domain/errors.js';

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
export function requireInstanceAdmin(principal: Principal, change: boolean): void {
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
export function repositoryScope(
  context: InstanceScope & { params: { namespace_name: string; repository_name: string } },
  change = false,
): { db: Db; instance: InstanceRow; namespace: EntNamespaceRow; repository: EntRepositoryRow } {
  const instance = instanceOf(context, change);
  const { db } = context.services;
  const namespace = namespaceOf(db, instance, context.params.namespace_name);
  const repository = repositoryOf(db, namespace, context.params.repository_name);
  return { db, instance, namespace, repository };
}

export function artifactOf(db: Db, repository: EntRepositoryRow, digest: string): ArtifactRow {
  const artifact = findArtifact(db, repository.id, digest);
  if (!artifact) throw entError.notFound(`Artifact "${digest}" does not exist.`);
  return artifact;
}

/** An Enterprise page: default 10; the schema already checked the bounds and the multiple. */
export function page(query: { offset?: number | undefined; limit?: number | undefined }) {
  return { offset: query.offset ?? 0, limit: query.limit ?? ENTERPRISE_PAGE_SIZE };
}

/** The child tables the run and delivery lists read, each under its parent's column. */
type ChildList =
  | ['ent_retention_tasks', 'execution_id']
  | ['ent_retention_subtasks', 'task_id']
  | ['ent_replication_tasks', 'execution_id']
  | ['ent_replication_subtasks', 'task_id']
  | ['ent_webhook_jobs', 'policy_id'];

/**
 * One page of the rows under a parent (a run's tasks, a task's sub-tasks, a webhook's deliveries),
 * of one status when asked, with how many there are in all.
 */
export function pageOfRows<Row>(
  db: Db,
  [table, column]: ChildList,
  parentId: number,
  query: { offset?: number | undefined; limit?: number | undefined; status?: string | undefined },
  order: 'ASC' | 'DESC' = 'ASC',
): { rows: Row[]; total: number } {
  const { offset, limit } = page(query);
  const status = query.status ?? null;
  const where = `WHERE ${column} = ? AND (? IS NULL OR status = ?)`;
  const total = db
    .prepare(`SELECT COUNT(*) FROM ${table} ${where}`)
    .pluck()
    .get(parentId, status, status) as number;
  const rows = db
    .prepare(`SELECT * FROM ${table} ${where} ORDER BY id ${order} LIMIT ? OFFSET ?`)
    .all(parentId, status, status, limit, offset) as Row[];
  return { rows, total };
}

/** Namespace metadata holds its flags only: another key is refused by name, before any change. */
export function refuseUnknownFlags(metadata: object): void {
  const unknown = unknownFlagOf(metadata);
  if (unknown !== undefined)
    throw entError.invalid(
      `Invalid body.metadata.${unknown}: not a namespace flag; the flags are ${NAMESPACE_FLAGS.join(', ')}.`,
    );
}
