import { AUTH_LEVELS, SwrErrorCode, type AuthLevel, type UserAuth } from '@swr-console/swr-api';
import type { Db } from '../../db/database.js';
import type { Identity, User } from '../../identity/identity.js';
import { namespaceLevel, repositoryLevel, type Level } from '../../domain/authz.js';
import { namespaceGrants, repositoryGrants, type Grant } from '../../domain/records.js';
import { invalidParameter, SwrError } from '../../domain/errors.js';
import type { Handlers } from '../handler.js';

/** Grants on an organization or on one repository: the same rules, two tables. */
interface GrantTable {
  table: 'namespace_grants' | 'repository_grants';
  key: 'namespace_id' | 'repository_id';
  id: number;
  what: string;
}

function checkUsers(
  identity: Identity,
  caller: User,
  users: { user_id: string }[],
): Map<string, User> {
  const found = new Map<string, User>();
  for (const { user_id } of users) {
    if (user_id === caller.id) throw invalidParameter('You cannot change your own permission');
    const user = identity.userById(user_id);
    if (!user || user.domainId !== caller.domainId) {
      throw invalidParameter(`User "${user_id}" is not a user of this account`);
    }
    found.set(user_id, user);
  }
  return found;
}

function existing(db: Db, grants: GrantTable): Set<string> {
  return new Set(
    db
      .prepare(`SELECT user_id FROM ${grants.table} WHERE ${grants.key} = ?`)
      .pluck()
      .all(grants.id) as string[],
  );
}

function grant(
  db: Db,
  identity: Identity,
  caller: User,
  grants: GrantTable,
  body: UserAuth[],
): void {
  const users = checkUsers(identity, caller, body);
  db.transaction(() => {
    const held = existing(db, grants);
    const again = body.find((entry) => held.has(entry.user_id));
    if (again) {
      throw new SwrError(
        409,
        SwrErrorCode.permissionExists,
        `User "${users.get(again.user_id)!.name}" already has a permission on ${grants.what}`,
      );
    }
    const insert = db.prepare(
      `INSERT INTO ${grants.table} (${grants.key}, user_id, user_name, auth) VALUES (?, ?, ?, ?)`,
    );
    for (const entry of body)
      insert.run(grants.id, entry.user_id, users.get(entry.user_id)!.name, entry.auth);
  })();
}

function change(
  db: Db,
  identity: Identity,
  caller: User,
  grants: GrantTable,
  body: UserAuth[],
): void {
  const users = checkUsers(identity, caller, body);
  db.transaction(() => {
    const held = existing(db, grants);
    const missing = body.find((entry) => !held.has(entry.user_id));
    if (missing) {
      throw new SwrError(
        404,
        SwrErrorCode.resourceNotFound,
        `User "${users.get(missing.user_id)!.name}" has no permission on ${grants.what} to change`,
      );
    }
    const update = db.prepare(
      `UPDATE ${grants.table} SET auth = ? WHERE ${grants.key} = ? AND user_id = ?`,
    );
    for (const entry of body) update.run(entry.auth, grants.id, entry.user_id);
  })();
}

function revoke(db: Db, caller: User, grants: GrantTable, userIds: string[]): void {
  if (userIds.includes(caller.id)) throw invalidParameter('You cannot revoke your own permission');
  const remove = db.prepare(`DELETE FROM ${grants.table} WHERE ${grants.key} = ? AND user_id = ?`);
  db.transaction(() => {
    for (const userId of userIds) remove.run(grants.id, userId);
  })();
}

function describe(caller: User, level: Level, grants: Grant[]) {
  const auth: AuthLevel = level === 0 ? AUTH_LEVELS.read : level;
  return {
    self_auth: { user_id: caller.id, user_name: caller.name, auth },
    others_auths: grants.filter((g) => g.user_id !== caller.id),
  };
}

export const permissionHandlers: Pick<
  Handlers,
  | 'CreateNamespaceAuth'
  | 'UpdateNamespaceAuth'
  | 'DeleteNamespaceAuth'
  | 'ShowNamespaceAuth'
  | 'CreateUserRepositoryAuth'
  | 'UpdateUserRepositoryAuth'
  | 'DeleteUserRepositoryAuth'
  | 'ShowUserRepositoryAuth'
> = {
  CreateNamespaceAuth({ services: { db, identity }, principal: { user }, body, namespace }) {
    const ns = namespace(AUTH_LEVELS.manage);
    grant(
      db,
      identity,
      user,
      {
        table: 'namespace_grants',
        key: 'namespace_id',
        id: ns.id,
        what: `organization "${ns.name}"`,
      },
      body,
    );
  },
  UpdateNamespaceAuth({ services: { db, identity }, principal: { user }, body, namespace }) {
    const ns = namespace(AUTH_LEVELS.manage);
    change(
      db,
      identity,
      user,
      {
        table: 'namespace_grants',
        key: 'namespace_id',
        id: ns.id,
        what: `organization "${ns.name}"`,
      },
      body,
    );
  },
  DeleteNamespaceAuth({ services: { db }, principal: { user }, body, namespace }) {
    const ns = namespace(AUTH_LEVELS.manage);
    revoke(db, user, { table: 'namespace_grants', key: 'namespace_id', id: ns.id, what: '' }, body);
  },
  ShowNamespaceAuth({ services: { db }, principal: { user }, namespace }) {
    const ns = namespace(AUTH_LEVELS.read);
    return {
      body: {
        id: ns.id,
        name: ns.name,
        creator_name: ns.creator_name,
        ...describe(user, namespaceLevel(db, user, ns), namespaceGrants(db, ns.id)),
      },
    };
  },

  CreateUserRepositoryAuth({ services: { db, identity }, principal: { user }, body, repository }) {
    const repo = repository(AUTH_LEVELS.manage);
    grant(
      db,
      identity,
      user,
      {
        table: 'repository_grants',
        key: 'repository_id',
        id: repo.id,
        what: `repository "${repo.name}"`,
      },
      body,
    );
  },
  UpdateUserRepositoryAuth({ services: { db, identity }, principal: { user }, body, repository }) {
    const repo = repository(AUTH_LEVELS.manage);
    change(
      db,
      identity,
      user,
      {
        table: 'repository_grants',
        key: 'repository_id',
        id: repo.id,
        what: `repository "${repo.name}"`,
      },
      body,
    );
  },
  DeleteUserRepositoryAuth({ services: { db }, principal: { user }, body, repository }) {
    const repo = repository(AUTH_LEVELS.manage);
    revoke(
      db,
      user,
      { table: 'repository_grants', key: 'repository_id', id: repo.id, what: '' },
      body,
    );
  },
  ShowUserRepositoryAuth({ services: { db }, principal: { user }, repository }) {
    const repo = repository(AUTH_LEVELS.read);
    return {
      body: {
        id: repo.id,
        name: repo.name,
        ...describe(user, repositoryLevel(db, user, repo), repositoryGrants(db, repo.id)),
      },
    };
  },
};
