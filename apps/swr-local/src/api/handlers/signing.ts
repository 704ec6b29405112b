import type { SignExecution, SignPolicy, SignPolicyBody } from '@swr-console/swr-api';
import type { Db } from '../../db/database.js';
import { algorithmProblem, findKey } from '../../enterprise/keys.js';
import type { EntNamespaceRow, InstanceRow } from '../../enterprise/records.js';
import {
  definitionOf,
  selectArtifacts,
  startExecution,
  type PolicyRow,
} from '../../enterprise/signing.js';
import type { Handlers } from '../handler.js';
import { entError } from '../../domain/errors.js';
import { instanceOf, namespaceOf, page } from './enterprise-scope.js';

function toPolicy(row: PolicyRow, namespace: { id: number; name: string }): SignPolicy {
  const definition = definitionOf(row);
  return {
    id: row.id,
    name: definition.name,
    description: definition.description ?? '',
    namespace_id: namespace.id,
    namespace_name: namespace.name,
    trigger: definition.trigger,
    creator: row.creator,
    enabled: definition.enabled,
    scope_rules: definition.scope_rules,
    created_at: row.created_at,
    updated_at: row.updated_at,
    signature_algorithm: definition.signature_algorithm,
    signature_key: definition.signature_key,
    signature_method: definition.signature_method,
  };
}

function policyOf(db: Db, namespace: EntNamespaceRow, id: number): PolicyRow {
  const row = db
    .prepare('SELECT * FROM ent_sign_policies WHERE id = ? AND namespace_id = ?')
    .get(id, namespace.id) as PolicyRow | undefined;
  if (!row) throw entError.notFound(`Signing policy ${id} does not exist in "${namespace.name}".`);
  return row;
}

/** The instance, namespace and policy a call names, each checked in turn. */
function policyScope(
  context: Parameters<typeof instanceOf>[0] & {
    params: { namespace_name: string; policy_id: number };
  },
  change = false,
) {
  const instance = instanceOf(context, change);
  const { db } = context.services;
  const namespace = namespaceOf(db, instance, context.params.namespace_name);
  const policy = policyOf(db, namespace, context.params.policy_id);
  return { db, instance, namespace, policy };
}

/** The key must be the account's, in this region, and sign with the policy's algorithm. */
function checkKey(db: Db, instance: InstanceRow, body: SignPolicyBody): void {
  const key = findKey(
    db,
    { domainId: instance.domain_id, region: instance.region },
    body.signature_key,
  );
  if (!key)
    throw entError.invalid(
      `Invalid body.signature_key: the key "${body.signature_key}" does not exist in this region.`,
    );
  const problem = algorithmProblem(key, body.signature_algorithm);
  if (problem) throw entError.invalid(`Invalid body.signature_algorithm: ${problem}`);
}

function nameTaken(db: Db, namespaceId: number, name: string, except?: number): boolean {
  return (
    db
      .prepare('SELECT 1 FROM ent_sign_policies WHERE namespace_id = ? AND name = ? AND id != ?')
      .get(namespaceId, name, except ?? -1) !== undefined
  );
}

function toExecution(db: Db, row: ExecutionRow): SignExecution {
  const counts = db
    .prepare(
      `SELECT s.status, COUNT(*) AS n FROM ent_sign_subtasks s JOIN ent_sign_tasks t ON t.id = s.task_id
       WHERE t.execution_id = ? GROUP BY s.status`,
    )
    .all(row.id) as { status: string; n: number }[];
  const count = (...statuses: string[]) =>
    counts.filter((c) => statuses.includes(c.status)).reduce((sum, c) => sum + c.n, 0);
  return {
    id: row.id,
    policy_id: row.policy_id,
    status: row.status as SignExecution['status'],
    status_text: row.status_text,
    total: count('Pending', 'InProgress', 'Succeed', 'Failed', 'Stopped'),
    failed: count('Failed'),
    succeed: count('Succeed'),
    in_progress: count('Pending', 'InProgress'),
    stopped: count('Stopped'),
    trigger: row.trigger as SignExecution['trigger'],
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

interface ExecutionRow {
  id: number;
  policy_id: number;
  trigger: string;
  status: string;
  status_text: string;
  created_at: string;
  updated_at: string;
}

function executionOf(db: Db, policy: PolicyRow, id: number): ExecutionRow {
  const row = db
    .prepare('SELECT * FROM ent_sign_executions WHERE id = ? AND policy_id = ?')
    .get(id, policy.id) as ExecutionRow | undefined;
  if (!row) throw entError.notFound(`Execution ${id} does not exist.`);
  return row;
}

type SigningIds =
  | 'ListInstanceSignPolicies'
  | 'CreateInstanceSignPolicy'
  | 'ShowInstanceSignPolicy'
  | 'UpdateInstanceSignPolicy'
  | 'DeleteInstanceSignPolicy'
  | 'ExecuteInstanceSignPolicy'
  | 'ListInstanceSignPolicyExecutions'
  | 'ListInstanceSignPolicyExecTasks'
  | 'ListInstanceSignatureExecutionSubtasks';

export const signingHandlers: Pick<Handlers, SigningIds> = {
  ListInstanceSignPolicies(context) {
    const instance = instanceOf(context);
    const { db } = context.services;
    const { offset, limit } = page(context.query);
    const rows = db
      .prepare(
        `SELECT p.*, n.name AS namespace_name FROM ent_sign_policies p JOIN ent_namespaces n ON n.id = p.namespace_id
         WHERE n.instance_id = ? ORDER BY p.id DESC`,
      )
      .all(instance.id) as (PolicyRow & { namespace_name: string })[];
    return {
      body: {
        policies: rows
          .slice(offset, offset + limit)
          .map((row) => toPolicy(row, { id: row.namespace_id, name: row.namespace_name })),
        total: rows.length,
      },
    };
  },

  CreateInstanceSignPolicy(context) {
    const instance = instanceOf(context, true);
    const { db } = context.services;
    const namespace = namespaceOf(db, instance, context.params.namespace_name);
    const { body } = context;
    if (nameTaken(db, namespace.id, body.name))
      throw entError.exists(`A signing policy named "${body.name}" already exists.`);
    checkKey(db, instance, body);
    const at = context.now.toISOString();
    const id = Number(
      db
        .prepare(
          `INSERT INTO ent_sign_policies (namespace_id, name, definition, creator, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(namespace.id, body.name, JSON.stringify(body), context.principal.user.name, at, at)
        .lastInsertRowid,
    );
    return { body: { id } };
  },

  ShowInstanceSignPolicy(context) {
    const instance = instanceOf(context);
    const { db } = context.services;
    const namespace = namespaceOf(db, instance, context.params.namespace_name);
    return { body: toPolicy(policyOf(db, namespace, context.params.policy_id), namespace) };
  },

  UpdateInstanceSignPolicy(context) {
    const { db, instance, namespace, policy } = policyScope(context, true);
    const { body } = context;
    if (nameTaken(db, namespace.id, body.name, policy.id))
      throw entError.exists(`A signing policy named "${body.name}" already exists.`);
    checkKey(db, instance, body);
    db.prepare(
      'UPDATE ent_sign_policies SET name = ?, definition = ?, updated_at = ? WHERE id = ?',
    ).run(body.name, JSON.stringify(body), context.now.toISOString(), policy.id);
  },

  DeleteInstanceSignPolicy(context) {
    const { db, policy } = policyScope(context, true);
    db.prepare('DELETE FROM ent_sign_policies WHERE id = ?').run(policy.id);
  },

  ExecuteInstanceSignPolicy(context) {
    const { db, instance, namespace, policy } = policyScope(context, true);
    const definition = definitionOf(policy);
    if (!definition.enabled)
      throw entError.invalid(`The signing policy "${definition.name}" is disabled.`);
    checkKey(db, instance, definition);
    const selection = selectArtifacts(db, namespace, definition.scope_rules);
    return {
      body: { id: startExecution(context.services, policy, namespace, 'manual', selection) },
    };
  },

  ListInstanceSignPolicyExecutions(context) {
    const { db, policy } = policyScope(context);
    const { offset, limit } = page(context.query);
    const total = db
      .prepare('SELECT COUNT(*) FROM ent_sign_executions WHERE policy_id = ?')
      .pluck()
      .get(policy.id) as number;
    const rows = db
      .prepare(
        'SELECT * FROM ent_sign_executions WHERE policy_id = ? ORDER BY id DESC LIMIT ? OFFSET ?',
      )
      .all(policy.id, limit, offset) as ExecutionRow[];
    return { body: { executions: rows.map((row) => toExecution(db, row)), total } };
  },

  ListInstanceSignPolicyExecTasks(context) {
    const { db, policy } = policyScope(context);
    const execution = executionOf(db, policy, context.params.execution_id);
    const { offset, limit } = page(context.query);
    const rows = db
      .prepare(
        `SELECT t.*,
           SUM(s.status = 'Failed') AS failed, SUM(s.status IN ('Pending', 'InProgress')) AS running,
           MAX(s.updated_at) AS updated_at
         FROM ent_sign_tasks t JOIN ent_sign_subtasks s ON s.task_id = t.id
         WHERE t.execution_id = ? GROUP BY t.id ORDER BY t.id`,
      )
      .all(execution.id) as {
      id: number;
      namespace: string;
      repository: string;
      created_at: string;
      updated_at: string;
      failed: number;
      running: number;
    }[];
    return {
      body: {
        tasks: rows.slice(offset, offset + limit).map((row) => ({
          id: row.id,
          execution_id: execution.id,
          job_id: `sign-${execution.id}-${row.id}`,
          status: row.running > 0 ? 'InProgress' : row.failed > 0 ? 'Failed' : 'Succeed',
          status_text: row.failed > 0 ? `${row.failed} artifact(s) failed.` : '',
          namespace: row.namespace,
          repository: row.repository,
          created_at: row.created_at,
          updated_at: row.updated_at,
        })),
        total: rows.length,
      },
    };
  },

  ListInstanceSignatureExecutionSubtasks(context) {
    const { db, policy } = policyScope(context);
    const execution = executionOf(db, policy, context.params.execution_id);
    const task = db
      .prepare('SELECT * FROM ent_sign_tasks WHERE id = ? AND execution_id = ?')
      .get(context.params.task_id, execution.id) as
      { id: number; namespace: string; repository: string } | undefined;
    if (!task) throw entError.notFound(`Task ${context.params.task_id} does not exist.`);
    const { offset, limit } = page(context.query);
    const status = context.query.status;
    const rows = db
      .prepare(
        `SELECT * FROM ent_sign_subtasks WHERE task_id = ?${status ? ' AND status = ?' : ''} ORDER BY id`,
      )
      .all(...(status ? [task.id, status] : [task.id])) as {
      id: number;
      digest: string;
      tags: string;
      status: SignExecution['status'];
      status_text: string;
      created_at: string;
      updated_at: string;
    }[];
    return {
      body: {
        sub_tasks: rows.slice(offset, offset + limit).map((row) => ({
          ...row,
          job_id: `sign-${execution.id}-${task.id}-${row.id}`,
          namespace: task.namespace,
          repository: task.repository,
        })),
        total: rows.length,
      },
    };
  },
};
