import { AUTH_LEVELS, type RepositorySummary } from '@swr-console/swr-api';
import type { Db } from '../../db/database.js';
import type { User } from '../../identity/identity.js';
import { PULL } from '../../domain/authz.js';
import { repositorySize, tagCount } from '../../domain/images.js';
import { createRepository } from '../../domain/repositories.js';
import {
  REPOSITORY_COLUMNS,
  REPOSITORY_JOIN,
  type RepositoryRecord,
} from '../../domain/records.js';
import { registryHostOf, type Services } from '../../services.js';
import type { Handlers } from '../handler.js';
import { pageHeaders } from '../paging.js';

/** How many tag names a repository list item carries, newest first (SWR lists them all). */
const LISTED_TAGS = 100;

function summarize(
  db: Db,
  services: Services,
  repo: RepositoryRecord,
  status = false,
): RepositorySummary {
  const path = `${registryHostOf(services, repo.region)}/${repo.namespace}/${repo.name}`;
  const tags = db
    .prepare('SELECT name FROM tags WHERE repository_id = ? ORDER BY updated_at DESC, name LIMIT ?')
    .pluck()
    .all(repo.id, LISTED_TAGS) as string[];
  return {
    name: repo.name,
    category: repo.category,
    description: repo.description,
    size: repositorySize(db, repo.id),
    is_public: repo.is_public === 1,
    num_images: tagCount(db, repo.id),
    num_download: repo.num_download,
    created_at: repo.created_at,
    updated_at: repo.updated_at,
    logo: '',
    url: '',
    path,
    internal_path: path,
    domain_name: repo.domain_name,
    namespace: repo.namespace,
    tags,
    status,
    total_range: 0,
  };
}

const ORDER_COLUMNS: Record<string, string> = {
  updated_time: 'r.updated_at',
  updated_at: 'r.updated_at',
  name: 'r.name',
  namespace: 'n.name',
  is_public: 'r.is_public',
  tag_count: '(SELECT COUNT(*) FROM tags t WHERE t.repository_id = r.id)',
  domain_name: 'd.name',
};

export interface RepositoryQuery {
  where: string[];
  args: unknown[];
  namespace?: string | undefined;
  name?: string | undefined;
  category?: string | undefined;
  is_public?: 'true' | 'false' | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  order_column?: string | undefined;
  order_type?: 'asc' | 'desc' | undefined;
}

/** One page of repositories with the total, sorted and filtered as the list calls ask. */
export function pageRepositories(
  db: Db,
  services: Services,
  q: RepositoryQuery,
  status?: (r: RepositoryRecord) => boolean,
) {
  const where = [...q.where];
  const args = [...q.args];
  const filters: [string, unknown][] = [];
  if (q.namespace) filters.push(['n.name = ?', q.namespace]);
  if (q.name) filters.push(['instr(r.name, ?) > 0', q.name.replaceAll('$', '/')]);
  if (q.category) filters.push(['r.category = ?', q.category]);
  if (q.is_public) filters.push(['r.is_public = ?', q.is_public === 'true' ? 1 : 0]);
  for (const [clause, value] of filters) {
    where.push(clause);
    args.push(value);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db
    .prepare(`SELECT COUNT(*) FROM ${REPOSITORY_JOIN} ${filter}`)
    .pluck()
    .get(...args) as number;
  const column = ORDER_COLUMNS[q.order_column ?? 'updated_time'] ?? 'r.updated_at';
  const direction = (q.order_type ?? 'desc') === 'asc' ? 'ASC' : 'DESC';
  const limit = Math.min(q.limit ?? 100, 1000);
  const offset = q.offset ?? 0;
  const rows = db
    .prepare(
      `SELECT ${REPOSITORY_COLUMNS} FROM ${REPOSITORY_JOIN} ${filter} ORDER BY ${column} ${direction}, r.id ${direction} LIMIT ? OFFSET ?`,
    )
    .all(...args, limit, offset) as RepositoryRecord[];
  const items = rows.map((row) => ({
    ...summarize(db, services, row, status?.(row) ?? false),
    total_range: total,
  }));
  return { body: items, headers: pageHeaders(q, items.length, total) };
}

/** Repositories of the user's account in a region that the user may see. */
export function visibleTo(user: User, region: string): { where: string[]; args: unknown[] } {
  const where = ['n.domain_id = ?', 'n.region = ?'];
  const args: unknown[] = [user.domainId, region];
  if (!user.isAdmin) {
    where.push(`(EXISTS (SELECT 1 FROM namespace_grants g WHERE g.namespace_id = n.id AND g.user_id = ?)
      OR EXISTS (SELECT 1 FROM repository_grants g WHERE g.repository_id = r.id AND g.user_id = ?))`);
    args.push(user.id, user.id);
  }
  return { where, args };
}

export const repositoryHandlers: Pick<
  Handlers,
  'CreateRepo' | 'ShowRepository' | 'UpdateRepo' | 'DeleteRepo' | 'ListReposDetails'
> = {
  CreateRepo({ services: { db }, principal: { user }, body, now, namespace }) {
    const ns = namespace(AUTH_LEVELS.edit);
    createRepository(
      db,
      user,
      ns,
      {
        name: body.repository,
        category: body.category,
        description: body.description,
        isPublic: body.is_public,
      },
      now,
    );
  },

  ShowRepository({ services, region, repository }) {
    const { db } = services;
    const repo = repository(PULL);
    const path = `${registryHostOf(services, region)}/${repo.namespace}/${repo.name}`;
    return {
      body: {
        id: repo.id,
        ns_id: repo.namespace_id,
        name: repo.name,
        category: repo.category,
        description: repo.description,
        creator_id: repo.creator_id,
        creator_name: repo.creator_name,
        size: repositorySize(db, repo.id),
        is_public: repo.is_public === 1,
        num_images: tagCount(db, repo.id),
        num_download: repo.num_download,
        url: '',
        path,
        internal_path: path,
        created: repo.created_at,
        updated: repo.updated_at,
        domain_id: repo.domain_id,
        priority: 0,
      },
    };
  },

  UpdateRepo({ services: { db }, body, now, repository }) {
    const repo = repository(AUTH_LEVELS.edit);
    db.prepare(
      'UPDATE repositories SET is_public = ?, category = COALESCE(?, category), description = COALESCE(?, description), updated_at = ? WHERE id = ?',
    ).run(
      body.is_public ? 1 : 0,
      body.category ?? null,
      body.description ?? null,
      now.toISOString(),
      repo.id,
    );
  },

  async DeleteRepo({ services: { images }, repository }) {
    const repo = repository(AUTH_LEVELS.manage);
    await images.deleteRepository(repo);
  },

  ListReposDetails({ services, principal: { user }, region, query }) {
    return pageRepositories(services.db, services, { ...visibleTo(user, region), ...query });
  },
};
