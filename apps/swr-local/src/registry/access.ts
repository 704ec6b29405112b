import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { deriveLoginKey } from '@swr-console/apig-signer';
import { AUTH_LEVELS, NAMESPACE_PATTERN, REPOSITORY_PATTERN } from '@swr-console/swr-api';
import type { Db } from '../db/database.js';
import type { Identity, User } from '../identity/identity.js';
import { newAccessKey, sha256 } from '../identity/secrets.js';
import { namespaceLevel, repositoryLevel } from '../domain/authz.js';
import { findNamespace, findRepository, hasValidShare } from '../domain/records.js';
import { NAMESPACE_QUOTA, namespaceCount } from '../domain/namespaces.js';

export type Action = 'pull' | 'push' | 'delete';
export interface Access {
  type: 'repository';
  name: string;
  actions: Action[];
}

/** Who a registry token speaks for: a user of an account, or nobody (anonymous pulls). */
export type Subject = { user: User } | { user: undefined };

/**
 * Splits `org/repo/path` into the organization and the repository inside it, by the Basic
 * edition's name rules unless given others (the Enterprise edition's).
 */
export function splitImageName(
  name: string,
  rules: { namespace: RegExp; repositoryLength: number } = {
    namespace: NAMESPACE_PATTERN,
    repositoryLength: 128,
  },
): { namespace: string; repository: string } | undefined {
  const at = name.indexOf('/');
  if (at <= 0) return undefined;
  const namespace = name.slice(0, at);
  const repository = name.slice(at + 1);
  if (!rules.namespace.test(namespace) || namespace.length > 64) return undefined;
  if (!REPOSITORY_PATTERN.test(repository) || repository.length > rules.repositoryLength)
    return undefined;
  return { namespace, repository };
}

/**
 * The actions SWR allows a subject on an image name: pull with read (or a public repository, or a
 * valid share), push with edit (a push may create the organization, for an administrator within the
 * quota, and the repository), delete with manage.
 */
export function allowedActions(
  db: Db,
  subject: Subject,
  region: string,
  name: string,
  now: Date,
  anonymousPull: boolean,
): Action[] {
  const parts = splitImageName(name);
  if (!parts) return [];
  const repo = findRepository(db, region, parts.namespace, parts.repository);
  const { user } = subject;
  if (!user) return repo?.is_public === 1 && anonymousPull ? ['pull'] : [];

  if (repo && repo.domain_id !== user.domainId) {
    return repo.is_public === 1 || hasValidShare(db, repo.id, user.domainId, now) ? ['pull'] : [];
  }
  if (repo) {
    const level = repositoryLevel(db, user, repo);
    const actions: Action[] = [];
    if (level >= AUTH_LEVELS.read || repo.is_public === 1) actions.push('pull');
    if (level >= AUTH_LEVELS.edit) actions.push('push');
    if (level >= AUTH_LEVELS.manage) actions.push('delete');
    return actions;
  }
  const namespace = findNamespace(db, region, parts.namespace);
  if (namespace) {
    if (namespace.domain_id !== user.domainId) return [];
    // The repository does not exist yet: whoever may create it by pushing may also look into it.
    return namespaceLevel(db, user, namespace) >= AUTH_LEVELS.edit ? ['pull', 'push'] : [];
  }
  // Nobody owns the organization: an administrator's push creates it, within the quota.
  return user.isAdmin && namespaceCount(db, user.domainId, region) < NAMESPACE_QUOTA
    ? ['pull', 'push']
    : [];
}

/** `repository:org/repo:pull,push` scopes of a token request. */
export function parseScopes(scopes: string[]): Access[] {
  const wanted: Access[] = [];
  for (const scope of scopes) {
    const parts = scope.split(':');
    if (parts.length < 3 || parts[0] !== 'repository') continue;
    // `*` means every action the subject has. Clients that delete ask for `*` or `delete` and then
    // read the manifest first, so deleting implies reading (manage includes read anyway).
    const actions = parts
      .at(-1)!
      .split(',')
      .flatMap((a) =>
        a === '*' ? ['pull', 'push', 'delete'] : a === 'delete' ? ['pull', 'delete'] : [a],
      );
    const name = parts.slice(1, -1).join(':');
    wanted.push({
      type: 'repository',
      name,
      actions: actions.filter((a): a is Action => a === 'pull' || a === 'push' || a === 'delete'),
    });
  }
  return wanted;
}

/**
 * Checks `docker login` credentials: `{region}@{AK}` with the long-term login key derived from the
 * AK/SK, or `{region}@{id}` with a temporary password from `utils/secret`.
 */
export function checkLogin(
  identity: Identity,
  db: Db,
  region: string,
  username: string,
  password: string,
  now: Date,
): User | undefined {
  const at = username.indexOf('@');
  if (at < 0 || username.slice(0, at) !== region) return undefined;
  const id = username.slice(at + 1);
  const key = identity.secretKeyOf(id);
  if (key) return equal(deriveLoginKey(id, key.secretKey), password) ? key.user : undefined;
  const temporary = db
    .prepare(
      'SELECT password_hash, user_id, expires_at FROM temporary_logins WHERE login_id = ? AND region = ?',
    )
    .get(id, region) as { password_hash: string; user_id: string; expires_at: string } | undefined;
  if (!temporary || new Date(temporary.expires_at) <= now) return undefined;
  return equal(sha256(password), temporary.password_hash)
    ? identity.userById(temporary.user_id)
    : undefined;
}

/**
 * A temporary docker login of a user for a region's registries (the form `checkLogin` accepts):
 * a random password, stored only as its hash.
 */
export function issueTemporaryLogin(
  db: Db,
  userId: string,
  region: string,
  expiresAt: Date,
): { loginId: string; username: string; password: string } {
  const loginId = newAccessKey();
  const password = randomBytes(32).toString('hex');
  db.prepare(
    'INSERT INTO temporary_logins (login_id, password_hash, user_id, region, expires_at) VALUES (?, ?, ?, ?, ?)',
  ).run(loginId, sha256(password), userId, region, expiresAt.toISOString());
  return { loginId, username: `${region}@${loginId}`, password };
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

interface TokenClaims {
  sub: string;
  access: Access[];
  exp: number;
  /** The front that issued it: a token is good at that registry only. */
  aud: string;
}

/**
 * Registry bearer tokens: short-lived, HMAC-signed claims, each good only at the front that
 * issued it (fronts share the key, so the audience is what keeps one registry's grant from
 * opening another's repository of the same name).
 */
export class TokenSigner {
  private readonly key = randomBytes(32);

  issue(
    subject: string,
    access: Access[],
    now: Date,
    lifetimeSeconds: number,
    audience: string,
  ): string {
    const claims: TokenClaims = {
      sub: subject,
      access,
      exp: Math.floor(now.getTime() / 1000) + lifetimeSeconds,
      aud: audience,
    };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  verify(token: string, now: Date, audience: string): TokenClaims | undefined {
    const [payload, mac] = token.split('.');
    if (!payload || !mac || !equal(this.mac(payload), mac)) return undefined;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as TokenClaims;
    return claims.exp * 1000 > now.getTime() && claims.aud === audience ? claims : undefined;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
