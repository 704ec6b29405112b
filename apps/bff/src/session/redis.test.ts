import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Browser, sandboxUser, startBff, type RunningBff } from '../testing/harness.js';
import { RedisSessionStore } from './store.js';
import { randomBytes } from 'node:crypto';
import { Vault } from './vault.js';

// Debian's redis-server, started for this file: two BFF replicas share their sessions through it.
let redis: ChildProcess;
let url: string;
const replicas: RunningBff[] = [];
const stores: RedisSessionStore[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  url = `redis://127.0.0.1:${port}`;
  redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      stores.push(await RedisSessionStore.connect(url));
      break;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  stores.push(await RedisSessionStore.connect(url));
  // Replicas share the credentials key, as they would share it through their configuration.
  const vault = new Vault(randomBytes(32));
  for (const store of stores) replicas.push(await startBff({ store, vault, undoWindowMs: 800 }));
});

afterAll(async () => {
  for (const replica of replicas) await replica.stop();
  for (const store of stores) await store.close().catch(() => undefined);
  redis?.kill('SIGTERM');
});

describe('sessions in Redis', () => {
  it('when signed in through one replica, then the other serves the same session, and signing out ends it on both', async () => {
    const [a, b] = replicas as [RunningBff, RunningBff];
    const browser = new Browser(a.url);
    await browser.signInWithKey(sandboxUser());

    const onB = new Browser(b.url);
    onB.cookie = browser.cookie;
    onB.csrf = browser.csrf;
    expect((await onB.request('GET', '/api/session')).json()).toMatchObject({
      user: { name: 'swr-demo' },
    });
    expect((await onB.request('GET', '/api/swr/cn-north-4/v2/manage/namespaces')).status).toBe(200);

    expect((await onB.request('DELETE', '/api/session')).status).toBe(204);
    expect((await browser.request('GET', '/api/session')).status).toBe(401);
  });

  it('when records are audited on different replicas, then one log holds them all', async () => {
    const [a, b] = replicas as [RunningBff, RunningBff];
    const first = new Browser(a.url);
    await first.signInWithKey(sandboxUser('ops-admin'));
    const second = new Browser(b.url);
    await second.signInWithKey(sandboxUser('ops-admin'));
    const page = (await second.request('GET', '/api/audit?limit=5')).json<{
      entries: { action: string; userName: string }[];
    }>();
    expect(
      page.entries.filter((e) => e.action === 'SignIn' && e.userName === 'ops-admin').length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('when a session expires in Redis, then it is gone', async () => {
    const browser = new Browser(replicas[0]!.url);
    await browser.signInWithKey(sandboxUser());
    const store = stores[0]!;
    const record = (await store.get(browser.cookie!))!;
    await store.set(browser.cookie!, record, 1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await store.get(browser.cookie!)).toBeUndefined();
  });

  it('when Redis stops answering, then calls get a quick 503 instead of hanging, and work again once it is back', async () => {
    const browser = new Browser(replicas[0]!.url);
    await browser.signInWithKey(sandboxUser());
    redis.kill('SIGSTOP'); // silent: connected, but answering nothing
    try {
      const started = Date.now();
      const answer = await browser.request('GET', '/api/swr/cn-north-4/v2/manage/namespaces');
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(answer.json()).toMatchObject({ code: 'SESSION_STORE_DOWN' });
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      redis.kill('SIGCONT');
    }
    expect((await browser.request('GET', '/api/swr/cn-north-4/v2/manage/namespaces')).status).toBe(
      200,
    );
  });
});

describe('deletions held in Redis', () => {
  const api = '/api/swr/cn-north-4/v2/manage/namespaces';
  const org = `redis-held-${randomBytes(3).toString('hex')}`;

  async function replicaBrowsers(): Promise<[Browser, Browser]> {
    const [a, b] = replicas as [RunningBff, RunningBff];
    const onA = new Browser(a.url);
    await onA.signInWithKey(sandboxUser());
    const onB = new Browser(b.url);
    onB.cookie = onA.cookie;
    onB.csrf = onA.csrf;
    return [onA, onB];
  }

  async function hold(browser: Browser, name: string): Promise<string> {
    await browser.request('POST', `${api}/${org}/repos`, {
      body: { repository: name, is_public: false, category: 'other' },
    });
    const answer = await browser.request('DELETE', `${api}/${org}/repos/${name}`, {
      headers: { prefer: 'undo' },
    });
    expect(answer.status, answer.text).toBe(202);
    return answer.json<{ deletion: { id: string } }>().deletion.id;
  }

  it('when held through one replica, then the other lists it and can undo it', async () => {
    const [onA, onB] = await replicaBrowsers();
    await onA.request('POST', api, { body: { namespace: org } });
    const id = await hold(onA, 'kept');
    const listed = (await onB.request('GET', '/api/deletions')).json<{
      deletions: { id: string; state: string }[];
    }>().deletions;
    expect(listed).toContainEqual(expect.objectContaining({ id, state: 'pending' }));
    expect((await onB.request('POST', `/api/deletions/${id}/undo`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await onA.request('GET', `${api}/${org}/repos/kept`)).status).toBe(200);
  });

  afterAll(async () => {
    const [onA] = await replicaBrowsers();
    await onA.request('DELETE', `${api}/${org}/repos/kept`);
    await onA.request('DELETE', `${api}/${org}`);
  });

  it('when both replicas look for due deletions, then each one is sent exactly once', async () => {
    const [onA, onB] = await replicaBrowsers();
    const ids = await Promise.all(['r1', 'r2', 'r3', 'r4'].map((name) => hold(onA, name)));
    const deadline = Date.now() + 10_000;
    let states: { id: string; state: string }[] = [];
    while (Date.now() < deadline) {
      states = (await onB.request('GET', '/api/deletions'))
        .json<{
          deletions: { id: string; state: string }[];
        }>()
        .deletions.filter((d) => ids.includes(d.id));
      if (states.length === 4 && states.every((d) => d.state === 'done')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(states.map((d) => d.state)).toEqual(['done', 'done', 'done', 'done']);
    const runs = (await onA.request('GET', '/api/audit?limit=200'))
      .json<{ entries: { requestId: string }[] }>()
      .entries.filter((e) => ids.some((id) => e.requestId === `deletion:${id}`));
    expect(runs).toHaveLength(4);
  });
});

describe('two BFF processes on one Redis', () => {
  it('when a session is made by one process, then the other serves it', async () => {
    const server = fileURLToPath(new URL('../server.ts', import.meta.url));
    const key = randomBytes(32).toString('base64');
    const ports = [await freePort(), await freePort()];
    const processes = ports.map((port) =>
      spawn(process.execPath, ['--import', 'tsx', server], {
        env: {
          ...process.env,
          PORT: String(port),
          LOG_LEVEL: 'warn',
          SESSION_STORE: 'redis',
          REDIS_URL: url,
          CREDENTIALS_KEY: key,
          SWR_LOCAL_ENDPOINTS: inject('swrLocalEndpoints'),
        },
        stdio: 'ignore',
      }),
    );
    try {
      for (const port of ports) {
        const deadline = Date.now() + 20_000;
        while (
          !(await fetch(`http://127.0.0.1:${port}/healthz`)
            .then((r) => r.ok)
            .catch(() => false))
        ) {
          if (Date.now() > deadline) throw new Error('BFF process did not start');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      const first = new Browser(`http://127.0.0.1:${ports[0]}`);
      await first.signInWithKey(sandboxUser('dev-reader'));
      const second = new Browser(`http://127.0.0.1:${ports[1]}`);
      second.cookie = first.cookie;
      expect((await second.request('GET', '/api/session')).json()).toMatchObject({
        user: { name: 'dev-reader' },
      });
      expect((await second.request('GET', '/api/swr/cn-north-4/v2/manage/namespaces')).status).toBe(
        200,
      );
    } finally {
      for (const child of processes) child.kill('SIGTERM');
    }
  }, 60_000);
});
