import { randomBytes, timingSafeEqual } from 'node:crypto';
import { MAX_LT_CREDENTIALS } from '@swr-console/swr-api';
import type { Db } from '../db/database.js';
import { entError } from '../domain/errors.js';
import type { Identity, User } from '../identity/identity.js';
import { sha256 } from '../identity/secrets.js';
import type { InstanceRow } from './records.js';

/**
 * Long-term credentials of an Enterprise instance: docker logins that never expire, good at that
 * instance's registry only, acting with the rights of the user who made them. The secret is
 * answered once and stored only as its SHA-256, as temporary logins are.
 */

export interface LtCredentialRow {
  token_id: string;
  instance_id: string;
  user_id: string;
  name: string;
  secret_hash: string;
  enabled: number;
  created_at: string;
  last_used_at: string | null;
}

/**
 * `LT` and 32 lower-case hex digits. Access keys and temporary login ids are 20 upper-case letters
 * and digits, so a long-term credential's id can never be taken for either, nor they for it.
 */
const TOKEN_ID = /^LT[0-9a-f]{32}$/;

/** A login writes its time at most this often, so a busy CI does not write on every pull. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const loginNameOf = (region: string, tokenId: string) => `${region}@${tokenId}`;

/**
 * Issues a credential of a user for an instance: the name is unique per user and instance, and an
 * instance holds at most MAX_LT_CREDENTIALS. Checks and insert run in one transaction.
 */
export function issueLtCredential(
  db: Db,
  instance: InstanceRow,
  userId: string,
  name: string,
  at: string,
): { row: LtCredentialRow; secret: string } {
  return db.transaction(() => {
    const taken = db
      .prepare(
        'SELECT 1 FROM ent_lt_credentials WHERE instance_id = ? AND user_id = ? AND name = ?',
      )
      .get(instance.id, userId, name);
    if (taken) throw entError.exists(`Long-term credential "${name}" already exists.`);
    const count = db
      .prepare('SELECT COUNT(*) FROM ent_lt_credentials WHERE instance_id = ?')
      .pluck()
      .get(instance.id) as number;
    if (count >= MAX_LT_CREDENTIALS)
      throw entError.limit(
        `An instance holds at most ${MAX_LT_CREDENTIALS} long-term credentials.`,
      );
    const secret = randomBytes(32).toString('hex');
    const row = db
      .prepare(
        `INSERT INTO ent_lt_credentials (token_id, instance_id, user_id, name, secret_hash, created_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(
        `LT${randomBytes(16).toString('hex')}`,
        instance.id,
        userId,
        name,
        sha256(secret),
        at,
      ) as LtCredentialRow;
    return { row, secret };
  })();
}

export function findLtCredential(
  db: Db,
  instanceId: string,
  tokenId: string,
): LtCredentialRow | undefined {
  return db
    .prepare('SELECT * FROM ent_lt_credentials WHERE token_id = ? AND instance_id = ?')
    .get(tokenId, instanceId) as LtCredentialRow | undefined;
}

/**
 * What a credential may do at the instance's registry: its user's rights there, in words. Mirrors
 * `allowed` of `enterpriseBackend` (registry.ts), which grants them.
 */
export function profileOf(user: User | undefined, instance: InstanceRow): string {
  if (!user || user.domainId !== instance.domain_id)
    return 'Nothing: its user no longer belongs to the account';
  return user.isAdmin
    ? 'Push, pull and delete in every namespace of the instance'
    : 'Pull from the public namespaces of the instance';
}

/**
 * The user a docker login with a long-term credential speaks for, at this instance's registry:
 * `{region}@{token_id}` and the secret, while the credential is enabled and its user still belongs
 * to the instance's account. Undefined for anything else, including every other login form.
 */
export function checkLtLogin(
  identity: Identity,
  db: Db,
  instance: InstanceRow,
  username: string,
  password: string,
  now: Date,
): User | undefined {
  const at = username.indexOf('@');
  const tokenId = username.slice(at + 1);
  if (at < 0 || username.slice(0, at) !== instance.region || !TOKEN_ID.test(tokenId))
    return undefined;
  const row = findLtCredential(db, instance.id, tokenId);
  if (!row || row.enabled !== 1) return undefined;
  const given = Buffer.from(sha256(password), 'hex');
  const stored = Buffer.from(row.secret_hash, 'hex');
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return undefined;
  const user = identity.userById(row.user_id);
  if (!user || user.domainId !== instance.domain_id) return undefined;
  db.prepare(
    'UPDATE ent_lt_credentials SET last_used_at = ? WHERE token_id = ? AND (last_used_at IS NULL OR last_used_at <= ?)',
  ).run(
    now.toISOString(),
    row.token_id,
    new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString(),
  );
  return user;
}
