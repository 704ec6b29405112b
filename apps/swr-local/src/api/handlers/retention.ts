import { AUTH_LEVELS, SwrErrorCode, type Retention, type RetentionLog } from '@swr-console/swr-api';
import type { Db } from '../../db/database.js';
import { SwrError } from '../../domain/errors.js';
import type { Handlers } from '../handler.js';
import { pageHeaders } from '../paging.js';

interface RetentionRow {
  id: number;
  algorithm: string;
  rules: string;
}

function toRetention(row: RetentionRow): Retention {
  return {
    id: row.id,
    algorithm: row.algorithm,
    rules: JSON.parse(row.rules) as Retention['rules'],
    scope: '',
  };
}

function findRule(
  db: Db,
  repositoryId: number,
  id: number,
  missingStatus: 400 | 404,
): RetentionRow {
  const row = db
    .prepare('SELECT * FROM retentions WHERE repository_id = ? AND id = ?')
    .get(repositoryId, id) as RetentionRow | undefined;
  if (!row) {
    throw missingStatus === 400
      ? new SwrError(400, SwrErrorCode.retentionNotFound, `Retention rule ${id} does not exist`)
      : new SwrError(404, SwrErrorCode.resourceNotFound, `Retention rule ${id} does not exist`);
  }
  return row;
}

export const retentionHandlers: Pick<
  Handlers,
  | 'CreateRetention'
  | 'ListRetentions'
  | 'ListRetentionHistories'
  | 'ShowRetention'
  | 'UpdateRetention'
  | 'DeleteRetention'
> = {
  CreateRetention({ services: { db, jobs }, body, now, repository }) {
    const repo = repository(AUTH_LEVELS.manage);
    const at = now.toISOString();
    const result = db
      .prepare(
        'INSERT INTO retentions (repository_id, algorithm, rules, created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      )
      .run(repo.id, body.algorithm, JSON.stringify(body.rules), at, at);
    if (result.changes === 0) {
      throw new SwrError(
        409,
        SwrErrorCode.repositoryExists,
        'The repository already has a retention rule; change it or delete it first (one rule per repository)',
      );
    }
    // SWR applies a rule as soon as it is saved.
    jobs.enqueue('retention-run', { repositoryId: repo.id });
    return { body: { id: Number(result.lastInsertRowid) } };
  },

  ListRetentions({ services: { db }, repository }) {
    const repo = repository(AUTH_LEVELS.read);
    const rows = db
      .prepare('SELECT * FROM retentions WHERE repository_id = ?')
      .all(repo.id) as RetentionRow[];
    return { body: rows.map(toRetention) };
  },

  ShowRetention({ services: { db }, params, repository }) {
    const repo = repository(AUTH_LEVELS.read);
    return { body: toRetention(findRule(db, repo.id, params.retention_id, 404)) };
  },

  UpdateRetention({ services: { db, jobs }, params, body, now, repository }) {
    const repo = repository(AUTH_LEVELS.manage);
    const row = findRule(db, repo.id, params.retention_id, 404);
    const before = (JSON.parse(row.rules) as { template: string }[])[0]?.template;
    if (before !== body.rules[0]!.template) {
      throw new SwrError(
        400,
        SwrErrorCode.invalidParameter,
        `The rule's template (${before}) cannot change; delete the rule and create another`,
      );
    }
    db.prepare('UPDATE retentions SET algorithm = ?, rules = ?, updated_at = ? WHERE id = ?').run(
      body.algorithm,
      JSON.stringify(body.rules),
      now.toISOString(),
      row.id,
    );
    jobs.enqueue('retention-run', { repositoryId: repo.id });
  },

  DeleteRetention({ services: { db }, params, repository }) {
    const repo = repository(AUTH_LEVELS.manage);
    const row = findRule(db, repo.id, params.retention_id, 400);
    db.prepare('DELETE FROM retentions WHERE id = ?').run(row.id);
  },

  ListRetentionHistories({ services: { db }, query, repository }) {
    const repo = repository(AUTH_LEVELS.read);
    const limit = Math.min(query.limit ?? 100, 1000);
    const offset = query.offset ?? 0;
    const total = db
      .prepare('SELECT COUNT(*) FROM retention_logs WHERE repository_id = ?')
      .pluck()
      .get(repo.id) as number;
    const logs = db
      .prepare(
        `SELECT id, retention_id, namespace, repo, tag, rule_type, created_at FROM retention_logs
         WHERE repository_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
      )
      .all(repo.id, limit, offset) as RetentionLog[];
    return {
      body: { retention_log: logs, total },
      headers: pageHeaders(query, logs.length, total),
    };
  },
};
