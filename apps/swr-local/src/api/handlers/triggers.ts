import {
  AUTH_LEVELS,
  SwrErrorCode,
  type CreateTriggerBody,
  type Trigger,
} from '@swr-console/swr-api';
import type { Db } from '../../db/database.js';
import { invalidParameter, SwrError } from '../../domain/errors.js';
import type { Handlers } from '../handler.js';

interface TriggerRow {
  id: number;
  name: string;
  definition: string;
  enable: string;
  creator_name: string;
  created_at: string;
}

function toTrigger(db: Db, row: TriggerRow): Trigger {
  const definition = JSON.parse(row.definition) as CreateTriggerBody;
  const base = {
    action: definition.action,
    app_type: definition.app_type,
    application: definition.application,
    cluster_id: definition.cluster_id ?? '',
    cluster_name: definition.cluster_name ?? '',
    cluster_ns: definition.cluster_ns,
    condition: definition.condition,
    container: definition.container ?? '',
  };
  const history = db
    .prepare(
      'SELECT tag, result, detail, created_at FROM trigger_history WHERE trigger_id = ? ORDER BY id DESC LIMIT 100',
    )
    .all(row.id) as { tag: string; result: string; detail: string; created_at: string }[];
  return {
    ...base,
    name: row.name,
    enable: row.enable,
    trigger_mode: definition.trigger_mode ?? 'cce',
    trigger_type: definition.trigger_type,
    created_at: row.created_at,
    creator_name: row.creator_name,
    trigger_history: history.map((h) => ({ ...base, ...h, creator_name: row.creator_name })),
  };
}

function findTrigger(db: Db, repositoryId: number, name: string): TriggerRow {
  const row = db
    .prepare('SELECT * FROM triggers WHERE repository_id = ? AND name = ?')
    .get(repositoryId, name) as TriggerRow | undefined;
  if (!row)
    throw new SwrError(404, SwrErrorCode.resourceNotFound, `Trigger "${name}" does not exist`);
  return row;
}

export const triggerHandlers: Pick<
  Handlers,
  'CreateTrigger' | 'ListTriggersDetails' | 'ShowTrigger' | 'UpdateTrigger' | 'DeleteTrigger'
> = {
  CreateTrigger({ services: { db }, principal: { user }, body, now, repository }) {
    const repo = repository(AUTH_LEVELS.manage);
    const result = db
      .prepare(
        `INSERT INTO triggers (repository_id, name, definition, enable, creator_name, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      )
      .run(repo.id, body.name, JSON.stringify(body), body.enable, user.name, now.toISOString());
    if (result.changes === 0)
      throw invalidParameter(`A trigger named "${body.name}" already exists in this repository`);
  },

  ListTriggersDetails({ services: { db }, repository }) {
    const repo = repository(AUTH_LEVELS.read);
    const rows = db
      .prepare('SELECT * FROM triggers WHERE repository_id = ? ORDER BY created_at, id')
      .all(repo.id) as TriggerRow[];
    return { body: rows.map((row) => toTrigger(db, row)) };
  },

  ShowTrigger({ services: { db }, params, repository }) {
    const repo = repository(AUTH_LEVELS.read);
    return { body: toTrigger(db, findTrigger(db, repo.id, params.trigger)) };
  },

  UpdateTrigger({ services: { db }, params, body, repository }) {
    const repo = repository(AUTH_LEVELS.manage);
    const row = findTrigger(db, repo.id, params.trigger);
    db.prepare('UPDATE triggers SET enable = ? WHERE id = ?').run(body.enable, row.id);
  },

  DeleteTrigger({ services: { db }, params, repository }) {
    const repo = repository(AUTH_LEVELS.manage);
    const row = findTrigger(db, repo.id, params.trigger);
    db.prepare('DELETE FROM triggers WHERE id = ?').run(row.id);
  },
};
