import { setTimeout as sleep } from 'node:timers/promises';
import { nextRun, type ReplicationPolicyBody } from '@swr-console/swr-api';
import type { Db } from '../db/database.js';
import { copyImage, type ImageEndpoint } from '../replication/copy-image.js';
import { RemoteRegistryError } from '../replication/errors.js';
import type { Services } from '../services.js';
import { findEntNamespace, findInstance } from './records.js';
import { planOf, selectorOf, sidesOf, storePlan } from './replication-plan.js';
import { checkRegistry } from './registries.js';
import type { RecordedPush } from './registry.js';

/**
 * Replication policies at work. A run first lists what it copies — one task per repository, one
 * sub-task per tag, all Pending, stored in one transaction — then copies tag by tag with
 * `copyImage` (digests kept, blobs the target has skipped). A push replicates from this instance's
 * registry to the target; a pull reads the target and writes through this instance's own front,
 * as the policy's operator, so that what a user push does (records, immutability, scans, webhooks,
 * audit) happens for replicated images too. Transient failures (unreachable, 5xx, timeouts) are
 * tried three times; a stop aborts the copy in flight and leaves the rest Stopped. The plan is
 * stored before anything is copied, so a restart resumes with the sub-tasks not yet done.
 */

export const REPLICATION_JOB = 'ent-replication';
export const REPLICATION_SCHEDULE_JOB = 'ent-replication-schedule';
const ATTEMPTS = 3;

export interface ReplicationPolicyRow {
  id: number;
  instance_id: string;
  name: string;
  definition: string;
  creator_id: string;
  next_run_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReplicationExecutionRow {
  id: number;
  policy_id: number;
  trigger: 'manual' | 'scheduled' | 'event_based';
  operator_id: string;
  only_tag: string | null;
  status: 'InProgress' | 'Succeed' | 'Failed' | 'Stopped';
  status_text: string;
  created_at: string;
  updated_at: string;
}

interface SubtaskRow {
  id: number;
  task_id: number;
  namespace: string;
  repository: string;
  tag: string;
  src: string;
  dst: string;
}

export const definitionOf = (row: ReplicationPolicyRow) =>
  JSON.parse(row.definition) as ReplicationPolicyBody;

/** Runs in this process, by execution id: what a stop aborts. */
const running = new Map<number, AbortController>();

/** Records a run and queues it. */
export function startReplication(
  services: Services,
  policy: ReplicationPolicyRow,
  run: { trigger: ReplicationExecutionRow['trigger']; operatorId: string; onlyTag?: string },
): number {
  const { db, jobs, clock } = services;
  const at = clock().toISOString();
  const id = db.transaction(() => {
    const executionId = Number(
      db
        .prepare(
          `INSERT INTO ent_replication_executions (policy_id, trigger, operator_id, only_tag, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, 'InProgress', ?, ?)`,
        )
        .run(policy.id, run.trigger, run.operatorId, run.onlyTag ?? null, at, at).lastInsertRowid,
    );
    jobs.enqueue(REPLICATION_JOB, { executionId }, clock(), false);
    return executionId;
  })();
  jobs.wake();
  return id;
}

/** Plans (once) and carries out a run; resumes where a restart left it. */
export async function runReplication(
  services: Services,
  executionId: number,
  shutdown?: AbortSignal,
): Promise<void> {
  const { db, clock } = services;
  const execution = executionOf(db, executionId);
  if (execution?.status !== 'InProgress') return;
  const policyRow = db
    .prepare('SELECT * FROM ent_replication_policies WHERE id = ?')
    .get(execution.policy_id) as ReplicationPolicyRow | undefined;
  const instance = policyRow && findInstance(db, policyRow.instance_id);
  if (!policyRow || !instance) {
    fail(db, executionId, 'The policy or its instance no longer exists', clock().toISOString());
    return;
  }
  const policy = definitionOf(policyRow);
  const planned = db
    .prepare('SELECT 1 FROM ent_replication_tasks WHERE execution_id = ?')
    .get(executionId);
  // Runs queued by pushes or the schedule before the policy was disabled: a policy switched off
  // because its target hangs must not go on trying it, run after run.
  if (!planned && !policy.enabled) {
    db.prepare(
      "UPDATE ent_replication_executions SET status = 'Stopped', status_text = 'The policy was disabled before the run started', updated_at = ? WHERE id = ? AND status = 'InProgress'",
    ).run(clock().toISOString(), executionId);
    return;
  }
  // A stop by a user ends the run; swr-local stopping only interrupts it, to resume at the next start.
  const stop = new AbortController();
  const signal = shutdown ? AbortSignal.any([stop.signal, shutdown]) : stop.signal;
  running.set(executionId, stop);
  let sides: ReturnType<typeof sidesOf> | undefined;
  try {
    sides = sidesOf(services, instance, policy, execution.operator_id);
    if (!planned) {
      const plan = await planOf(services, instance, policy, sides.from, execution.only_tag, signal);
      storePlan(db, executionId, plan, policy, {
        targetUrl: sides.to.registry.url,
        at: clock().toISOString(),
        // A pull writes into this instance, whose front takes pushes into existing namespaces only.
        missing: (namespace) =>
          Boolean(policy.src_registry) && !findEntNamespace(db, instance.id, namespace),
      });
    }
    await copyPending(services, executionId, policy, sides, { signal, stopped: stop.signal });
    if (!stop.signal.aborted && shutdown?.aborted) throw interrupted();
    finish(db, executionId, clock().toISOString());
    // Whatever failed, the registry's health says whether it still answers.
    if (countsOf(db, executionId).failed > 0) await checkRegistry(services, sides.target);
  } catch (error) {
    if (stop.signal.aborted) finish(db, executionId, clock().toISOString());
    else if (shutdown?.aborted) throw error;
    else {
      fail(
        db,
        executionId,
        error instanceof Error ? error.message : String(error),
        clock().toISOString(),
      );
      if (sides) await checkRegistry(services, sides.target);
    }
  } finally {
    running.delete(executionId);
    sides?.from.registry.close();
    sides?.to.registry.close();
  }
}

const interrupted = () =>
  new Error('swr-local stopped during the run; it resumes at the next start');

/** Ends a run as Failed for `reason`; sub-tasks not carried out say they were not started. */
function fail(db: Db, executionId: number, reason: string, at: string): void {
  db.prepare(
    "UPDATE ent_replication_executions SET status = 'Failed', status_text = ?, updated_at = ? WHERE id = ? AND status = 'InProgress'",
  ).run(reason, at, executionId);
  finish(db, executionId, at, { status: 'Failed', text: `Not started: ${reason}` });
}

async function copyPending(
  services: Services,
  executionId: number,
  policy: ReplicationPolicyBody,
  sides: ReturnType<typeof sidesOf>,
  { signal, stopped }: { signal: AbortSignal; stopped: AbortSignal },
): Promise<void> {
  const { db, clock } = services;
  const pending = db
    .prepare(
      `SELECT s.id, s.task_id, s.namespace, s.repository, s.tag, t.src_resource AS src, t.dst_resource AS dst
       FROM ent_replication_subtasks s JOIN ent_replication_tasks t ON t.id = s.task_id
       WHERE t.execution_id = ? AND s.status IN ('Pending', 'InProgress') ORDER BY s.id`,
    )
    .all(executionId) as SubtaskRow[];
  const mark = db.prepare(
    `UPDATE ent_replication_subtasks SET status = ?, status_text = ?, digest = COALESCE(?, digest), attempts = ?,
       start_time = CASE WHEN start_time = '' THEN ? ELSE start_time END, end_time = ? WHERE id = ?`,
  );
  for (const row of pending) {
    if (signal.aborted) return;
    const at = clock().toISOString();
    db.prepare(
      "UPDATE ent_replication_tasks SET status = 'InProgress', status_revision = status_revision + 1 WHERE id = ? AND status = 'Pending'",
    ).run(row.task_id);
    mark.run('InProgress', '', null, 0, at, '', row.id);
    const from: ImageEndpoint = { registry: sides.from.registry, repository: row.src };
    const to: ImageEndpoint = {
      registry: sides.to.registry,
      repository: row.dst.slice(row.dst.indexOf('/') + 1),
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const copied = await copyImage(from, to, {
          tag: row.tag,
          override: policy.override ?? false,
          signal,
        });
        const text =
          copied.status === 'copied'
            ? ''
            : copied.status === 'skipped-same-digest'
              ? 'Already at the target with the same digest'
              : `The target has this tag with another image (${copied.targetDigest}); override is off: left alone`;
        mark.run('Succeed', text, copied.digest, attempt, at, clock().toISOString(), row.id);
        break;
      } catch (error) {
        if (signal.aborted) {
          // Interrupted by a stop of swr-local: left InProgress, copied again at the next start.
          if (!stopped.aborted) return;
          mark.run(
            'Stopped',
            'Stopped while copying',
            null,
            attempt,
            at,
            clock().toISOString(),
            row.id,
          );
          return;
        }
        const transient = error instanceof RemoteRegistryError && error.transient;
        if (transient && attempt < ATTEMPTS) {
          // An abort ends the pause; the next try then sees it.
          await sleep(1_000 * attempt, undefined, { signal }).catch(() => undefined);
          continue;
        }
        const message = error instanceof Error ? error.message : String(error);
        mark.run('Failed', message, null, attempt, at, clock().toISOString(), row.id);
        break;
      }
    }
  }
}

/**
 * Ends a run: sub-tasks not carried out take `leftover` (Stopped, unless it failed), and its tasks
 * and itself the outcome of their sub-tasks.
 */
function finish(
  db: Db,
  executionId: number,
  at: string,
  leftover = { status: 'Stopped', text: 'Not started: the run was stopped' },
): void {
  db.transaction(() => {
    db.prepare(
      `UPDATE ent_replication_subtasks SET status = ?, status_text = ?, end_time = ?
       WHERE status IN ('Pending', 'InProgress') AND task_id IN (SELECT id FROM ent_replication_tasks WHERE execution_id = ?)`,
    ).run(leftover.status, leftover.text, at, executionId);
    db.prepare(
      `UPDATE ent_replication_tasks SET status_revision = status_revision + 1, end_time = ?, status =
         CASE WHEN EXISTS (SELECT 1 FROM ent_replication_subtasks s WHERE s.task_id = ent_replication_tasks.id AND s.status = 'Failed') THEN 'Failed'
              WHEN EXISTS (SELECT 1 FROM ent_replication_subtasks s WHERE s.task_id = ent_replication_tasks.id AND s.status = 'Stopped') THEN 'Stopped'
              ELSE 'Succeed' END
       WHERE execution_id = ? AND end_time = ''`,
    ).run(at, executionId);
    const counts = countsOf(db, executionId);
    const status = counts.stopped > 0 ? 'Stopped' : counts.failed > 0 ? 'Failed' : 'Succeed';
    db.prepare(
      `UPDATE ent_replication_executions SET status = CASE WHEN status = 'InProgress' THEN ? ELSE status END,
         status_text = CASE WHEN status_text = '' THEN ? ELSE status_text END, updated_at = ? WHERE id = ?`,
    ).run(
      status,
      counts.failed > 0 ? `${counts.failed} of ${counts.total} tags failed` : '',
      at,
      executionId,
    );
  })();
}

export function countsOf(db: Db, executionId: number) {
  return db
    .prepare(
      `SELECT COUNT(*) AS total, COALESCE(SUM(s.status = 'Failed'), 0) AS failed, COALESCE(SUM(s.status = 'Succeed'), 0) AS succeed,
         COALESCE(SUM(s.status IN ('Pending', 'InProgress')), 0) AS in_progress, COALESCE(SUM(s.status = 'Stopped'), 0) AS stopped
       FROM ent_replication_subtasks s JOIN ent_replication_tasks t ON t.id = s.task_id WHERE t.execution_id = ?`,
    )
    .get(executionId) as {
    total: number;
    failed: number;
    succeed: number;
    in_progress: number;
    stopped: number;
  };
}

export function executionOf(db: Db, id: number): ReplicationExecutionRow | undefined {
  return db.prepare('SELECT * FROM ent_replication_executions WHERE id = ?').get(id) as
    ReplicationExecutionRow | undefined;
}

/** Stops a run: the copy in flight is aborted here, or the queued run finds itself stopped. */
export function stopReplication(services: Services, executionId: number): void {
  services.db
    .prepare(
      "UPDATE ent_replication_executions SET status = 'Stopped', status_text = 'Stopped by a user', updated_at = ? WHERE id = ? AND status = 'InProgress'",
    )
    .run(services.clock().toISOString(), executionId);
  const controller = running.get(executionId);
  if (controller) controller.abort();
  else finish(services.db, executionId, services.clock().toISOString());
}

/** After a push: a run of each enabled push policy on pushes whose filters take the tag. */
export function replicateOnPush(services: Services, push: RecordedPush): void {
  if (!push.tag) return;
  const image = `${push.namespace.name}/${push.repository.name}`;
  // A policy that cannot start its run must not fail the push that triggered it.
  try {
    const policies = services.db
      .prepare('SELECT * FROM ent_replication_policies WHERE instance_id = ?')
      .all(push.instance.id) as ReplicationPolicyRow[];
    for (const row of policies) {
      const policy = definitionOf(row);
      if (!policy.enabled || !policy.dest_registry || policy.trigger.type !== 'event_based')
        continue;
      if (!selectorOf(policy).takes(image, push.tag)) continue;
      startReplication(services, row, {
        trigger: 'event_based',
        operatorId: push.pusher ?? row.creator_id,
        onlyTag: `${image}:${push.tag}`,
      });
    }
  } catch (error) {
    services.log.warn({ err: error, image, tag: push.tag }, 'replication on push not started');
  }
}

/** Stores when a scheduled policy runs next and queues that run (see retention's `schedule`). */
export function scheduleReplication(
  services: Services,
  row: ReplicationPolicyRow,
  after: Date,
): void {
  const policy = definitionOf(row);
  const cron = policy.trigger.trigger_settings?.cron;
  const next =
    policy.enabled && policy.trigger.type === 'scheduled' && cron
      ? nextRun(cron, after)
      : undefined;
  const at = next?.toISOString() ?? null;
  services.db
    .prepare('UPDATE ent_replication_policies SET next_run_at = ? WHERE id = ?')
    .run(at, row.id);
  if (next) services.jobs.enqueue(REPLICATION_SCHEDULE_JOB, { policyId: row.id, at }, next, false);
}

export function runScheduledReplication(services: Services, policyId: number, at: string): void {
  const { db } = services;
  const row = db.prepare('SELECT * FROM ent_replication_policies WHERE id = ?').get(policyId) as
    ReplicationPolicyRow | undefined;
  if (!row || row.next_run_at !== at) return;
  const busy = db
    .prepare(
      "SELECT 1 FROM ent_replication_executions WHERE policy_id = ? AND status = 'InProgress'",
    )
    .get(row.id);
  if (!busy) startReplication(services, row, { trigger: 'scheduled', operatorId: row.creator_id });
  // After a long stop, the times missed meanwhile are one run (this one), not one each.
  const after = new Date(Math.max(Date.parse(at), services.clock().getTime()));
  db.transaction(() => scheduleReplication(services, row, after))();
  services.jobs.wake();
}
