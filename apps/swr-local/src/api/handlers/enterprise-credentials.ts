import { ENTERPRISE_MAX_PAGE_SIZE, type LtCredential } from '@swr-console/swr-api';
import type { Identity, User } from '../../identity/identity.js';
import {
  findLtCredential,
  issueLtCredential,
  loginNameOf,
  profileOf,
  type LtCredentialRow,
} from '../../enterprise/credentials.js';
import type { InstanceRow } from '../../enterprise/records.js';
import { instanceStatisticsOf } from '../../enterprise/statistics.js';
import { entError } from '../../domain/errors.js';
import type { Db } from '../../db/database.js';
import type { Handlers } from '../handler.js';
import { instanceOf } from './enterprise-scope.js';

type Ids =
  | 'CreateInstanceLtCredential'
  | 'ListInstanceLtCredentials'
  | 'UpdateInstanceLtCredential'
  | 'DeleteInstanceLtCredential'
  | 'ListInstanceStatistics';

function toCredential(
  row: LtCredentialRow,
  instance: InstanceRow,
  identity: Identity,
): LtCredential {
  return {
    name: row.name,
    token_id: row.token_id,
    user_id: loginNameOf(instance.region, row.token_id),
    instance_id: row.instance_id,
    enable: row.enabled === 1,
    created_at: row.created_at,
    expire_date: '',
    user_profile: profileOf(identity.userById(row.user_id), instance),
    ...(row.last_used_at === null ? {} : { last_used_at: row.last_used_at }),
  };
}

/**
 * The credential a path names: the caller's own, or any of the instance for an administrator.
 * Another's credential is as unknown to a non-administrator as one that does not exist.
 */
function credentialOf(db: Db, instance: InstanceRow, caller: User, tokenId: string) {
  const row = findLtCredential(db, instance.id, tokenId);
  if (!row || (row.user_id !== caller.id && !caller.isAdmin))
    throw entError.notFound(`Long-term credential "${tokenId}" does not exist.`);
  return row;
}

/** Long-term docker logins of an instance, and its statistics. */
export const enterpriseCredentialHandlers: Pick<Handlers, Ids> = {
  CreateInstanceLtCredential(context) {
    const instance = instanceOf(context, true);
    const { row, secret } = issueLtCredential(
      context.services.db,
      instance,
      context.principal.user.id,
      context.body.name,
      context.now.toISOString(),
    );
    return {
      body: {
        auth_token: secret,
        user_id: loginNameOf(instance.region, row.token_id),
        token_id: row.token_id,
        created_at: row.created_at,
        expire_date: '',
      },
    };
  },

  ListInstanceLtCredentials(context) {
    const instance = instanceOf(context);
    const { db, identity } = context.services;
    const { query } = context;
    const offset = query.offset ?? 0;
    const limit = query.limit ?? ENTERPRISE_MAX_PAGE_SIZE;
    // Administrators see everyone's with self_only=false; every instance caller is one today.
    const everyone = query.self_only === 'false' && context.principal.user.isAdmin;
    const where = everyone ? 'instance_id = ?' : 'instance_id = ? AND user_id = ?';
    const args = everyone ? [instance.id] : [instance.id, context.principal.user.id];
    const total = db
      .prepare(`SELECT COUNT(*) FROM ent_lt_credentials WHERE ${where}`)
      .pluck()
      .get(...args) as number;
    const rows = db
      .prepare(
        `SELECT * FROM ent_lt_credentials WHERE ${where} ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`,
      )
      .all(...args, limit, offset) as LtCredentialRow[];
    return {
      body: { auth_tokens: rows.map((row) => toCredential(row, instance, identity)), total },
    };
  },

  UpdateInstanceLtCredential(context) {
    const instance = instanceOf(context, true);
    const { db } = context.services;
    const row = credentialOf(db, instance, context.principal.user, context.params.credential_id);
    db.prepare('UPDATE ent_lt_credentials SET enabled = ? WHERE token_id = ?').run(
      context.body.enable ? 1 : 0,
      row.token_id,
    );
  },

  DeleteInstanceLtCredential(context) {
    const instance = instanceOf(context, true);
    const { db } = context.services;
    const row = credentialOf(db, instance, context.principal.user, context.params.credential_id);
    db.prepare('DELETE FROM ent_lt_credentials WHERE token_id = ?').run(row.token_id);
  },

  ListInstanceStatistics(context) {
    const instance = instanceOf(context);
    return { body: instanceStatisticsOf(context.services.db, instance.id) };
  },
};
