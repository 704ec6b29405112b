import { triggerMatches } from '@swr-console/swr-api';
import type { Services } from '../services.js';
import type { RepositoryRecord } from '../domain/records.js';
import type { PushHooks } from '../registry/events.js';
import { registryHostOf } from '../services.js';

interface TaskRow {
  remote_region: string;
  remote_namespace: string;
  override: number;
  creator_id: string;
  creator_name: string;
}

/**
 * After a tag is pushed: one sync job per automatic sync task of the repository, a retention run
 * when it has a rule, and a history entry for each trigger the tag fires.
 */
export function pushHooks(services: Services): PushHooks {
  return {
    tagPushed(repository: RepositoryRecord, tag: string) {
      const { db, jobs, clock } = services;
      const at = clock().toISOString();
      const tasks = db
        .prepare(
          'SELECT remote_region, remote_namespace, override, creator_id, creator_name FROM sync_tasks WHERE repository_id = ? AND sync_auto = 1',
        )
        .all(repository.id) as TaskRow[];
      const queue = db.prepare(
        `INSERT INTO sync_jobs (repository_id, tag, remote_region, remote_namespace, override, status, operator_id, operator_name, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?, ?, ?)`,
      );
      for (const task of tasks) {
        queue.run(
          repository.id,
          tag,
          task.remote_region,
          task.remote_namespace,
          task.override,
          task.creator_id,
          task.creator_name,
          at,
          at,
        );
      }

      const hasRule =
        db.prepare('SELECT 1 FROM retentions WHERE repository_id = ?').get(repository.id) !==
        undefined;
      if (hasRule && !jobs.isWaiting('retention-run', { repositoryId: repository.id })) {
        jobs.enqueue('retention-run', { repositoryId: repository.id });
      }

      const triggers = db
        .prepare("SELECT id, definition FROM triggers WHERE repository_id = ? AND enable = 'true'")
        .all(repository.id) as { id: number; definition: string }[];
      const image = `${registryHostOf(services, repository.region)}/${repository.namespace}/${repository.name}:${tag}`;
      for (const trigger of triggers) {
        const definition = JSON.parse(trigger.definition) as {
          trigger_type: string;
          condition: string;
          application: string;
          app_type: string;
        };
        if (!triggerMatches(definition.trigger_type, definition.condition, tag)) continue;
        db.prepare(
          'INSERT INTO trigger_history (trigger_id, tag, result, detail, created_at) VALUES (?, ?, ?, ?, ?)',
        ).run(
          trigger.id,
          tag,
          'success',
          `The sandbox has no CCE: ${definition.app_type}/${definition.application} would now run ${image}`,
          at,
        );
      }
      jobs.wake();
    },
  };
}
