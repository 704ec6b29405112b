import type { Db } from '../db/database.js';
import {
  hashPassword,
  newAccessKey,
  newId,
  newPassword,
  newSecretKey,
  newToken,
  sha256,
  verifyPassword,
} from './secrets.js';

export interface User {
  id: string;
  name: string;
  domainId: string;
  domainName: string;
  isRoot: boolean;
  /** The account itself or a holder of SWR Admin / Tenant Administrator: manages everything. */
  isAdmin: boolean;
}

export interface SeedUser {
  name: string;
  admin: boolean;
}

export interface AccountCredentials {
  domain_name: string;
  domain_id: string;
  projects: Record<string, string>;
  users: {
    name: string;
    id: string;
    admin: boolean;
    access_key: string;
    secret_key: string;
    password: string;
  }[];
}

interface UserRow {
  id: string;
  name: string;
  domain_id: string;
  domain_name: string;
  is_root: number;
  is_admin: number;
}

const USER_COLUMNS = `u.id, u.name, u.domain_id, d.name AS domain_name, u.is_root, u.is_admin`;

function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    domainId: row.domain_id,
    domainName: row.domain_name,
    isRoot: row.is_root === 1,
    isAdmin: row.is_root === 1 || row.is_admin === 1,
  };
}

/** Accounts, users, keys, projects and tokens: the sandbox's stand-in for IAM. */
export class Identity {
  constructor(private readonly db: Db) {}

  /** Creates an account with its root user (named like the account) and the given IAM users. */
  createAccount(name: string, regions: string[], iamUsers: SeedUser[], createdAt: string): void {
    const domainId = newId();
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO domains (id, name, created_at) VALUES (?, ?, ?)')
        .run(domainId, name, createdAt);
      for (const region of regions) this.addProject(domainId, region);
      for (const user of [
        { name, admin: true, root: true },
        ...iamUsers.map((u) => ({ ...u, root: false })),
      ]) {
        const userId = newId();
        const password = newPassword();
        this.db
          .prepare(
            `INSERT INTO users (id, domain_id, name, password_hash, sandbox_password, is_root, is_admin, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            userId,
            domainId,
            user.name,
            hashPassword(password),
            password,
            user.root ? 1 : 0,
            user.admin ? 1 : 0,
            createdAt,
          );
        this.db
          .prepare(
            'INSERT INTO access_keys (access_key, secret_key, user_id, created_at) VALUES (?, ?, ?, ?)',
          )
          .run(newAccessKey(), newSecretKey(), userId, createdAt);
      }
    })();
  }

  /** Each account has one project per region; regions added later get theirs on start-up. */
  ensureProjects(regions: string[]): void {
    const domains = this.db.prepare('SELECT id FROM domains').pluck().all() as string[];
    for (const domainId of domains) for (const region of regions) this.addProject(domainId, region);
  }

  private addProject(domainId: string, region: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO projects (id, domain_id, region) VALUES (?, ?, ?)')
      .run(newId(), domainId, region);
  }

  accountCount(): number {
    return this.db.prepare('SELECT COUNT(*) FROM domains').pluck().get() as number;
  }

  /** What endpoints.json tells operators and tests: every seeded account with its keys. */
  sandboxCredentials(): AccountCredentials[] {
    const domains = this.db
      .prepare('SELECT id, name FROM domains ORDER BY created_at, rowid')
      .all() as {
      id: string;
      name: string;
    }[];
    return domains.map((domain) => {
      const projects = this.db
        .prepare('SELECT region, id FROM projects WHERE domain_id = ?')
        .all(domain.id) as {
        region: string;
        id: string;
      }[];
      const users = this.db
        .prepare(
          `SELECT u.id, u.name, u.is_root, u.is_admin, u.sandbox_password, k.access_key, k.secret_key
           FROM users u JOIN access_keys k ON k.user_id = u.id
           WHERE u.domain_id = ? AND u.sandbox_password IS NOT NULL ORDER BY u.is_root DESC, u.rowid`,
        )
        .all(domain.id) as {
        id: string;
        name: string;
        is_root: number;
        is_admin: number;
        sandbox_password: string;
        access_key: string;
        secret_key: string;
      }[];
      return {
        domain_name: domain.name,
        domain_id: domain.id,
        projects: Object.fromEntries(projects.map((p) => [p.region, p.id])),
        users: users.map((u) => ({
          name: u.name,
          id: u.id,
          admin: u.is_root === 1 || u.is_admin === 1,
          access_key: u.access_key,
          secret_key: u.secret_key,
          password: u.sandbox_password,
        })),
      };
    });
  }

  secretKeyOf(accessKey: string): { secretKey: string; user: User } | undefined {
    const row = this.db
      .prepare(
        `SELECT ${USER_COLUMNS}, k.secret_key FROM access_keys k
         JOIN users u ON u.id = k.user_id JOIN domains d ON d.id = u.domain_id WHERE k.access_key = ?`,
      )
      .get(accessKey) as (UserRow & { secret_key: string }) | undefined;
    return row && { secretKey: row.secret_key, user: toUser(row) };
  }

  userById(id: string): User | undefined {
    const row = this.db
      .prepare(
        `SELECT ${USER_COLUMNS} FROM users u JOIN domains d ON d.id = u.domain_id WHERE u.id = ?`,
      )
      .get(id) as UserRow | undefined;
    return row && toUser(row);
  }

  usersOf(domainId: string): User[] {
    const rows = this.db
      .prepare(
        `SELECT ${USER_COLUMNS} FROM users u JOIN domains d ON d.id = u.domain_id WHERE u.domain_id = ? ORDER BY u.name`,
      )
      .all(domainId) as UserRow[];
    return rows.map(toUser);
  }

  accessKeysOf(userId: string): { access_key: string; created_at: string }[] {
    return this.db
      .prepare('SELECT access_key, created_at FROM access_keys WHERE user_id = ?')
      .all(userId) as { access_key: string; created_at: string }[];
  }

  domainByName(name: string): { id: string; name: string } | undefined {
    return this.db.prepare('SELECT id, name FROM domains WHERE name = ?').get(name) as
      { id: string; name: string } | undefined;
  }

  /** A user of an account by password; undefined for any wrong part, without saying which. */
  authenticate(domainName: string, userName: string, password: string): User | undefined {
    const row = this.db
      .prepare(
        `SELECT ${USER_COLUMNS}, u.password_hash FROM users u JOIN domains d ON d.id = u.domain_id
         WHERE d.name = ? AND u.name = ?`,
      )
      .get(domainName, userName) as (UserRow & { password_hash: string }) | undefined;
    // Hash even when the user is unknown, so timing does not tell which part was wrong.
    const ok = verifyPassword(password, row?.password_hash ?? hashPassword('not-a-user'));
    return ok && row ? toUser(row) : undefined;
  }

  projectOf(domainId: string, region: string): string | undefined {
    return this.db
      .prepare('SELECT id FROM projects WHERE domain_id = ? AND region = ?')
      .pluck()
      .get(domainId, region) as string | undefined;
  }

  projectById(id: string): { id: string; domainId: string; region: string } | undefined {
    const row = this.db
      .prepare('SELECT id, domain_id, region FROM projects WHERE id = ?')
      .get(id) as { id: string; domain_id: string; region: string } | undefined;
    return row && { id: row.id, domainId: row.domain_id, region: row.region };
  }

  projectsOf(domainId: string): { id: string; region: string }[] {
    return this.db
      .prepare('SELECT id, region FROM projects WHERE domain_id = ? ORDER BY region')
      .all(domainId) as {
      id: string;
      region: string;
    }[];
  }

  issueToken(userId: string, projectId: string | undefined, expiresAt: Date): string {
    const token = newToken();
    this.db
      .prepare(
        'INSERT INTO iam_tokens (token_hash, user_id, project_id, expires_at) VALUES (?, ?, ?, ?)',
      )
      .run(sha256(token), userId, projectId ?? null, expiresAt.toISOString());
    return token;
  }

  tokenInfo(
    token: string,
  ): { user: User; projectId: string | undefined; expiresAt: Date } | undefined {
    const row = this.db
      .prepare('SELECT user_id, project_id, expires_at FROM iam_tokens WHERE token_hash = ?')
      .get(sha256(token)) as
      { user_id: string; project_id: string | null; expires_at: string } | undefined;
    const user = row && this.userById(row.user_id);
    return (
      row &&
      user && { user, projectId: row.project_id ?? undefined, expiresAt: new Date(row.expires_at) }
    );
  }

  pruneTokens(before: Date): void {
    this.db.prepare('DELETE FROM iam_tokens WHERE expires_at < ?').run(before.toISOString());
    this.db.prepare('DELETE FROM temporary_logins WHERE expires_at < ?').run(before.toISOString());
  }
}
