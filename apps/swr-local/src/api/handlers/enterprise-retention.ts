import type {
  RetentionPolicy,
  RetentionPolicyBody,
  RetentionSubtask,
  RetentionTask,
} from '@swr-console/swr-api';
import type { Db } from '../../db/database.js';
import { entError } from '../../domain/errors.js';
import type { EntNamespaceRow } from '../../enterprise/records.js';
import {
  definitionOf,
  schedule,
  startRetention,
  type RetentionExecutionRow,
  type RetentionPolicyRow,
} from '../../enterprise/retention.js';
import type { Handlers } from '../handler.js';
import { instanceOf, namespaceOf, page, pageOfRows } from './enterprise-scope.js';

type Ids =
  | 'CreateInstanceRetentionPolicy'
  | 'ListInstanceRetentionPolicies'
  | 'ShowInstanceRetentionPolicy'
  | 'UpdateInstanceRetentionPolicy'
  | 'DeleteInstanceRetentionPolicy'
  | 'ExecuteInstanceRetentionPolicy'
  | 'ListInstanceRetentionPolicyExecutions'
  | 'ListInstanceRetentionPolicyExecTasks'
  | 'ListInstanceRetentionPolicyExecSubTasks';

/** What a policy stores: the body with SWR's defaults filled in; rule ids are their positions. */
function storedOf(body: RetentionPolicyBody): string {
  return JSON.stringify({
    ...body,
    rules: body.rules.map((rule) => ({
      ...rule,
      priority: rule.priority ?? 0,
      disabled: rule.disabled ?? false,
    })),
  });
}

function toPolicy(row: RetentionPolicyRow, namespace: { id: number; name: string }) {
  const definition = definitionOf(row);
  return {
    ...definition,
    rules: definition.rules.map((rule, index) => ({ id: index + 1, ...rule })),
    id: row.id,
    namespace_id: namespace.id,
    namespace_name: namespace.name,
  } as RetentionPolicy;
}

function policyOf(db: Db, namespace: EntNamespaceRow, id: number): RetentionPolicyRow {
  const row = db
    .prepare('SELECT * FROM ent_retention_policies WHERE id = ? AND namespace_id = ?')
    .get(id, namespace.id) as RetentionPolicyRow | undefined;
  if (!row)
    throw entError.notFound(`Retention policy ${id} of "${namespace.name}" does not exist.`);
  return row;
}

function policyScope(
  context: Parameters<typeof instanceOf>[0] & {
    params: { namespace_name: string; policy_id: number };
  },
  change = false,
) {
  const instance = instanceOf(context, change);
  const { db } = context.services;
  const namespace = namespaceOf(db, instance, context.params.namespace_name);
  return { db, namespace, policy: policyOf(db, namespace, context.params.policy_id) };
}

function executionOf(db: Db, policy: RetentionPolicyRow, id: number): RetentionExecutionRow {
  const row = db
    .prepare('SELECT * FROM ent_retention_executions WHERE id = ? AND policy_id = ?')
    .get(id, policy.id) as RetentionExecutionRow | undefined;
  if (!row) throw entError.notFound(`Execution ${id} does not exist.`);
  return row;
}

const isRunning = (db: Db, policy: RetentionPolicyRow) =>
  db
    .prepare("SELECT 1 FROM ent_retention_executions WHERE policy_id = ? AND status = 'InProgress'")
    .get(policy.id) !== undefined;

/** Retention policies: one per namespace, listed per instance, run by hand or on a schedule. */
export const enterpriseRetentionHandlers: Pick<Handlers, Ids> = {
  CreateInstanceRetentionPolicy(context) {
    const instance = instanceOf(context, true);
    const { db, jobs } = context.services;
    const namespace = namespaceOf(db, instance, context.params.namespace_name);
    const existing = db
      .prepare('SELECT id FROM ent_retention_policies WHERE namespace_id = ?')
      .pluck()
      .get(namespace.id) as number | undefined;
    if (existing !== undefined)
      throw entError.exists(
        `Namespace "${namespace.name}" already has retention policy ${existing}; change that one.`,
      );
    const at = context.now.toISOString();
    const id = db.transaction(() => {
      const inserted = Number(
        db
          .prepare(
            'INSERT INTO ent_retention_policies (namespace_id, definition, created_at, updated_at) VALUES (?, ?, ?, ?)',
          )
          .run(namespace.id, storedOf(context.body), at, at).lastInsertRowid,
      );
      const row = policyOf(db, namespace, inserted);
      schedule(context.services, row, context.now);
      return inserted;
    })();
    jobs.wake();
    return { body: { id } };
  },

  ListInstanceRetentionPolicies(context) {
    const instance = instanceOf(context);
    const { db } = context.services;
    const { offset, limit } = page(context.query);
    const { name, namespace_id: namespaceId } = context.query;
    const rows = (
      db
        .prepare(
          `SELECT p.*, n.name AS namespace_name FROM ent_retention_policies p JOIN ent_namespaces n ON n.id = p.namespace_id
           WHERE n.instance_id = ? AND (? IS NULL OR n.id = ?) ORDER BY p.id DESC`,
        )
        .all(instance.id, namespaceId ?? null, namespaceId ?? null) as (RetentionPolicyRow & {
        namespace_name: string;
      })[]
    ).filter((row) => name === undefined || definitionOf(row).name.includes(name));
    return {
      body: {
        retentions: rows
          .slice(offset, offset + limit)
          .map((row) => toPolicy(row, { id: row.namespace_id, name: row.namespace_name })),
        total: rows.length,
      },
    };
  },

  ShowInstanceRetentionPolicy(context) {
    const { namespace, policy } = policyScope(context);
    return { body: toPolicy(policy, namespace) };
  },

  UpdateInstanceRetentionPolicy(context) {
    const { db, policy } = policyScope(context, true);
    const at = context.now.toISOString();
    db.transaction(() => {
      db.prepare(
        'UPDATE ent_retention_policies SET definition = ?, updated_at = ? WHERE id = ?',
      ).run(storedOf(context.body), at, policy.id);
      schedule(context.services, { ...policy, definition: storedOf(context.body) }, context.now);
    })();
    context.services.jobs.wake();
  },

  DeleteInstanceRetentionPolicy(context) {
    const { db, namespace, policy } = policyScope(context, true);
    if (isRunning(db, policy))
      throw entError.busy(
        `Retention policy ${policy.id} of "${namespace.name}" is running; delete it when the run ends.`,
      );
    db.prepare('DELETE FROM ent_retention_policies WHERE id = ?').run(policy.id);
  },

  ExecuteInstanceRetentionPolicy(context) {
    const { db, namespace, policy } = policyScope(context, true);
    if (isRunning(db, policy))
      throw entError.busy(`Retention policy ${policy.id} is already running.`);
    const id = startRetention(context.services, policy, namespace, {
      dryRun: context.body.dry_run,
      trigger: 'manual',
      operator: context.principal.user.name,
    });
    return { body: { id } };
  },

  ListInstanceRetentionPolicyExecutions(context) {
    const { db, policy } = policyScope(context);
    const { offset, limit } = page(context.query);
    const total = db
      .prepare('SELECT COUNT(*) FROM ent_retention_executions WHERE policy_id = ?')
      .pluck()
      .get(policy.id) as number;
    const rows = db
      .prepare(
        'SELECT * FROM ent_retention_executions WHERE policy_id = ? ORDER BY id DESC LIMIT ? OFFSET ?',
      )
      .all(policy.id, limit, offset) as RetentionExecutionRow[];
    return {
      body: {
        executions: rows.map((row) => ({
          id: row.id,
          policy_id: row.policy_id,
          dry_run: row.dry_run === 1,
          status: row.status,
          status_text: row.status_text,
          trigger: row.trigger,
          start_time: row.start_time,
          end_time: row.end_time,
        })),
        total,
      },
    };
  },

  ListInstanceRetentionPolicyExecTasks(context) {
    const { db, policy } = policyScope(context);
    const execution = executionOf(db, policy, context.params.execution_id);
    const { rows, total } = pageOfRows<{
      id: number;
      execution_id: number;
      repository: string;
      status: RetentionTask['status'];
      status_code: number;
      status_revision: number;
      total: number;
      retained: number;
      start_time: string;
      end_time: string;
    }>(db, ['ent_retention_tasks', 'execution_id'], execution.id, context.query);
    return {
      body: {
        tasks: rows.map((row) => ({ ...row, job_id: String(row.id) })),
        total,
      },
    };
  },

  ListInstanceRetentionPolicyExecSubTasks(context) {
    const { db, policy } = policyScope(context);
    const execution = executionOf(db, policy, context.params.execution_id);
    const task = db
      .prepare('SELECT id FROM ent_retention_tasks WHERE id = ? AND execution_id = ?')
      .pluck()
      .get(context.params.task_id, execution.id) as number | undefined;
    if (task === undefined)
      throw entError.notFound(`Task ${context.params.task_id} does not exist.`);
    const { rows, total } = pageOfRows<{
      id: number;
      task_id: number;
      namespace: string;
      repository: string;
      tag: string;
      digest: string;
      status: RetentionSubtask['status'];
      status_text: string;
      op_time: string;
    }>(db, ['ent_retention_subtasks', 'task_id'], task, context.query);
    return {
      body: {
        sub_tasks: rows.map(({ task_id: taskId, ...row }) => ({
          ...row,
          job_id: taskId,
          action: 'DEL' as const,
        })),
        total,
      },
    };
  },
};
