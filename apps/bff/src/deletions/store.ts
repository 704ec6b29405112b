import type Database from 'better-sqlite3';
import type { RedisClientType } from 'redis';

export type DeletionState = 'pending' | 'running' | 'done' | 'failed' | 'undone';

/** What SWR answered when the deletion was sent. */
export interface DeletionResult {
  status: number;
  code?: string;
  message?: string;
}

/**
 * A deletion the BFF holds for the undo window, then sends to SWR as the user who asked. It
 * carries its own sealed credentials (bound to its id), so it runs even after sign-out.
 */
export interface DeletionRecord {
  id: string;
  accountId: string;
  userId: string;
  userName: string;
  region: string;
  projectId: string;
  /** The contract's operation and its path parameters, as the browser's lists name things. */
  operation: string;
  params: Record<string, string>;
  service: 'swr' | 'kms';
  /** Path and query under the region's API, exactly as they will be sent. */
  path: string;
  body: string;
  createdAt: number;
  executeAt: number;
  state: DeletionState;
  attempts: number;
  result?: DeletionResult;
  finishedAt?: number;
  sealed: string;
}

/**
 * Where held deletions live, shared by every replica. Each transition is atomic, so a deletion
 * runs once (one replica claims it) and an undo either wins before the claim or is refused.
 */
export interface DeletionStore {
  add(record: DeletionRecord): Promise<void>;
  get(id: string): Promise<DeletionRecord | undefined>;
  /** The account's held and running deletions, and those that ended within `KEPT_MS`. */
  listAccount(accountId: string, now: number): Promise<DeletionRecord[]>;
  /** pending → undone; false when it is no longer pending (running, done, or undone already). */
  undo(id: string, now: number): Promise<boolean>;
  /**
   * Due pending deletions, and running ones whose replica went away (lease over), → running with
   * a lease until `now + leaseMs`.
   */
  claim(now: number, leaseMs: number, limit: number): Promise<DeletionRecord[]>;
  finish(record: DeletionRecord): Promise<void>;
  /** running → pending again, due at `record.executeAt` (SWR was away). */
  postpone(record: DeletionRecord): Promise<void>;
}

/** How long an ended deletion stays listed (so a page can say it happened, or why it failed). */
export const KEPT_MS = 10 * 60_000;
/** How long an ended deletion's record is kept at all. */
const RECORD_MS = 24 * 3600_000;

interface Row {
  data: string;
  state: DeletionState;
  execute_at: number;
  finished_at: number | null;
}

function fromRow(row: Row): DeletionRecord {
  const record = JSON.parse(row.data) as DeletionRecord;
  return {
    ...record,
    state: row.state,
    executeAt: row.execute_at,
    ...(row.finished_at !== null ? { finishedAt: row.finished_at } : {}),
  };
}

export class SqliteDeletionStore implements DeletionStore {
  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS deletions (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, state TEXT NOT NULL, execute_at INTEGER NOT NULL,
        lease_until INTEGER, finished_at INTEGER, data TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS deletions_due ON deletions (state, execute_at);
      CREATE INDEX IF NOT EXISTS deletions_by_account ON deletions (account_id, execute_at);
    `);
  }

  async add(record: DeletionRecord): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO deletions (id, account_id, state, execute_at, data) VALUES (?, ?, ?, ?, ?)',
      )
      .run(record.id, record.accountId, record.state, record.executeAt, JSON.stringify(record));
  }

  async get(id: string): Promise<DeletionRecord | undefined> {
    const row = this.db
      .prepare<[string], Row>(
        'SELECT data, state, execute_at, finished_at FROM deletions WHERE id = ?',
      )
      .get(id);
    return row && fromRow(row);
  }

  async listAccount(accountId: string, now: number): Promise<DeletionRecord[]> {
    return this.db
      .prepare<[string, number], Row>(
        `SELECT data, state, execute_at, finished_at FROM deletions
         WHERE account_id = ? AND (finished_at IS NULL OR finished_at >= ?) ORDER BY execute_at`,
      )
      .all(accountId, now - KEPT_MS)
      .map(fromRow);
  }

  async undo(id: string, now: number): Promise<boolean> {
    const changed = this.db
      .prepare(
        "UPDATE deletions SET state = 'undone', finished_at = ? WHERE id = ? AND state = 'pending'",
      )
      .run(now, id).changes;
    return changed === 1;
  }

  async claim(now: number, leaseMs: number, limit: number): Promise<DeletionRecord[]> {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare<[number, number, number], Row & { id: string }>(
          `SELECT id, data, state, execute_at, finished_at FROM deletions
           WHERE (state = 'pending' AND execute_at <= ?) OR (state = 'running' AND lease_until < ?)
           ORDER BY execute_at LIMIT ?`,
        )
        .all(now, now, limit);
      const lease = this.db.prepare(
        "UPDATE deletions SET state = 'running', lease_until = ? WHERE id = ?",
      );
      for (const row of rows) lease.run(now + leaseMs, row.id);
      // Ended long ago: nobody lists them any more.
      this.db.prepare('DELETE FROM deletions WHERE finished_at < ?').run(now - RECORD_MS);
      return rows.map((row) => ({ ...fromRow(row), state: 'running' as const }));
    })();
  }

  async finish(record: DeletionRecord): Promise<void> {
    this.db
      .prepare(
        'UPDATE deletions SET state = ?, finished_at = ?, lease_until = NULL, data = ? WHERE id = ?',
      )
      .run(record.state, record.finishedAt ?? Date.now(), JSON.stringify(record), record.id);
  }

  async postpone(record: DeletionRecord): Promise<void> {
    this.db
      .prepare(
        "UPDATE deletions SET state = 'pending', execute_at = ?, lease_until = NULL, data = ? WHERE id = ?",
      )
      .run(record.executeAt, JSON.stringify({ ...record, state: 'pending' }), record.id);
  }
}

const PREFIX = 'swr-console:deletions:';
const DUE = `${PREFIX}due`;
const RUNNING = `${PREFIX}running`;
const recordKey = (id: string) => `${PREFIX}record:${id}`;
const accountKey = (accountId: string) => `${PREFIX}account:${accountId}`;

/**
 * Moves running deletions whose lease is over back to due, then takes the due ones (up to a
 * limit) into running with a new lease. One script: two replicas never take the same deletion.
 */
const CLAIM = `
local stale = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[1])
for _, id in ipairs(stale) do
  redis.call('ZREM', KEYS[2], id)
  redis.call('ZADD', KEYS[1], ARGV[1], id)
end
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(due) do
  redis.call('ZREM', KEYS[1], id)
  redis.call('ZADD', KEYS[2], ARGV[2], id)
end
return due
`;

/**
 * The same in Redis, for replicas: a sorted set of due deletions (by when) and one of running
 * ones (by lease); whoever removes an id from "due" first owns the transition.
 */
export class RedisDeletionStore implements DeletionStore {
  constructor(private readonly client: RedisClientType) {}

  private async read(id: string): Promise<DeletionRecord | undefined> {
    const raw = await this.client.get(recordKey(id));
    return raw ? (JSON.parse(raw) as DeletionRecord) : undefined;
  }

  private write(record: DeletionRecord, ttlMs?: number) {
    const raw = JSON.stringify(record);
    return ttlMs === undefined
      ? this.client.set(recordKey(record.id), raw)
      : this.client.set(recordKey(record.id), raw, { PX: ttlMs });
  }

  async add(record: DeletionRecord): Promise<void> {
    await this.client
      .multi()
      .set(recordKey(record.id), JSON.stringify(record))
      .zAdd(DUE, { score: record.executeAt, value: record.id })
      .zAdd(accountKey(record.accountId), { score: record.createdAt, value: record.id })
      .exec();
  }

  get(id: string): Promise<DeletionRecord | undefined> {
    return this.read(id);
  }

  async listAccount(accountId: string, now: number): Promise<DeletionRecord[]> {
    const ids = await this.client.zRange(accountKey(accountId), 0, -1);
    if (ids.length === 0) return [];
    const raws = await this.client.mGet(ids.map(recordKey));
    const gone = ids.filter((_, i) => !raws[i]);
    if (gone.length > 0) await this.client.zRem(accountKey(accountId), gone);
    return raws
      .flatMap((raw) => (raw ? [JSON.parse(raw) as DeletionRecord] : []))
      .filter((record) => record.finishedAt === undefined || record.finishedAt >= now - KEPT_MS)
      .sort((a, b) => a.executeAt - b.executeAt);
  }

  async undo(id: string, now: number): Promise<boolean> {
    if ((await this.client.zRem(DUE, id)) !== 1) return false;
    const record = await this.read(id);
    if (record) await this.write({ ...record, state: 'undone', finishedAt: now }, RECORD_MS);
    return true;
  }

  async claim(now: number, leaseMs: number, limit: number): Promise<DeletionRecord[]> {
    const ids = (await this.client.eval(CLAIM, {
      keys: [DUE, RUNNING],
      arguments: [String(now), String(now + leaseMs), String(limit)],
    })) as string[];
    const claimed: DeletionRecord[] = [];
    for (const id of ids) {
      const record = await this.read(id);
      if (!record) {
        await this.client.zRem(RUNNING, id);
        continue;
      }
      const running = { ...record, state: 'running' as const };
      await this.write(running);
      claimed.push(running);
    }
    return claimed;
  }

  async finish(record: DeletionRecord): Promise<void> {
    await this.client
      .multi()
      .zRem(RUNNING, record.id)
      .set(recordKey(record.id), JSON.stringify(record), { PX: RECORD_MS })
      .exec();
  }

  async postpone(record: DeletionRecord): Promise<void> {
    await this.client
      .multi()
      .zRem(RUNNING, record.id)
      .set(recordKey(record.id), JSON.stringify({ ...record, state: 'pending' }))
      .zAdd(DUE, { score: record.executeAt, value: record.id })
      .exec();
  }
}
