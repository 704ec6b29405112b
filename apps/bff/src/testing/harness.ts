import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import {
  readSandboxEndpoints,
  sandboxUsers,
  type SandboxEndpoints,
  type SandboxUser,
} from '@swr-console/contracts/sandbox';
import { inject } from 'vitest';
import { createApp, type AppDeps } from '../app.js';
import type { Deletions } from '../deletions/deletions.js';
import { listen } from '../listen.js';
import { createLogger } from '../logger.js';
import type { Topology } from '../regions.js';
import { SESSION_COOKIE } from '../session/sessions.js';
import { SqliteSessionStore, type SessionStore } from '../session/store.js';
import { Vault } from '../session/vault.js';

export type { SandboxUser };

/** The sandbox as the BFF's tests use it: its endpoints file, with the regions as a Topology has them. */
export type SandboxSetup = Omit<SandboxEndpoints, 'regions'> & Topology;

/**
 * The swr-local every BFF test talks to (started once by the global setup), as the local profile
 * reads it: the key service answers on each region's API port.
 */
export function sandbox(): SandboxSetup {
  const endpoints = readSandboxEndpoints(inject('swrLocalEndpoints'));
  return { ...endpoints, regions: endpoints.regions.map((r) => ({ ...r, kms: r.api })) };
}

/** A seeded user of the sandbox: the account's root unless named. */
export function sandboxUser(name?: string, account = 0): SandboxUser {
  const domain = sandbox().accounts[account]!.domain_name;
  const all = sandboxUsers(sandbox()).filter((user) => user.account === domain);
  const found = name === undefined ? all[0] : all.find((user) => user.name === name);
  if (!found) throw new Error(`no sandbox user ${name}`);
  return found;
}

export interface RunningBff {
  url: string;
  store: SessionStore;
  /** Every log line the BFF wrote, for tests that check what never appears in them. */
  logs: string[];
  stop(): Promise<void>;
}

export async function startBff(overrides: Partial<AppDeps> = {}): Promise<RunningBff> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const store =
    overrides.store ??
    new SqliteSessionStore(path.join(mkdtempSync(path.join(tmpdir(), 'bff-')), 'sessions.db'));
  const endpoints = sandbox();
  const app = createApp({
    topology: {
      iam: endpoints.iam,
      regions: endpoints.regions,
      sandboxUsers: endpoints.accounts.flatMap((account) =>
        account.users.map((u) => ({
          account: account.domain_name,
          name: u.name,
          admin: u.admin,
          accessKey: u.access_key,
          secretKey: u.secret_key,
        })),
      ),
    },
    store,
    vault: new Vault(randomBytes(32)),
    log: createLogger('debug', sink),
    webDir: mkdtempSync(path.join(tmpdir(), 'web-')),
    idleSeconds: 1800,
    maxSeconds: 12 * 3600,
    upstreamTimeoutMs: 5000,
    maxBodyBytes: 1024 * 1024,
    signInAttempts: 10,
    trustProxy: false,
    insecureRegistries: true,
    ...overrides,
  });
  const server: Server = await listen(app, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    store,
    logs,
    async stop() {
      (app.locals.deletions as Deletions).stop();
      await new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      });
      if (!overrides.store) await store.close();
    },
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: <T = Record<string, unknown>>() => T;
}

/**
 * A browser as far as the BFF can tell: it keeps the session cookie, sends this origin, and
 * echoes the CSRF token on changes (unless a test says not to).
 */
export class Browser {
  cookie: string | undefined;
  csrf: string | undefined;
  /** Every answer this browser received, for tests that check what never appears in them. */
  readonly seen: Answer[] = [];

  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    options: {
      body?: unknown;
      raw?: string | Buffer;
      headers?: Record<string, string>;
      csrf?: boolean;
      origin?: string | null;
    } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (this.cookie) headers.cookie = `${SESSION_COOKIE}=${this.cookie}`;
    if (options.origin !== null) headers.origin = options.origin ?? this.baseUrl;
    if (options.csrf !== false && this.csrf && !['GET', 'HEAD'].includes(method))
      headers['x-csrf-token'] = this.csrf;
    let body: string | Buffer | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body,
      redirect: 'manual',
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = pair!.split('=');
      if (name === SESSION_COOKIE) this.cookie = value || undefined;
    }
    const text = await response.text();
    const answer: Answer = {
      status: response.status,
      headers: response.headers,
      text,
      json: <T>() => JSON.parse(text) as T,
    };
    this.seen.push(answer);
    return answer;
  }

  async fetchCsrf(): Promise<void> {
    this.csrf = (await this.request('GET', '/api/csrf')).json<{ csrfToken: string }>().csrfToken;
  }

  async signIn(body: Record<string, unknown>): Promise<Answer> {
    if (!this.csrf) await this.fetchCsrf();
    const answer = await this.request('POST', '/api/session', { body });
    if (answer.status === 201) this.csrf = answer.json<{ csrfToken: string }>().csrfToken;
    return answer;
  }

  signInWithKey(user: SandboxUser): Promise<Answer> {
    return this.signIn({ method: 'aksk', accessKey: user.access_key, secretKey: user.secret_key });
  }
}
