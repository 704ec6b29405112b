import { randomBytes } from 'node:crypto';
import type { Deletion } from '@swr-console/contracts/bff';
import { normalizeError } from '@swr-console/swr-api';
import type { Logger } from 'pino';
import { callUpstream, ERROR_LIMIT, readJson, UpstreamUnavailable } from '../auth/upstream.js';
import { findRegion, type Topology } from '../regions.js';
import type { Identity } from '../session/record.js';
import type { SessionStore } from '../session/store.js';
import type { Credentials, Vault } from '../session/vault.js';
import type { DeletionRecord, DeletionResult, DeletionStore } from './store.js';

/** How often due deletions are looked for. */
const TICK_MS = 250;
/** A replica that took a deletion and went away gives it up after this long. */
const LEASE_MS = 2 * 60_000;
/** Deletions sent at once by one replica. */
const BATCH = 8;
/** Tries while SWR is away (unreachable, 502–504, 429) before the deletion fails. */
const ATTEMPTS = 5;

/** What the browser sees of a held deletion (the contract's): never its credentials or body. */
export function viewOf(record: DeletionRecord): Deletion {
  return {
    id: record.id,
    region: record.region,
    operation: record.operation,
    params: record.params,
    userName: record.userName,
    createdAt: new Date(record.createdAt).toISOString(),
    executeAt: new Date(record.executeAt).toISOString(),
    state: record.state,
    ...(record.result ? { result: record.result } : {}),
  };
}

/** What the proxy knows of a DELETE it was asked to hold. */
export interface HoldRequest {
  identity: Identity;
  credentials: Credentials;
  region: string;
  projectId: string;
  operation: string;
  params: Record<string, string>;
  service: 'swr' | 'kms';
  path: string;
  body: string;
}

export class UndoRefused extends Error {
  constructor(readonly reason: 'not-found' | 'forbidden' | 'started') {
    super(reason);
  }
}

export interface DeletionsOptions {
  store: SessionStore;
  vault: Vault;
  topology: Topology;
  windowMs: number;
  timeoutMs: number;
  log: Logger;
  now?: () => number;
}

/**
 * Deletions held for an undo window before they reach SWR. The record is in the BFF's store (SQLite,
 * or Redis shared by replicas) from the moment it is accepted, so a closed tab, a restart or another
 * replica neither loses nor repeats it; every replica runs what is due, each deletion once.
 */
export class Deletions {
  private readonly held: DeletionStore;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  constructor(private readonly options: DeletionsOptions) {
    this.held = options.store.deletions();
    this.now = options.now ?? Date.now;
  }

  get windowMs(): number {
    return this.options.windowMs;
  }

  /** Accepts a deletion for later; the same one asked for twice is held once. */
  async hold(request: HoldRequest): Promise<DeletionRecord> {
    const now = this.now();
    const waiting = (await this.held.listAccount(request.identity.accountId, now)).find(
      (record) =>
        record.state === 'pending' &&
        record.region === request.region &&
        record.operation === request.operation &&
        record.path === request.path &&
        record.body === request.body,
    );
    if (waiting) return waiting;
    const id = randomBytes(16).toString('base64url');
    const record: DeletionRecord = {
      id,
      accountId: request.identity.accountId,
      userId: request.identity.userId,
      userName: request.identity.userName,
      region: request.region,
      projectId: request.projectId,
      operation: request.operation,
      params: request.params,
      service: request.service,
      path: request.path,
      body: request.body,
      createdAt: now,
      executeAt: now + this.options.windowMs,
      state: 'pending',
      attempts: 0,
      sealed: this.options.vault.seal(`deletion:${id}`, request.credentials),
    };
    await this.held.add(record);
    return record;
  }

  list(accountId: string): Promise<DeletionRecord[]> {
    return this.held.listAccount(accountId, this.now());
  }

  /** Undoes a held deletion: by whoever asked for it, or an administrator of the account. */
  async undo(id: string, identity: Identity): Promise<DeletionRecord> {
    const record = await this.held.get(id);
    if (!record || record.accountId !== identity.accountId) throw new UndoRefused('not-found');
    if (record.userId !== identity.userId && !identity.admin) throw new UndoRefused('forbidden');
    if (record.state === 'undone') return record;
    const now = this.now();
    if (!(await this.held.undo(id, now))) throw new UndoRefused('started');
    return { ...record, state: 'undone', finishedAt: now };
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Sends what is due. Never throws: a store that is away is tried again next tick. */
  async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const due = await this.held.claim(this.now(), LEASE_MS, BATCH);
      await Promise.all(due.map((record) => this.run(record)));
    } catch (error) {
      this.options.log.warn({ err: error }, 'held deletions could not be read; trying again');
    } finally {
      this.busy = false;
    }
  }

  private async run(record: DeletionRecord): Promise<void> {
    const result = await this.send(record);
    const attempts = record.attempts + 1;
    const away = result.status === 0 || result.status === 429 || result.status >= 502;
    try {
      if (away && attempts < ATTEMPTS) {
        await this.held.postpone({
          ...record,
          attempts,
          result,
          executeAt: this.now() + 5_000 * attempts,
        });
        return;
      }
      // Gone already (404) is what was wanted: done, with SWR's answer kept.
      const ok = (result.status >= 200 && result.status < 300) || result.status === 404;
      const finished: DeletionRecord = {
        ...record,
        attempts,
        result,
        state: ok ? 'done' : 'failed',
        finishedAt: this.now(),
      };
      await this.held.finish(finished);
      await this.options.store.audit({
        at: new Date(finished.finishedAt!).toISOString(),
        accountId: record.accountId,
        userId: record.userId,
        userName: record.userName,
        method: 'DELETE',
        action: record.operation,
        target: `${record.region}${record.path.split('?')[0]}`,
        status: result.status,
        requestId: `deletion:${record.id}`,
        ip: '',
      });
    } catch (error) {
      // The lease runs out and the deletion is taken again; SWR answers 404 then, which is done.
      this.options.log.error(
        { err: error, deletion: record.id },
        'a held deletion lost its result',
      );
    }
  }

  private async send(record: DeletionRecord): Promise<DeletionResult> {
    const credentials = this.options.vault.open(`deletion:${record.id}`, record.sealed);
    if (!credentials)
      return { status: 401, code: 'SESSION_INVALID', message: 'The held credentials do not open.' };
    const region = findRegion(this.options.topology, record.region);
    if (!region)
      return {
        status: 400,
        code: 'UNKNOWN_REGION',
        message: `${record.region} is not configured.`,
      };
    const base = record.service === 'kms' ? region.kms : region.api;
    try {
      const response = await callUpstream(credentials, {
        method: 'DELETE',
        url: `${base}${record.path}`,
        body: record.body || undefined,
        projectId: record.projectId,
        region: record.region,
        timeoutMs: this.options.timeoutMs,
      });
      if (response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return { status: response.status };
      }
      const problem = normalizeError(await readJson(response, ERROR_LIMIT));
      return {
        status: response.status,
        ...(problem.code ? { code: problem.code } : {}),
        ...(problem.message ? { message: problem.message } : {}),
      };
    } catch (error) {
      if (error instanceof UpstreamUnavailable)
        return { status: 0, code: 'UPSTREAM_UNREACHABLE', message: 'SWR could not be reached.' };
      return { status: 0, code: 'UPSTREAM_FAILED', message: (error as Error).message };
    }
  }
}
