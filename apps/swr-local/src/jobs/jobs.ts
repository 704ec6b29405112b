import type { Logger } from 'pino';
import type { Db } from '../db/database.js';

export interface JobRow {
  id: number;
  kind: string;
  payload: string;
  attempts: number;
}

export interface SyncJobRow {
  id: number;
  repository_id: number;
  tag: string;
  remote_region: string;
  remote_namespace: string;
  override: number;
  attempts: number;
  operator_id: string;
  operator_name: string;
}

export interface JobRunners {
  /**
   * Background work by kind (retention runs, …). Throwing means "try again later". `shutdown` is
   * aborted when swr-local stops: a long job should then give up at once and throw, leaving what
   * it did stored, so that it is run again, from there, at the next start.
   */
  run(kind: string, payload: unknown, shutdown: AbortSignal): Promise<void>;
  /** One manual or automatic sync of a tag; the final status, or a throw with the reason. */
  sync(job: SyncJobRow): Promise<'success' | 'existed'>;
}

const MAX_ATTEMPTS = 3;
/**
 * A job that met a registry being restarted is tried again for longer, with pauses up to 30 s,
 * since the restart will end; only then does it fail.
 */
const MAX_TRANSIENT_ATTEMPTS = 10;
const LONGEST_PAUSE_MS = 30_000;

/** Whether another try is in order, and when. */
function nextTry(attempts: number, error: unknown, now: Date): { again: boolean; at: Date } {
  const failure = error as { permanent?: boolean; transient?: boolean };
  const limit = failure.transient ? MAX_TRANSIENT_ATTEMPTS : MAX_ATTEMPTS;
  return {
    again: !failure.permanent && attempts < limit,
    at: new Date(now.getTime() + Math.min(1000 * 2 ** attempts, LONGEST_PAUSE_MS)),
  };
}
const POLL_MS = 500;

/**
 * Durable background work: every job is a row in SQLite, picked up by a small pool of workers,
 * retried with backoff, and resumed after a restart (a job that was running goes back to waiting;
 * each runner is idempotent, so running it again is safe).
 *
 * Kinds whose jobs wait on other machines (a replication target, a webhook receiver) have lanes of
 * their own: however long those wait, the shared workers go on with scans, retention and the rest.
 */
export class Jobs {
  private runners: JobRunners | undefined;
  /** Jobs in hand, by lane ('' is the shared pool). */
  private readonly active = new Map<string, number>();
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  private readonly idle = new Set<() => void>();
  private readonly shutdown = new AbortController();

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly clock: () => Date,
    private readonly concurrency = 2,
    /** Workers of each kind that has a lane of its own, beside the shared ones. */
    private readonly lanes: Readonly<Record<string, number>> = {},
  ) {}

  private get inHand(): number {
    let total = 0;
    for (const count of this.active.values()) total += count;
    return total;
  }

  start(runners: JobRunners): void {
    this.runners = runners;
    const at = this.clock().toISOString();
    this.db
      .prepare("UPDATE jobs SET status = 'waiting', updated_at = ? WHERE status = 'running'")
      .run(at);
    this.db
      .prepare("UPDATE sync_jobs SET status = 'waiting', updated_at = ? WHERE status = 'running'")
      .run(at);
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.timer.unref();
    this.wake();
  }

  /**
   * Stops taking work, tells the jobs in hand to give up (see {@link JobRunners.run}) and waits
   * for them to end.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.shutdown.abort();
    if (this.inHand > 0) await new Promise<void>((resolve) => this.idle.add(resolve));
  }

  /**
   * Stores a job and starts it when a worker is free. Inside a transaction, pass `wake: false` and
   * call `wake()` once it is committed, so that the job is stored with the change it belongs to.
   */
  enqueue(kind: string, payload: unknown, runAfter: Date = this.clock(), wake = true): void {
    const at = this.clock().toISOString();
    this.db
      .prepare(
        'INSERT INTO jobs (kind, payload, run_after, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(kind, JSON.stringify(payload), runAfter.toISOString(), at, at);
    if (wake) this.wake();
  }

  /** Whether a job of this kind and payload is already waiting (to coalesce repeated triggers). */
  isWaiting(kind: string, payload: unknown): boolean {
    return (
      this.db
        .prepare("SELECT 1 FROM jobs WHERE kind = ? AND payload = ? AND status = 'waiting' LIMIT 1")
        .get(kind, JSON.stringify(payload)) !== undefined
    );
  }

  wake(): void {
    while (!this.stopped) {
      const claimed = this.claim();
      if (!claimed) break;
      const { lane, task } = claimed;
      this.active.set(lane, (this.active.get(lane) ?? 0) + 1);
      void task()
        .catch((error: unknown) => this.log.error({ err: error }, 'job runner failed'))
        .finally(() => {
          this.active.set(lane, this.active.get(lane)! - 1);
          if (this.inHand === 0) {
            for (const resolve of this.idle) resolve();
            this.idle.clear();
          }
          this.wake();
        });
    }
  }

  private hasRoom(lane: string): boolean {
    return (this.active.get(lane) ?? 0) < (lane === '' ? this.concurrency : this.lanes[lane]!);
  }

  private claim(): { lane: string; task: () => Promise<void> } | undefined {
    const at = this.clock().toISOString();
    const shared = this.hasRoom('');
    if (shared) {
      const sync = this.db
        .prepare(
          `UPDATE sync_jobs SET status = 'running', attempts = attempts + 1, updated_at = ?
           WHERE id = (SELECT id FROM sync_jobs WHERE status = 'waiting' AND run_after <= ? ORDER BY id LIMIT 1) RETURNING *`,
        )
        .get(at, at) as SyncJobRow | undefined;
      if (sync) return { lane: '', task: () => this.runSync(sync) };
    }
    const laneKinds = Object.keys(this.lanes);
    const open = laneKinds.filter((kind) => this.hasRoom(kind));
    if (!shared && open.length === 0) return undefined;
    const marks = (kinds: string[]) => kinds.map(() => '?').join(', ');
    const which = [
      ...(open.length > 0 ? [`kind IN (${marks(open)})`] : []),
      ...(shared ? [laneKinds.length > 0 ? `kind NOT IN (${marks(laneKinds)})` : '1'] : []),
    ].join(' OR ');
    const job = this.db
      .prepare(
        `UPDATE jobs SET status = 'running', attempts = attempts + 1, updated_at = ?
         WHERE id = (SELECT id FROM jobs WHERE status = 'waiting' AND run_after <= ? AND (${which}) ORDER BY id LIMIT 1) RETURNING *`,
      )
      .get(at, at, ...open, ...(shared ? laneKinds : [])) as JobRow | undefined;
    if (!job) return undefined;
    const lane = Object.hasOwn(this.lanes, job.kind) ? job.kind : '';
    return { lane, task: () => this.runJob(job) };
  }

  private async runSync(job: SyncJobRow): Promise<void> {
    let status: string;
    let reason = '';
    // A retry waits 2, then 4 seconds: long enough for what failed (a registry that has not
    // linked a pushed tag yet, a restart) to pass.
    let retryAt = this.clock();
    try {
      status = await this.runners!.sync(job);
    } catch (error) {
      reason = (error as Error).message;
      const next = nextTry(job.attempts, error, this.clock());
      status = next.again ? 'waiting' : 'failed';
      retryAt = next.at;
      this.log.warn({ job: job.id, tag: job.tag, reason, status }, 'sync job did not finish');
    }
    this.db
      .prepare(
        'UPDATE sync_jobs SET status = ?, reason = ?, run_after = ?, updated_at = ? WHERE id = ?',
      )
      .run(status, reason, retryAt.toISOString(), this.clock().toISOString(), job.id);
  }

  private async runJob(job: JobRow): Promise<void> {
    try {
      await this.runners!.run(job.kind, JSON.parse(job.payload) as unknown, this.shutdown.signal);
      this.db.prepare('DELETE FROM jobs WHERE id = ?').run(job.id);
    } catch (error) {
      if (this.shutdown.signal.aborted) {
        // Cut short by the stop, not failed: waiting again at the next start, this try not counted.
        this.db
          .prepare(
            "UPDATE jobs SET status = 'waiting', attempts = attempts - 1, updated_at = ? WHERE id = ?",
          )
          .run(this.clock().toISOString(), job.id);
        return;
      }
      const message = (error as Error).message;
      const next = nextTry(job.attempts, error, this.clock());
      const failed = !next.again;
      const retryAt = next.at;
      this.db
        .prepare(
          'UPDATE jobs SET status = ?, last_error = ?, run_after = ?, updated_at = ? WHERE id = ?',
        )
        .run(
          failed ? 'failed' : 'waiting',
          message,
          retryAt.toISOString(),
          this.clock().toISOString(),
          job.id,
        );
      this.log.warn({ job: job.id, kind: job.kind, message, failed }, 'job did not finish');
    }
  }
}

/** A failure that retrying cannot fix (the source tag is gone, the target organization missing). */
export class PermanentJobError extends Error {
  readonly permanent = true;
}
