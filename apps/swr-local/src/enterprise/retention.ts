import {
  evaluateEnterpriseRetention,
  ImmutabilityMatcher,
  nextRun,
  signedDigestOf,
  type EnterpriseRetentionResult,
  type RetentionPolicyBody,
} from '@swr-console/swr-api';
import type { Db } from '../db/database.js';
import type { Services } from '../services.js';
import { rulesOf } from './immutability.js';
import {
  findArtifact,
  findEntRepository,
  findInstance,
  tagsOfArtifact,
  type EntNamespaceRow,
  type InstanceRow,
} from './records.js';
import { deleteArtifact, deleteTag, type ArtifactScope } from './removal.js';

/**
 * Retention policies at work. A run first decides, in one transaction, what goes: one task per
 * repository a rule scopes and one sub-task per tag to delete, all Pending (a dry run stores the
 * same plan as done and deletes nothing). The deletions then go one by one, each re-checked: a
 * tag a push moved since the plan, or an immutability rule added since, is left alone and said so.
 * The plan is stored before anything is deleted, so a restart picks up the sub-tasks still
 * Pending and the history says exactly what happened. A tag goes with its artifact when the plan
 * deletes every tag of it (and its signatures with it), as Harbor frees the space; otherwise only
 * the tag goes.
 */

export const RETENTION_JOB = 'ent-retention';
export const RETENTION_SCHEDULE_JOB = 'ent-retention-schedule';

export interface RetentionPolicyRow {
  id: number;
  namespace_id: number;
  definition: string;
  next_run_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RetentionExecutionRow {
  id: number;
  policy_id: number;
  dry_run: number;
  trigger: 'manual' | 'scheduled';
  operator: string;
  status: 'InProgress' | 'Succeed' | 'Failed' | 'Stopped';
  status_text: string;
  start_time: string;
  end_time: string;
}

interface CandidateRow {
  repository: string;
  tag: string;
  digest: string;
  push_time: string;
  pull_time: string;
  size: number;
}

export const definitionOf = (row: RetentionPolicyRow) =>
  JSON.parse(row.definition) as RetentionPolicyBody;

/** What the policy would do now: every tag of the namespace (signatures aside), kept or deleted. */
export function planOf(
  db: Db,
  namespace: EntNamespaceRow,
  policy: RetentionPolicyBody,
  now: Date,
): EnterpriseRetentionResult {
  const rows = db
    .prepare(
      `SELECT r.name AS repository, t.name AS tag, a.digest, t.push_time, t.pull_time, a.size
       FROM ent_tags t JOIN ent_artifacts a ON a.id = t.artifact_id JOIN ent_repositories r ON r.id = t.repository_id
       WHERE r.namespace_id = ? AND a.type != 'SIGNATURE'`,
    )
    .all(namespace.id) as CandidateRow[];
  const matcher = new ImmutabilityMatcher(rulesOf(db, namespace.id));
  return evaluateEnterpriseRetention(
    policy.rules,
    rows
      .filter((row) => signedDigestOf(row.tag) === undefined)
      .map((row) => ({
        repository: row.repository,
        tag: row.tag,
        digest: row.digest,
        pushed: row.push_time,
        pulled: row.pull_time || undefined,
        size: row.size,
      })),
    {
      now,
      isImmutable: (repository, tag) => matcher.immutableTags(repository, [tag]).length > 0,
    },
  );
}

/** Records a run with its plan and queues the deletions (none for a dry run). */
export function startRetention(
  services: Services,
  policy: RetentionPolicyRow,
  namespace: EntNamespaceRow,
  run: { dryRun: boolean; trigger: 'manual' | 'scheduled'; operator: string },
): number {
  const { db, jobs, clock } = services;
  const now = clock();
  const at = now.toISOString();
  const plan = planOf(db, namespace, definitionOf(policy), now);
  const status = run.dryRun ? 'Succeed' : 'Pending';
  const id = db.transaction(() => {
    const executionId = Number(
      db
        .prepare(
          `INSERT INTO ent_retention_executions (policy_id, dry_run, trigger, operator, status, start_time, end_time)
           VALUES (?, ?, ?, ?, 'InProgress', ?, '')`,
        )
        .run(policy.id, run.dryRun ? 1 : 0, run.trigger, run.operator, at).lastInsertRowid,
    );
    for (const [repository, entries] of groupBy(plan.entries, (entry) => entry.repository)) {
      const deleted = entries.filter((entry) => entry.action === 'delete');
      const taskId = Number(
        db
          .prepare(
            `INSERT INTO ent_retention_tasks (execution_id, repository, status, total, retained, start_time, end_time)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            executionId,
            repository,
            run.dryRun || deleted.length === 0 ? 'Succeed' : 'InProgress',
            entries.length,
            entries.length - deleted.length,
            at,
            run.dryRun || deleted.length === 0 ? at : '',
          ).lastInsertRowid,
      );
      const insert = db.prepare(
        `INSERT INTO ent_retention_subtasks (task_id, namespace, repository, tag, digest, status, status_text, op_time)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const entry of deleted)
        insert.run(
          taskId,
          namespace.name,
          repository,
          entry.tag,
          entry.digest,
          status,
          run.dryRun ? 'Dry run: would be deleted' : '',
          at,
        );
    }
    if (run.dryRun || !plan.entries.some((entry) => entry.action === 'delete'))
      finish(db, executionId, at);
    else jobs.enqueue(RETENTION_JOB, { executionId }, now, false);
    return executionId;
  })();
  jobs.wake();
  return id;
}

function finish(db: Db, executionId: number, at: string): void {
  const failed = db
    .prepare(
      `SELECT COUNT(*) FROM ent_retention_subtasks s JOIN ent_retention_tasks t ON t.id = s.task_id
       WHERE t.execution_id = ? AND s.status = 'Failed'`,
    )
    .pluck()
    .get(executionId) as number;
  db.prepare(
    `UPDATE ent_retention_tasks SET status = CASE WHEN EXISTS (SELECT 1 FROM ent_retention_subtasks s WHERE s.task_id = ent_retention_tasks.id AND s.status = 'Failed') THEN 'Failed' ELSE 'Succeed' END,
       end_time = ?, status_revision = status_revision + 1 WHERE execution_id = ? AND end_time = ''`,
  ).run(at, executionId);
  db.prepare(
    "UPDATE ent_retention_executions SET status = ?, status_text = ?, end_time = ? WHERE id = ? AND status = 'InProgress'",
  ).run(
    failed > 0 ? 'Failed' : 'Succeed',
    failed > 0 ? `${failed} tag${failed === 1 ? '' : 's'} could not be deleted` : '',
    at,
    executionId,
  );
}

const LEFT_ALONE = 'Already gone or moved: left alone';

interface PendingRow {
  id: number;
  task_id: number;
  repository: string;
  tag: string;
  digest: string;
}

/** Carries out a run's pending deletions; resumes where a restart left it. */
export async function runRetentionExecution(
  services: Services,
  executionId: number,
  shutdown?: AbortSignal,
): Promise<void> {
  const { db, clock } = services;
  const scope = executionScope(db, executionId);
  if (!scope) return;
  const { instance, namespace, execution } = scope;
  if (execution.status !== 'InProgress') return;
  const pending = db
    .prepare(
      `SELECT s.id, s.task_id, s.repository, s.tag, s.digest FROM ent_retention_subtasks s
       JOIN ent_retention_tasks t ON t.id = s.task_id
       WHERE t.execution_id = ? AND s.status IN ('Pending', 'InProgress') ORDER BY s.id`,
    )
    .all(executionId) as PendingRow[];
  const mark = db.prepare(
    'UPDATE ent_retention_subtasks SET status = ?, status_text = ?, op_time = ? WHERE id = ?',
  );
  for (const rows of groupBy(pending, (row) => `${row.repository}@${row.digest}`).values()) {
    // swr-local is stopping: what is left is carried out at the next start.
    if (shutdown?.aborted)
      throw new Error('swr-local stopped during the run; it resumes at the next start');
    const first = rows[0]!;
    const repository = findEntRepository(db, namespace.id, first.repository);
    const at = () => clock().toISOString();
    if (!repository) {
      for (const row of rows) mark.run('Succeed', 'Already gone', at(), row.id);
      continue;
    }
    const artifactScope: ArtifactScope = {
      services,
      instance,
      namespace,
      repository,
      username: execution.operator || 'retention',
    };
    const artifact = findArtifact(db, repository.id, first.digest);
    const current = artifact ? tagsOfArtifact(db, artifact.id) : [];
    const still = new Set(current);
    const planned = new Set(rows.map((row) => row.tag));
    for (const row of rows) {
      if (!still.has(row.tag)) mark.run('Succeed', LEFT_ALONE, at(), row.id);
      else mark.run('InProgress', '', at(), row.id);
    }
    const live = rows.filter((row) => still.has(row.tag));
    // The deletions check the plan again in the repository's turn: a push that came first, moving
    // a planned tag or tagging the planned image, is not undone.
    let settled = false;
    if (artifact && live.length > 0 && current.every((tag) => planned.has(tag))) {
      try {
        settled = (await deleteArtifact(artifactScope, artifact, planned)) === 'deleted';
        if (settled) for (const row of live) mark.run('Succeed', '', at(), row.id);
      } catch (error) {
        settled = true;
        for (const row of live) mark.run('Failed', (error as Error).message, at(), row.id);
      }
    }
    if (!settled)
      for (const row of live) {
        try {
          const done = await deleteTag(artifactScope, row.tag, first.digest);
          mark.run('Succeed', done === 'deleted' ? '' : LEFT_ALONE, at(), row.id);
        } catch (error) {
          mark.run('Failed', (error as Error).message, at(), row.id);
        }
      }
  }
  finish(db, executionId, clock().toISOString());
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function executionScope(
  db: Db,
  executionId: number,
):
  | { instance: InstanceRow; namespace: EntNamespaceRow; execution: RetentionExecutionRow }
  | undefined {
  const execution = db
    .prepare('SELECT * FROM ent_retention_executions WHERE id = ?')
    .get(executionId) as RetentionExecutionRow | undefined;
  if (!execution) return undefined;
  const namespace = db
    .prepare(
      'SELECT n.* FROM ent_namespaces n JOIN ent_retention_policies p ON p.namespace_id = n.id WHERE p.id = ?',
    )
    .get(execution.policy_id) as EntNamespaceRow | undefined;
  const instance = namespace && findInstance(db, namespace.instance_id);
  return instance && namespace && { instance, namespace, execution };
}

/** When a scheduled policy runs next (undefined for manual or disabled ones). */
export function nextRunOf(policy: RetentionPolicyBody, after: Date): Date | undefined {
  if (!policy.enabled || policy.trigger.type !== 'scheduled') return undefined;
  const cron = policy.trigger.trigger_settings?.cron;
  return cron ? nextRun(cron, after) : undefined;
}

/**
 * Stores when the policy runs next and queues that run; a queued run whose time no longer matches
 * the policy's (it was changed or deleted meanwhile) does nothing.
 */
export function schedule(services: Services, policy: RetentionPolicyRow, after: Date): void {
  const next = nextRunOf(definitionOf(policy), after);
  const at = next?.toISOString() ?? null;
  services.db
    .prepare('UPDATE ent_retention_policies SET next_run_at = ? WHERE id = ?')
    .run(at, policy.id);
  if (next) services.jobs.enqueue(RETENTION_SCHEDULE_JOB, { policyId: policy.id, at }, next, false);
}

/** A scheduled run's time has come: run it (unless the policy changed) and queue the next one. */
export function runScheduled(services: Services, policyId: number, at: string): void {
  const { db } = services;
  const policy = db.prepare('SELECT * FROM ent_retention_policies WHERE id = ?').get(policyId) as
    RetentionPolicyRow | undefined;
  if (!policy || policy.next_run_at !== at) return;
  const namespace = db
    .prepare('SELECT * FROM ent_namespaces WHERE id = ?')
    .get(policy.namespace_id) as EntNamespaceRow;
  const running = db
    .prepare("SELECT 1 FROM ent_retention_executions WHERE policy_id = ? AND status = 'InProgress'")
    .get(policy.id);
  if (!running)
    startRetention(services, policy, namespace, {
      dryRun: false,
      trigger: 'scheduled',
      operator: 'retention schedule',
    });
  // After a long stop, the times missed meanwhile are one run (this one), not one each.
  const after = new Date(Math.max(Date.parse(at), services.clock().getTime()));
  db.transaction(() => schedule(services, policy, after))();
  services.jobs.wake();
}
