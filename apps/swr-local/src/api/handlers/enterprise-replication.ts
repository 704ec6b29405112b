import type {
  ReplicationExecution,
  ReplicationPolicy,
  ReplicationPolicyBody,
  ReplicationSubtask,
  ReplicationTask,
} from '@swr-console/swr-api';
import type { Db } from '../../db/database.js';
import { entError } from '../../domain/errors.js';
import type { InstanceRow } from '../../enterprise/records.js';
import { findRegistry, MAX_REPLICATION_POLICIES } from '../../enterprise/registries.js';
import {
  countsOf,
  definitionOf,
  executionOf,
  scheduleReplication,
  startReplication,
  stopReplication,
  type ReplicationExecutionRow,
  type ReplicationPolicyRow,
} from '../../enterprise/replication.js';
import type { Handlers } from '../handler.js';
import { instanceOf, page, pageOfRows } from './enterprise-scope.js';

type Ids =
  | 'CreateInstanceReplicationPolicy'
  | 'ListInstanceReplicationPolicies'
  | 'ShowInstanceReplicationPolicy'
  | 'UpdateInstanceReplicationPolicy'
  | 'DeleteInstanceReplicationPolicy'
  | 'ExecuteInstanceReplicationPolicy'
  | 'ListInstanceReplicationPolicyExecutions'
  | 'StopInstanceReplicationPolicyExecution'
  | 'ListInstanceReplicationPolicyExecTasks'
  | 'ListInstanceReplicationPolicyExecSubTasks';

export function policyOf(db: Db, instance: InstanceRow, id: number): ReplicationPolicyRow {
  const row = db
    .prepare('SELECT * FROM ent_replication_policies WHERE id = ? AND instance_id = ?')
    .get(id, instance.id) as ReplicationPolicyRow | undefined;
  if (!row) throw entError.notFound(`Replication policy ${id} does not exist.`);
  return row;
}

export function nameTaken(db: Db, table: string, instance: InstanceRow, name: string, except = 0) {
  return (
    db
      .prepare(`SELECT 1 FROM ${table} WHERE instance_id = ? AND name = ? AND id != ?`)
      .get(instance.id, name, except) !== undefined
  );
}

/** A policy's registry must be one of the instance's. */
function checkPolicy(db: Db, instance: InstanceRow, body: ReplicationPolicyBody): void {
  const ref = body.dest_registry ?? body.src_registry;
  if (ref && !findRegistry(db, instance.id, ref.id))
    throw entError.invalid(
      `Invalid body.${body.dest_registry ? 'dest_registry' : 'src_registry'}.id: registry ${ref.id} does not exist.`,
    );
}

function toPolicy(row: ReplicationPolicyRow): ReplicationPolicy {
  const body = definitionOf(row);
  return {
    ...body,
    id: row.id,
    description: body.description ?? '',
    dest_namespace: body.dest_namespace ?? '',
    override: body.override ?? false,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function toExecution(db: Db, row: ReplicationExecutionRow): ReplicationExecution {
  const counts = countsOf(db, row.id);
  return {
    id: row.id,
    policy_id: row.policy_id,
    status: row.status,
    status_text: row.status_text,
    trigger: row.trigger,
    ...counts,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function runOf(db: Db, instance: InstanceRow, id: number): ReplicationExecutionRow {
  const row = executionOf(db, id);
  if (!row || !policyOfInstance(db, instance, row.policy_id))
    throw entError.notFound(`Execution ${id} does not exist.`);
  return row;
}

const policyOfInstance = (db: Db, instance: InstanceRow, policyId: number) =>
  db
    .prepare('SELECT 1 FROM ent_replication_policies WHERE id = ? AND instance_id = ?')
    .get(policyId, instance.id) !== undefined;

export const count = (db: Db, table: string, instance: InstanceRow) =>
  db
    .prepare(`SELECT COUNT(*) FROM ${table} WHERE instance_id = ?`)
    .pluck()
    .get(instance.id) as number;

/** Replication policies of an instance, their runs, and stopping a run. */
export const enterpriseReplicationHandlers: Pick<Handlers, Ids> = {
  CreateInstanceReplicationPolicy(context) {
    const instance = instanceOf(context, true);
    const { db, jobs } = context.services;
    const { body } = context;
    if (nameTaken(db, 'ent_replication_policies', instance, body.name))
      throw entError.exists(`A replication policy named "${body.name}" already exists.`);
    if (count(db, 'ent_replication_policies', instance) >= MAX_REPLICATION_POLICIES)
      throw entError.invalid(
        `An instance holds at most ${MAX_REPLICATION_POLICIES} replication policies.`,
      );
    checkPolicy(db, instance, body);
    const at = context.now.toISOString();
    const id = db.transaction(() => {
      const inserted = Number(
        db
          .prepare(
            'INSERT INTO ent_replication_policies (instance_id, name, definition, creator_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(instance.id, body.name, JSON.stringify(body), context.principal.user.id, at, at)
          .lastInsertRowid,
      );
      scheduleReplication(context.services, policyOf(db, instance, inserted), context.now);
      return inserted;
    })();
    jobs.wake();
    return { body: { id } };
  },

  ListInstanceReplicationPolicies(context) {
    const instance = instanceOf(context);
    const { offset, limit } = page(context.query);
    const { name, registry_id: registryId } = context.query;
    const column = context.query.order_column ?? 'created_at';
    const order = context.query.order_type ?? 'desc';
    const rows = (
      context.services.db
        .prepare(
          `SELECT * FROM ent_replication_policies WHERE instance_id = ? ORDER BY ${column} ${order}, id`,
        )
        .all(instance.id) as ReplicationPolicyRow[]
    ).filter((row) => {
      const body = definitionOf(row);
      return (
        (name === undefined || row.name.includes(name)) &&
        (registryId === undefined || (body.dest_registry ?? body.src_registry)?.id === registryId)
      );
    });
    return {
      body: { policies: rows.slice(offset, offset + limit).map(toPolicy), total: rows.length },
    };
  },

  ShowInstanceReplicationPolicy(context) {
    const instance = instanceOf(context);
    return { body: toPolicy(policyOf(context.services.db, instance, context.params.policy_id)) };
  },

  UpdateInstanceReplicationPolicy(context) {
    const instance = instanceOf(context, true);
    const { db, jobs } = context.services;
    const row = policyOf(db, instance, context.params.policy_id);
    const { body } = context;
    if (nameTaken(db, 'ent_replication_policies', instance, body.name, row.id))
      throw entError.exists(`A replication policy named "${body.name}" already exists.`);
    checkPolicy(db, instance, body);
    db.transaction(() => {
      db.prepare(
        'UPDATE ent_replication_policies SET name = ?, definition = ?, updated_at = ? WHERE id = ?',
      ).run(body.name, JSON.stringify(body), context.now.toISOString(), row.id);
      scheduleReplication(context.services, policyOf(db, instance, row.id), context.now);
    })();
    jobs.wake();
  },

  DeleteInstanceReplicationPolicy(context) {
    const instance = instanceOf(context, true);
    const { db } = context.services;
    const row = policyOf(db, instance, context.params.policy_id);
    const running = db
      .prepare(
        "SELECT id FROM ent_replication_executions WHERE policy_id = ? AND status = 'InProgress'",
      )
      .pluck()
      .get(row.id) as number | undefined;
    if (running !== undefined)
      throw entError.busy(
        `Replication policy "${row.name}" is running (execution ${running}); stop it or let it end first.`,
      );
    db.prepare('DELETE FROM ent_replication_policies WHERE id = ?').run(row.id);
  },

  ExecuteInstanceReplicationPolicy(context) {
    const instance = instanceOf(context, true);
    const { db } = context.services;
    const row = policyOf(db, instance, context.body.policy_id);
    if (!definitionOf(row).enabled)
      throw entError.invalid(`Replication policy "${row.name}" is disabled; enable it to run it.`);
    const running = db
      .prepare(
        "SELECT id FROM ent_replication_executions WHERE policy_id = ? AND status = 'InProgress'",
      )
      .pluck()
      .get(row.id) as number | undefined;
    if (running !== undefined)
      throw entError.busy(
        `Replication policy "${row.name}" is already running (execution ${running}).`,
      );
    const id = startReplication(context.services, row, {
      trigger: 'manual',
      operatorId: context.principal.user.id,
    });
    return { body: { id } };
  },

  ListInstanceReplicationPolicyExecutions(context) {
    const instance = instanceOf(context);
    const { db } = context.services;
    const { offset, limit } = page(context.query);
    const policyId = context.query.policy_id ?? null;
    const where = `WHERE p.instance_id = ? AND (? IS NULL OR e.policy_id = ?)`;
    const from =
      'FROM ent_replication_executions e JOIN ent_replication_policies p ON p.id = e.policy_id';
    const total = db
      .prepare(`SELECT COUNT(*) ${from} ${where}`)
      .pluck()
      .get(instance.id, policyId, policyId) as number;
    const rows = db
      .prepare(`SELECT e.* ${from} ${where} ORDER BY e.id DESC LIMIT ? OFFSET ?`)
      .all(instance.id, policyId, policyId, limit, offset) as ReplicationExecutionRow[];
    return { body: { executions: rows.map((row) => toExecution(db, row)), total } };
  },

  StopInstanceReplicationPolicyExecution(context) {
    const instance = instanceOf(context, true);
    const execution = runOf(context.services.db, instance, context.params.execution_id);
    if (execution.status !== 'InProgress')
      throw entError.invalid(`Execution ${execution.id} has ended (${execution.status}).`);
    stopReplication(context.services, execution.id);
  },

  ListInstanceReplicationPolicyExecTasks(context) {
    const instance = instanceOf(context);
    const { db } = context.services;
    const execution = runOf(db, instance, context.params.execution_id);
    const { rows, total } = pageOfRows<{
      id: number;
      execution_id: number;
      src_resource: string;
      dst_resource: string;
      status: ReplicationTask['status'];
      status_revision: number;
      start_time: string;
      end_time: string;
    }>(db, ['ent_replication_tasks', 'execution_id'], execution.id, context.query);
    return {
      body: {
        tasks: rows.map(({ status_revision: revision, ...row }) => ({
          ...row,
          resource_type: 'image',
          operation: 'copy',
          job_id: String(row.id),
          StatusRevision: revision,
        })),
        total,
      },
    };
  },

  ListInstanceReplicationPolicyExecSubTasks(context) {
    const instance = instanceOf(context);
    const { db } = context.services;
    const execution = runOf(db, instance, context.params.execution_id);
    const task = db
      .prepare('SELECT id FROM ent_replication_tasks WHERE id = ? AND execution_id = ?')
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
      status: ReplicationSubtask['status'];
      status_text: string;
      attempts: number;
      start_time: string;
      end_time: string;
    }>(db, ['ent_replication_subtasks', 'task_id'], task, context.query);
    return {
      body: {
        subtasks: rows.map(({ task_id: taskId, ...row }) => ({ ...row, job_id: String(taskId) })),
        total,
      },
    };
  },
};
