import { selectedTags, type SignPolicyBody } from '@swr-console/swr-api';
import type { Db } from '../db/database.js';
import type { Services } from '../services.js';
import { signArtifact } from './cosign.js';
import { findKey, type KeyRow } from './keys.js';
import {
  findInstance,
  tagsOfArtifact,
  type ArtifactRow,
  type EntNamespaceRow,
  type EntRepositoryRow,
} from './records.js';
import { recordEnterprisePush, type RecordedPush } from './registry.js';
import { signatureTurns, turnOf } from './turns.js';

/**
 * Signing policies at work: an execution signs every artifact a policy selects, one task per
 * repository and one subtask per artifact, in a background job. Event-based policies start an
 * execution for each matching push.
 */

export interface PolicyRow {
  id: number;
  namespace_id: number;
  name: string;
  definition: string;
  creator: string;
  created_at: string;
  updated_at: string;
}

export const SIGN_JOB = 'sign-execution';

export function definitionOf(policy: PolicyRow): SignPolicyBody {
  return JSON.parse(policy.definition) as SignPolicyBody;
}

export interface Selected {
  repository: EntRepositoryRow;
  artifact: ArtifactRow;
  tags: string[];
}

/** The artifacts (not signatures) of a namespace that scope rules select, with the tags that did. */
export function selectArtifacts(
  db: Db,
  namespace: EntNamespaceRow,
  rules: SignPolicyBody['scope_rules'],
): Selected[] {
  const repositories = db
    .prepare('SELECT * FROM ent_repositories WHERE namespace_id = ? ORDER BY name')
    .all(namespace.id) as EntRepositoryRow[];
  const selected: Selected[] = [];
  for (const repository of repositories) {
    const artifacts = db
      .prepare(
        "SELECT * FROM ent_artifacts WHERE repository_id = ? AND type != 'SIGNATURE' ORDER BY push_time, id",
      )
      .all(repository.id) as ArtifactRow[];
    for (const artifact of artifacts) {
      const tags = selectedTags(rules, {
        repository: repository.name,
        tags: tagsOfArtifact(db, artifact.id),
      });
      if (tags) selected.push({ repository, artifact, tags });
    }
  }
  return selected;
}

/** Records an execution with its tasks and subtasks, and queues the signing. */
export function startExecution(
  services: Services,
  policy: PolicyRow,
  namespace: EntNamespaceRow,
  trigger: 'manual' | 'event_based',
  selection: Selected[],
  /** False when the caller runs the execution itself (the demo seed, before start-up ends). */
  queue = true,
): number {
  const { db, clock, jobs } = services;
  const at = clock().toISOString();
  const executionId = db.transaction(() => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO ent_sign_executions (policy_id, trigger, status, status_text, created_at, updated_at)
           VALUES (?, ?, ?, '', ?, ?)`,
        )
        .run(policy.id, trigger, selection.length === 0 ? 'Succeed' : 'InProgress', at, at)
        .lastInsertRowid,
    );
    const tasks = new Map<number, number>();
    for (const item of selection) {
      let taskId = tasks.get(item.repository.id);
      if (taskId === undefined) {
        taskId = Number(
          db
            .prepare(
              'INSERT INTO ent_sign_tasks (execution_id, namespace, repository, created_at) VALUES (?, ?, ?, ?)',
            )
            .run(id, namespace.name, item.repository.name, at).lastInsertRowid,
        );
        tasks.set(item.repository.id, taskId);
      }
      db.prepare(
        `INSERT INTO ent_sign_subtasks (task_id, digest, tags, status, created_at, updated_at)
         VALUES (?, ?, ?, 'Pending', ?, ?)`,
      ).run(taskId, item.artifact.digest, item.tags.join(','), at, at);
    }
    return id;
  })();
  if (queue && selection.length > 0) jobs.enqueue(SIGN_JOB, { executionId });
  return executionId;
}

interface PendingSubtask {
  id: number;
  digest: string;
  namespace: string;
  repository: string;
}

/** The job: signs each pending subtask of an execution and settles the execution's status. */
export async function runSignExecution(services: Services, executionId: number): Promise<void> {
  const { db, clock } = services;
  const context = db
    .prepare(
      `SELECT p.definition, n.instance_id, n.name AS namespace
       FROM ent_sign_executions e JOIN ent_sign_policies p ON p.id = e.policy_id
       JOIN ent_namespaces n ON n.id = p.namespace_id WHERE e.id = ?`,
    )
    .get(executionId) as { definition: string; instance_id: string; namespace: string } | undefined;
  if (!context) return; // the policy (and with it the execution) was deleted
  const definition = JSON.parse(context.definition) as SignPolicyBody;
  const instance = findInstance(db, context.instance_id);
  const runtime = instance && services.instances.get(instance.id);
  const key: KeyRow | undefined =
    instance &&
    findKey(
      db,
      { domainId: instance.domain_id, region: instance.region },
      definition.signature_key,
    );
  const pending = db
    .prepare(
      `SELECT s.id, s.digest, t.namespace, t.repository FROM ent_sign_subtasks s
       JOIN ent_sign_tasks t ON t.id = s.task_id
       WHERE t.execution_id = ? AND s.status IN ('Pending', 'InProgress') ORDER BY s.id`,
    )
    .all(executionId) as PendingSubtask[];
  const settle = db.prepare(
    'UPDATE ent_sign_subtasks SET status = ?, status_text = ?, updated_at = ? WHERE id = ?',
  );
  for (const subtask of pending) {
    const at = () => clock().toISOString();
    if (!instance || !runtime) {
      settle.run('Failed', 'The instance registry is not running.', at(), subtask.id);
      continue;
    }
    if (!key) {
      settle.run(
        'Failed',
        `The key ${definition.signature_key} no longer exists.`,
        at(),
        subtask.id,
      );
      continue;
    }
    settle.run('InProgress', '', at(), subtask.id);
    try {
      const repository = `${subtask.namespace}/${subtask.repository}`;
      const outcome = await signatureTurns.run(
        turnOf(instance.id, repository, subtask.digest),
        async () => {
          // Deleted since it was selected: nothing to sign, and no signature to leave behind.
          if (!(await runtime.registry.getManifest(repository, subtask.digest)))
            throw new Error('The artifact no longer exists.');
          return signArtifact({
            registry: runtime.registry,
            host: runtime.host,
            repository,
            digest: subtask.digest,
            key,
            algorithm: definition.signature_algorithm,
          });
        },
      );
      // Recorded even when it was signed already, so the accessory list always shows it.
      recordEnterprisePush(
        db,
        instance,
        { namespace: subtask.namespace, repository: subtask.repository },
        {
          reference: outcome.tag,
          digest: outcome.digest,
          body: outcome.body,
          contentType: 'application/vnd.oci.image.manifest.v1+json',
        },
        at(),
      );
      settle.run(
        'Succeed',
        outcome.alreadySigned ? 'Already signed with this key.' : 'Signed.',
        at(),
        subtask.id,
      );
    } catch (error) {
      services.log.warn({ err: error, subtask: subtask.id }, 'signing failed');
      settle.run('Failed', (error as Error).message.slice(0, 500), at(), subtask.id);
    }
  }
  const failed = db
    .prepare(
      `SELECT COUNT(*) FROM ent_sign_subtasks s JOIN ent_sign_tasks t ON t.id = s.task_id
       WHERE t.execution_id = ? AND s.status = 'Failed'`,
    )
    .pluck()
    .get(executionId) as number;
  db.prepare(
    'UPDATE ent_sign_executions SET status = ?, status_text = ?, updated_at = ? WHERE id = ?',
  ).run(
    failed > 0 ? 'Failed' : 'Succeed',
    failed > 0 ? `${failed} artifact(s) could not be signed.` : '',
    clock().toISOString(),
    executionId,
  );
}

/** After a push: every enabled on-push policy of the namespace that selects it signs it. */
export function signOnPush(services: Services, push: RecordedPush): void {
  if (push.artifact.type === 'SIGNATURE') return;
  const { db } = services;
  const policies = db
    .prepare('SELECT * FROM ent_sign_policies WHERE namespace_id = ? ORDER BY id')
    .all(push.namespace.id) as PolicyRow[];
  for (const policy of policies) {
    const definition = definitionOf(policy);
    if (!definition.enabled || definition.trigger.type !== 'event_based') continue;
    const tags = selectedTags(definition.scope_rules, {
      repository: push.repository.name,
      tags: push.tag ? [push.tag] : [],
    });
    if (!tags) continue;
    startExecution(services, policy, push.namespace, 'event_based', [
      { repository: push.repository, artifact: push.artifact, tags },
    ]);
  }
}
