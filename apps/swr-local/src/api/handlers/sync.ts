import {
  AUTH_LEVELS,
  formatContentRange,
  parseFilter,
  SwrErrorCode,
  type AutoSyncTask,
  type SyncJob,
} from '@swr-console/swr-api';
import type { Services } from '../../services.js';
import type { User } from '../../identity/identity.js';
import { requireAdmin } from '../../domain/authz.js';
import { findTag } from '../../domain/images.js';
import { findNamespace, type RepositoryRecord } from '../../domain/records.js';
import { invalidParameter, namespaceNotFound, SwrError } from '../../domain/errors.js';
import type { Handlers } from '../handler.js';

interface TaskRow {
  id: number;
  remote_region: string;
  remote_namespace: string;
  sync_auto: number;
  override: number;
  created_at: string;
  updated_at: string;
}

interface JobRow {
  id: number;
  tag: string;
  remote_region: string;
  remote_namespace: string;
  override: number;
  status: SyncJob['status'];
  operator_id: string;
  operator_name: string;
  created_at: string;
  updated_at: string;
}

/** Sync goes to an organization of the same account in another configured region. */
function checkTarget(
  services: Services,
  user: User,
  region: string,
  remoteRegion: string,
  remoteNamespace: string,
): void {
  if (remoteRegion === region)
    throw invalidParameter('The target region must differ from the repository’s region');
  if (!services.regions.some((r) => r.id === remoteRegion)) {
    throw invalidParameter(`Region "${remoteRegion}" does not support image sync here`);
  }
  const target = findNamespace(services.db, remoteRegion, remoteNamespace);
  if (!target || target.domain_id !== user.domainId)
    throw namespaceNotFound(`${remoteNamespace}" in "${remoteRegion}`);
}

function toTask(repo: RepositoryRecord, row: TaskRow): AutoSyncTask {
  return {
    id: row.id,
    domainID: repo.domain_id,
    domainName: repo.domain_name,
    namespace: repo.namespace,
    repoName: repo.name,
    remoteRegionId: row.remote_region,
    remoteNamespace: row.remote_namespace,
    syncAuto: row.sync_auto === 1,
    override: row.override === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const syncHandlers: Pick<
  Handlers,
  | 'CreateImageSyncRepo'
  | 'ListImageAutoSyncReposDetails'
  | 'DeleteImageSyncRepo'
  | 'CreateManualImageSyncRepo'
  | 'ShowSyncJob'
> = {
  CreateImageSyncRepo({ services, principal: { user }, region, body, now, repository }) {
    const { db } = services;
    const repo = repository(AUTH_LEVELS.read);
    requireAdmin(user, 'set up image sync');
    checkTarget(services, user, region, body.remoteRegionId, body.remoteNamespace);
    const at = now.toISOString();
    const result = db
      .prepare(
        `INSERT INTO sync_tasks (repository_id, remote_region, remote_namespace, sync_auto, override, creator_id, creator_name, created_at, updated_at)
         VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(
        repo.id,
        body.remoteRegionId,
        body.remoteNamespace,
        body.override ? 1 : 0,
        user.id,
        user.name,
        at,
        at,
      );
    if (result.changes === 0) {
      throw new SwrError(
        409,
        SwrErrorCode.repositoryExists,
        `An automatic sync to ${body.remoteNamespace} in ${body.remoteRegionId} already exists`,
      );
    }
  },

  ListImageAutoSyncReposDetails({ services: { db }, repository }) {
    const repo = repository(AUTH_LEVELS.read);
    const rows = db
      .prepare('SELECT * FROM sync_tasks WHERE repository_id = ? ORDER BY id')
      .all(repo.id) as TaskRow[];
    return { body: rows.map((row) => toTask(repo, row)) };
  },

  DeleteImageSyncRepo({ services: { db }, principal: { user }, body, repository }) {
    const repo = repository(AUTH_LEVELS.read);
    requireAdmin(user, 'change image sync');
    const removed = db
      .prepare(
        'DELETE FROM sync_tasks WHERE repository_id = ? AND remote_region = ? AND remote_namespace = ?',
      )
      .run(repo.id, body.remoteRegionId, body.remoteNamespace);
    if (removed.changes === 0) {
      throw new SwrError(
        400,
        SwrErrorCode.syncTaskNotFound,
        `No automatic sync to ${body.remoteNamespace} in ${body.remoteRegionId} exists`,
      );
    }
  },

  CreateManualImageSyncRepo({ services, principal: { user }, region, body, now, repository }) {
    const { db, jobs } = services;
    const repo = repository(AUTH_LEVELS.read);
    requireAdmin(user, 'sync images');
    checkTarget(services, user, region, body.remoteRegionId, body.remoteNamespace);
    const failed: string[] = [];
    const at = now.toISOString();
    const queue = db.prepare(
      `INSERT INTO sync_jobs (repository_id, tag, remote_region, remote_namespace, override, status, operator_id, operator_name, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (const tag of body.imageTag) {
        if (!findTag(db, repo.id, tag)) {
          failed.push(tag);
          continue;
        }
        queue.run(
          repo.id,
          tag,
          body.remoteRegionId,
          body.remoteNamespace,
          body.override ? 1 : 0,
          user.id,
          user.name,
          at,
          at,
        );
      }
    })();
    jobs.wake();
    return { body: failed };
  },

  ShowSyncJob({ services: { db }, query, repository }) {
    const repo = repository(AUTH_LEVELS.read);
    const filter = parseFilter(query.filter);
    const limit = Math.min(Number(filter.limit), 1000);
    const offset = Number(filter.offset);
    const order = filter.order === 'asc' ? 'ASC' : 'DESC';
    const total = db
      .prepare('SELECT COUNT(*) FROM sync_jobs WHERE repository_id = ?')
      .pluck()
      .get(repo.id) as number;
    const rows = db
      .prepare(
        `SELECT * FROM sync_jobs WHERE repository_id = ? ORDER BY created_at ${order}, id ${order} LIMIT ? OFFSET ?`,
      )
      .all(repo.id, limit, offset) as JobRow[];
    const body: SyncJob[] = rows.map((row) => ({
      id: row.id,
      domainID: repo.domain_id,
      domainName: repo.domain_name,
      namespace: repo.namespace,
      repoName: repo.name,
      tag: row.tag,
      remoteRegionId: row.remote_region,
      remoteNamespace: row.remote_namespace,
      override: row.override === 1,
      status: row.status,
      syncOperatorId: row.operator_id,
      syncOperatorName: row.operator_name,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
    return {
      body,
      headers: { 'Content-Range': formatContentRange({ offset, count: body.length, total }) },
    };
  },
};
