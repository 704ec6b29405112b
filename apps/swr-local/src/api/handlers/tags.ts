import { AUTH_LEVELS, type TagListItem } from '@swr-console/swr-api';
import { PULL } from '../../domain/authz.js';
import { findTag, TAG_COLUMNS, TAG_JOIN, type TagRecord } from '../../domain/images.js';
import { INDEX_TYPES } from '../../domain/manifests.js';
import type { RepositoryRecord } from '../../domain/records.js';
import { registryHostOf, type Services } from '../../services.js';
import { invalidParameter, tagNotFound } from '../../domain/errors.js';
import type { Handlers } from '../handler.js';
import { pageHeaders } from '../paging.js';

const COSIGN_SUFFIX = '.sig';

function tagType(record: Pick<TagRecord, 'media_type' | 'name'>): 0 | 1 | 2 {
  if (/^sha256-[a-f0-9]{64}\.sig$/.test(record.name)) return 2;
  return INDEX_TYPES.has(record.media_type) ? 1 : 0;
}

function toListItem(services: Services, repo: RepositoryRecord, t: TagRecord): TagListItem {
  const path = `${registryHostOf(services, repo.region)}/${repo.namespace}/${repo.name}:${t.name}`;
  return {
    id: t.id,
    repo_id: repo.id,
    Tag: t.name,
    image_id: t.config_digest.replace(/^sha256:/, ''),
    manifest: t.body,
    digest: t.digest,
    schema: 2,
    path,
    internal_path: path,
    size: t.size,
    is_trusted: false,
    created: t.created_at,
    updated: t.updated_at,
    deleted: null,
    domain_id: repo.domain_id,
    scanned: false,
    tag_type: tagType(t),
  };
}

export const tagHandlers: Pick<
  Handlers,
  | 'ListRepositoryTags'
  | 'CreateRepoTag'
  | 'ShowRepoTag'
  | 'DeleteRepoTag'
  | 'ListRepoAccessories'
  | 'ListReferences'
> = {
  ListRepositoryTags({ services, query, repository }) {
    const { db } = services;
    const repo = repository(PULL);
    const where = ['t.repository_id = ?'];
    const args: unknown[] = [repo.id];
    if (query.tag) {
      where.push('instr(t.name, ?) > 0');
      args.push(query.tag);
    }
    const total = db
      .prepare(`SELECT COUNT(*) FROM tags t WHERE ${where.join(' AND ')}`)
      .pluck()
      .get(...args) as number;
    const direction = (query.order_type ?? 'desc') === 'asc' ? 'ASC' : 'DESC';
    const order =
      query.order_column === 'tag'
        ? `t.name ${direction}`
        : `t.updated_at ${direction}, t.name ${direction}`;
    const limit = Math.min(query.limit ?? 100, 1000);
    const offset = query.offset ?? 0;
    const rows = db
      .prepare(
        `SELECT ${TAG_COLUMNS} FROM ${TAG_JOIN} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ? OFFSET ?`,
      )
      .all(...args, limit, offset) as TagRecord[];
    const body = rows.map((row) => toListItem(services, repo, row));
    return { body, headers: pageHeaders(query, body.length, total) };
  },

  ShowRepoTag({ services, params, repository }) {
    const repo = repository(PULL);
    const record = findTag(services.db, repo.id, params.tag);
    if (!record) throw tagNotFound(params.tag);
    const {
      Tag,
      deleted: _deleted,
      scanned: _scanned,
      ...rest
    } = toListItem(services, repo, record);
    return { body: { ...rest, tag: Tag } };
  },

  async CreateRepoTag({ services: { images }, body, repository }) {
    const repo = repository(AUTH_LEVELS.edit);
    if (body.source_tag === body.destination_tag)
      throw invalidParameter('The source and destination tags are the same');
    await images.retag(repo, body.source_tag, body.destination_tag, body.override ?? false);
  },

  async DeleteRepoTag({ services: { images }, params, repository }) {
    const repo = repository(AUTH_LEVELS.manage);
    await images.deleteTag(repo, params.tag);
  },

  ListRepoAccessories({ services: { db }, params, query, repository }) {
    const repo = repository(PULL);
    const record = findTag(db, repo.id, params.tag);
    if (!record) throw tagNotFound(params.tag);
    const sigTag = `${record.digest.replace(':', '-')}${COSIGN_SUFFIX}`;
    const signatures = db
      .prepare(`SELECT ${TAG_COLUMNS} FROM ${TAG_JOIN} WHERE t.repository_id = ? AND t.name = ?`)
      .all(repo.id, sigTag) as TagRecord[];
    const limit = Math.min(query.limit ?? 10, 100);
    const offset = query.offset ?? 0;
    return {
      body: {
        total: signatures.length,
        accessories: signatures.slice(offset, offset + limit).map((s) => ({
          id: s.id,
          domain_id: repo.domain_id,
          namespace_name: repo.namespace,
          repo_name: repo.name,
          sig_tag: s.name,
          sig_digest: s.digest,
          target_digest: record.digest,
          size: s.size,
          type: 'signature.cosign',
          created_at: s.created_at,
          updated_at: s.updated_at,
        })),
      },
    };
  },

  ListReferences({ services: { db }, params, query, repository }) {
    const repo = repository(PULL);
    const signed = /^(sha256)-([a-f0-9]{64})\.sig$/.exec(params.tag);
    if (!signed)
      throw invalidParameter(`"${params.tag}" is not a signature tag (sha256-<digest>.sig)`);
    if (!findTag(db, repo.id, params.tag)) throw tagNotFound(params.tag);
    const limit = Math.min(Math.max(query.limit ?? 10, 1), 10);
    const names = db
      .prepare(
        'SELECT name FROM tags WHERE repository_id = ? AND digest = ? AND name > ? ORDER BY name LIMIT ?',
      )
      .pluck()
      .all(repo.id, `${signed[1]}:${signed[2]}`, query.marker ?? '', limit + 1) as string[];
    const page = names.slice(0, limit);
    const hasMore = names.length > limit;
    return {
      body: { tags: page, has_more: hasMore, ...(hasMore ? { next_marker: page.at(-1) } : {}) },
    };
  },
};
