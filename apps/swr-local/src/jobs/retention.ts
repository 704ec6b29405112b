import { planRetention, retentionRule, type PlanTag } from '@swr-console/swr-api';
import type { Services } from '../services.js';
import { repositoryById } from '../domain/records.js';

interface RetentionRow {
  id: number;
  rules: string;
}

/**
 * Runs a repository's retention rule: the same plan the console shows, executed tag by tag through
 * the registry, each deleted tag written to the history.
 */
export async function runRetention(services: Services, repositoryId: number): Promise<string[]> {
  const { db, images, clock } = services;
  const repository = repositoryById(db, repositoryId);
  const retention = db
    .prepare('SELECT id, rules FROM retentions WHERE repository_id = ?')
    .get(repositoryId) as RetentionRow | undefined;
  if (!repository || !retention) return [];
  const rule = retentionRule.parse((JSON.parse(retention.rules) as unknown[])[0]);
  const tags = db
    .prepare(
      `SELECT t.name, t.updated_at AS updated, t.digest, m.size FROM tags t
       JOIN manifests m ON m.repository_id = t.repository_id AND m.digest = t.digest WHERE t.repository_id = ?`,
    )
    .all(repositoryId) as PlanTag[];
  const plan = planRetention(tags, rule, clock());
  const log = db.prepare(
    'INSERT INTO retention_logs (retention_id, repository_id, namespace, repo, tag, rule_type, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const deleted: string[] = [];
  for (const tag of plan.deleted) {
    try {
      await images.deleteTag(repository, tag);
    } catch (error) {
      // Deleted by someone else meanwhile: not this rule's doing, so not in its history.
      if ((error as { status?: number }).status === 404) continue;
      throw error;
    }
    log.run(
      retention.id,
      repositoryId,
      repository.namespace,
      repository.name,
      tag,
      JSON.stringify(rule),
      clock().toISOString(),
    );
    deleted.push(tag);
  }
  return deleted;
}
