import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { RedisStore } from 'connect-redis';
import { createClient, type RedisClientType } from 'redis';
import { RedisDeletionStore, SqliteDeletionStore, type DeletionStore } from '../deletions/store.js';
import { HttpProblem, titleOf } from '../problem.js';
import type { AuditEntry, SessionRecord } from './record.js';

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
}

/**
 * Sessions, and the audit log kept beside them in the same database. SQLite for one BFF;
 * Redis when several replicas share their sessions.
 */
/** A store that has not answered in this long is down, as far as one request is concerned. */
const STORE_TIMEOUT_MS = 3_000;

/** The operation's result, or a rejection once `ms` have passed without one. */
export function within<T>(operation: Promise<T>, ms = STORE_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the session store did not answer in ${ms} ms`)), ms);
  });
  return Promise.race([operation, late]).finally(() => clearTimeout(timer));
}

/** A store that is away: an outage to report (503 `SESSION_STORE_DOWN`), not a bug (500). */
export function storeDown(detail: string, cause: unknown): HttpProblem {
  return new HttpProblem(
    503,
    titleOf(503),
    detail,
    { code: 'SESSION_STORE_DOWN' },
    { 'Retry-After': '5' },
    { cause },
  );
}

/** The store's work within the time limit, or `storeDown` saying `detail`. */
export async function fromStore<T>(operation: Promise<T>, detail: string): Promise<T> {
  try {
    return await within(operation);
  } catch (error) {
    throw storeDown(detail, error);
  }
}

export interface SessionStore {
  get(id: string): Promise<SessionRecord | undefined>;
  set(id: string, record: SessionRecord, ttlSeconds: number): Promise<void>;
  destroy(id: string): Promise<void>;
  audit(entry: AuditEntry): Promise<void>;
  auditPage(
    accountId: string,
    userId: string | undefined,
    limit: number,
    offset: number,
  ): Promise<AuditPage>;
  /** The deletions held for their undo window, in the same database. */
  deletions(): DeletionStore;
  ping(): Promise<void>;
  close(): Promise<void>;
}

const RECENT_SESSIONS = 10_000;

export class SqliteSessionStore implements SessionStore {
  private readonly db: Database.Database;
  private readonly timer: NodeJS.Timeout;
  /** The sessions written lately (a write-through cache: reads of busy sessions skip SQLite). */
  private readonly recent = new Map<string, { record: SessionRecord; expiresAt: number }>();
  private readonly statements: {
    get: Database.Statement<[string, number], { data: string }>;
    set: Database.Statement<[string, string, number]>;
    destroy: Database.Statement<[string]>;
  };

  constructor(file: string) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, data TEXT NOT NULL, expires_at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS sessions_expiry ON sessions (expires_at);
      CREATE TABLE IF NOT EXISTS audit (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, account_id TEXT NOT NULL, user_id TEXT NOT NULL, user_name TEXT NOT NULL,
        method TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, status INTEGER NOT NULL, request_id TEXT NOT NULL, ip TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS audit_by_account ON audit (account_id, id);
    `);
    this.timer = setInterval(() => {
      try {
        this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(Date.now());
      } catch {
        // A busy or read-only database: expired rows are also never read, so the next sweep will do.
      }
    }, 60_000);
    this.timer.unref();
    // Every request reads its session: prepare once.
    this.statements = {
      get: this.db.prepare('SELECT data FROM sessions WHERE id = ? AND expires_at >= ?'),
      set: this.db.prepare(
        'INSERT INTO sessions (id, data, expires_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at',
      ),
      destroy: this.db.prepare('DELETE FROM sessions WHERE id = ?'),
    };
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    // One BFF owns this database, so what it last wrote is what is there.
    const recent = this.recent.get(id);
    if (recent) {
      if (recent.expiresAt >= Date.now()) return recent.record;
      this.recent.delete(id);
    }
    const row = this.statements.get.get(id, Date.now());
    return row ? (JSON.parse(row.data) as SessionRecord) : undefined;
  }

  async set(id: string, record: SessionRecord, ttlSeconds: number): Promise<void> {
    const expiresAt = Date.now() + ttlSeconds * 1000;
    this.statements.set.run(id, JSON.stringify(record), expiresAt);
    this.recent.delete(id);
    this.recent.set(id, { record, expiresAt });
    if (this.recent.size > RECENT_SESSIONS) this.recent.delete(this.recent.keys().next().value!);
  }

  async destroy(id: string): Promise<void> {
    this.statements.destroy.run(id);
    this.recent.delete(id);
  }

  async audit(entry: AuditEntry): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO audit (at, account_id, user_id, user_name, method, action, target, status, request_id, ip)
         VALUES (@at, @accountId, @userId, @userName, @method, @action, @target, @status, @requestId, @ip)`,
      )
      .run(entry);
  }

  async auditPage(
    accountId: string,
    userId: string | undefined,
    limit: number,
    offset: number,
  ): Promise<AuditPage> {
    const where = userId === undefined ? 'account_id = ?' : 'account_id = ? AND user_id = ?';
    const args = userId === undefined ? [accountId] : [accountId, userId];
    const total = this.db
      .prepare(`SELECT COUNT(*) FROM audit WHERE ${where}`)
      .pluck()
      .get(...args) as number;
    const entries = this.db
      .prepare(
        `SELECT at, account_id AS accountId, user_id AS userId, user_name AS userName, method, action, target, status,
                request_id AS requestId, ip FROM audit WHERE ${where} ORDER BY id DESC LIMIT ? OFFSET ?`,
      )
      .all(...args, limit, offset) as AuditEntry[];
    return { entries, total };
  }

  private held: DeletionStore | undefined;

  deletions(): DeletionStore {
    this.held ??= new SqliteDeletionStore(this.db);
    return this.held;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.db.close();
  }
}

const PREFIX = 'swr-console:';
const AUDIT_KEPT = 100_000;

type StoredSession = SessionRecord & { ttlSeconds: number };

/** Sessions in Redis through connect-redis's store, so any replica can serve any session. */
export class RedisSessionStore implements SessionStore {
  private readonly sessions: RedisStore;

  private constructor(private readonly client: RedisClientType) {
    this.sessions = new RedisStore({
      client,
      prefix: `${PREFIX}sess:`,
      ttl: (session) => (session as unknown as StoredSession).ttlSeconds,
    });
  }

  static async connect(url: string): Promise<RedisSessionStore> {
    // A Redis that is away fails the call at once (a 503 for that request) rather than holding
    // every request until it is back; one that is silent is bounded by Sessions (STORE_TIMEOUT_MS).
    const client = createClient({ url, disableOfflineQueue: true }) as RedisClientType;
    client.on('error', () => {
      // Reported through ping() and failing requests; the client reconnects by itself.
    });
    await client.connect();
    return new RedisSessionStore(client);
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    const stored = (await this.sessions.get(id)) as StoredSession | null | undefined;
    if (!stored) return undefined;
    const { ttlSeconds: _ttl, ...record } = stored;
    return record;
  }

  async set(id: string, record: SessionRecord, ttlSeconds: number): Promise<void> {
    await this.sessions.set(id, { ...record, ttlSeconds } as unknown as Parameters<
      RedisStore['set']
    >[1]);
  }

  async destroy(id: string): Promise<void> {
    await this.sessions.destroy(id);
  }

  async audit(entry: AuditEntry): Promise<void> {
    const key = `${PREFIX}audit:${entry.accountId}`;
    await this.client
      .multi()
      .lPush(key, JSON.stringify(entry))
      .lTrim(key, 0, AUDIT_KEPT - 1)
      .exec();
  }

  async auditPage(
    accountId: string,
    userId: string | undefined,
    limit: number,
    offset: number,
  ): Promise<AuditPage> {
    const key = `${PREFIX}audit:${accountId}`;
    if (userId === undefined) {
      const [total, raw] = await Promise.all([
        this.client.lLen(key),
        this.client.lRange(key, offset, offset + limit - 1),
      ]);
      return { total, entries: raw.map((item) => JSON.parse(item) as AuditEntry) };
    }
    const mine = (await this.client.lRange(key, 0, -1))
      .map((item) => JSON.parse(item) as AuditEntry)
      .filter((e) => e.userId === userId);
    return { total: mine.length, entries: mine.slice(offset, offset + limit) };
  }

  private held: DeletionStore | undefined;

  deletions(): DeletionStore {
    this.held ??= new RedisDeletionStore(this.client);
    return this.held;
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  async close(): Promise<void> {
    await this.client.quit();
  }
}
