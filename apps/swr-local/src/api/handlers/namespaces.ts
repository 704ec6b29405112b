import { AUTH_LEVELS, SwrErrorCode, type Namespace } from '@swr-console/swr-api';
import type { Db } from '../../db/database.js';
import type { User } from '../../identity/identity.js';
import { namespaceLevel, requireAdmin } from '../../domain/authz.js';
import { createNamespace } from '../../domain/namespaces.js';
import { hasRepositoryGrantIn, type NamespaceRecord } from '../../domain/records.js';
import { namespaceNotFound, SwrError } from '../../domain/errors.js';
import type { Handlers } from '../handler.js';

function toNamespace(db: Db, user: User, record: NamespaceRecord): Namespace {
  const level = namespaceLevel(db, user, record);
  const counts = db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM namespace_grants WHERE namespace_id = ?) AS users,
              (SELECT COUNT(*) FROM repositories WHERE namespace_id = ?) AS repos`,
    )
    .get(record.id, record.id) as { users: number; repos: number };
  return {
    id: record.id,
    name: record.name,
    creator_name: record.creator_name,
    auth: level === 0 ? AUTH_LEVELS.read : level,
    access_user_count: counts.users,
    repo_count: counts.repos,
  };
}

export const namespaceHandlers: Pick<
  Handlers,
  'CreateNamespace' | 'ListNamespaces' | 'ShowNamespace' | 'DeleteNamespaces'
> = {
  CreateNamespace({ services, principal, region, body, now }) {
    requireAdmin(principal.user, 'create organizations');
    createNamespace(services.db, principal.user, region, body.namespace, now);
  },

  ListNamespaces({ services: { db }, principal: { user }, region, query }) {
    const wanted = query.namespace;
    const includeVisible = query.mode === 'visible';
    const own = db
      .prepare('SELECT * FROM namespaces WHERE domain_id = ? AND region = ? ORDER BY name')
      .all(user.domainId, region) as NamespaceRecord[];
    const listed = own.filter(
      (ns) =>
        (wanted === undefined || ns.name === wanted) &&
        (namespaceLevel(db, user, ns) > 0 ||
          (includeVisible && hasRepositoryGrantIn(db, ns.id, user.id))),
    );
    if (wanted !== undefined && listed.length === 0) throw namespaceNotFound(wanted);
    return { body: { namespaces: listed.map((ns) => toNamespace(db, user, ns)) } };
  },

  ShowNamespace({ services: { db }, principal: { user }, namespace }) {
    return {
      body: toNamespace(db, user, namespace(AUTH_LEVELS.read)),
    };
  },

  DeleteNamespaces({ services: { db }, namespace }) {
    const ns = namespace(AUTH_LEVELS.manage);
    db.transaction(() => {
      const repositories = db
        .prepare('SELECT COUNT(*) FROM repositories WHERE namespace_id = ?')
        .pluck()
        .get(ns.id) as number;
      if (repositories > 0) {
        throw new SwrError(
          406,
          SwrErrorCode.namespaceNotEmpty,
          `Organization "${ns.name}" still holds ${repositories} ${repositories === 1 ? 'repository' : 'repositories'}; delete them first`,
        );
      }
      db.prepare('DELETE FROM namespaces WHERE id = ?').run(ns.id);
    })();
  },
};
