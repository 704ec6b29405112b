import { AUTH_LEVELS, SwrErrorCode, type Share } from '@swr-console/swr-api';
import type { Db } from '../../db/database.js';
import { shareIsValid, type RepositoryRecord } from '../../domain/records.js';
import { invalidParameter, SwrError } from '../../domain/errors.js';
import type { Handlers } from '../handler.js';
import { pageRepositories, visibleTo } from './repositories.js';

interface ShareRow {
  domain_name: string;
  permit: string;
  deadline: string;
  description: string;
  creator_id: string;
  creator_name: string;
  created_at: string;
  updated_at: string;
}

function toShare(repo: RepositoryRecord, row: ShareRow, now: Date): Share {
  return {
    namespace: repo.namespace,
    repository: repo.name,
    access_domain: row.domain_name,
    permit: row.permit,
    deadline: row.deadline,
    description: row.description,
    creator_id: row.creator_id,
    creator_name: row.creator_name,
    created: row.created_at,
    updated: row.updated_at,
    status: shareIsValid(row.deadline, now),
  };
}

function findShare(db: Db, repositoryId: number, domainName: string): ShareRow | undefined {
  return db
    .prepare('SELECT * FROM shares WHERE repository_id = ? AND domain_name = ?')
    .get(repositoryId, domainName) as ShareRow | undefined;
}

const shareNotFound = (domain: string) =>
  new SwrError(
    400,
    SwrErrorCode.shareNotFound,
    `The repository is not shared with account "${domain}"`,
  );

export const sharingHandlers: Pick<
  Handlers,
  | 'CreateRepoDomains'
  | 'ListRepoDomains'
  | 'ShowAccessDomain'
  | 'UpdateRepoDomains'
  | 'DeleteRepoDomains'
  | 'ListSharedReposDetails'
> = {
  CreateRepoDomains({ services: { db, identity }, principal: { user }, body, now, repository }) {
    const repo = repository(AUTH_LEVELS.manage);
    if (repo.is_public === 1)
      throw invalidParameter('Only private repositories can be shared; this one is public');
    const domain = identity.domainByName(body.access_domain);
    if (!domain) throw invalidParameter(`Account "${body.access_domain}" does not exist`);
    if (domain.id === user.domainId)
      throw invalidParameter('A repository cannot be shared with its own account');
    if (findShare(db, repo.id, domain.name)) {
      throw new SwrError(
        409,
        SwrErrorCode.repositoryExists,
        `The repository is already shared with account "${domain.name}"`,
      );
    }
    const at = now.toISOString();
    db.prepare(
      `INSERT INTO shares (repository_id, domain_id, domain_name, permit, deadline, description, creator_id, creator_name, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      repo.id,
      domain.id,
      domain.name,
      body.permit,
      body.deadline,
      body.description ?? '',
      user.id,
      user.name,
      at,
      at,
    );
  },

  ListRepoDomains({ services: { db }, now, repository }) {
    const repo = repository(AUTH_LEVELS.read);
    const rows = db
      .prepare('SELECT * FROM shares WHERE repository_id = ? ORDER BY domain_name')
      .all(repo.id) as ShareRow[];
    return { body: rows.map((row) => toShare(repo, row, now)) };
  },

  ShowAccessDomain({ services: { db }, params, now, repository }) {
    const repo = repository(AUTH_LEVELS.read);
    const row = findShare(db, repo.id, params.access_domain);
    return { body: row ? { exist: true, ...toShare(repo, row, now) } : { exist: false } };
  },

  UpdateRepoDomains({ services: { db }, params, body, now, repository }) {
    const repo = repository(AUTH_LEVELS.manage);
    if (!findShare(db, repo.id, params.access_domain)) throw shareNotFound(params.access_domain);
    db.prepare(
      'UPDATE shares SET permit = ?, deadline = ?, description = ?, updated_at = ? WHERE repository_id = ? AND domain_name = ?',
    ).run(
      body.permit,
      body.deadline,
      body.description ?? '',
      now.toISOString(),
      repo.id,
      params.access_domain,
    );
  },

  DeleteRepoDomains({ services: { db }, params, repository }) {
    const repo = repository(AUTH_LEVELS.manage);
    const removed = db
      .prepare('DELETE FROM shares WHERE repository_id = ? AND domain_name = ?')
      .run(repo.id, params.access_domain);
    if (removed.changes === 0) throw shareNotFound(params.access_domain);
  },

  ListSharedReposDetails({ services, principal: { user }, region, query, now }) {
    const { db } = services;
    const { center, domain_name, status, ...rest } = query;
    const where = ['n.region = ?'];
    const args: unknown[] = [region];
    if (center === 'self') {
      // What the account shares, of the repositories this user may see.
      const visible = visibleTo(user, region);
      where.push(...visible.where, 'EXISTS (SELECT 1 FROM shares s WHERE s.repository_id = r.id)');
      args.push(...visible.args);
    } else {
      // Valid through the deadline's day: it ends at the following midnight, UTC.
      const valid =
        "(s.deadline = 'forever' OR datetime(date(s.deadline), '+1 day') > datetime(?))";
      const wanted =
        status === undefined ? '' : status === 'true' ? `AND ${valid}` : `AND NOT ${valid}`;
      where.push(
        `EXISTS (SELECT 1 FROM shares s WHERE s.repository_id = r.id AND s.domain_id = ? ${wanted})`,
      );
      args.push(user.domainId, ...(status === undefined ? [] : [now.toISOString()]));
      if (domain_name) {
        where.push('d.name = ?');
        args.push(domain_name);
      }
    }
    const validFor = (repo: RepositoryRecord) => {
      const deadline = db
        .prepare('SELECT deadline FROM shares WHERE repository_id = ? AND domain_id = ?')
        .pluck()
        .get(repo.id, user.domainId) as string | undefined;
      return deadline !== undefined && shareIsValid(deadline, now);
    };
    return pageRepositories(
      db,
      services,
      { where, args, ...rest },
      center === 'thirdparty' ? validFor : undefined,
    );
  },
};
