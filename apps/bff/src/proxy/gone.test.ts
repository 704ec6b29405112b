import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, sandbox, sandboxUser, startBff, type RunningBff } from '../testing/harness.js';
import { hostileUpstream } from '../testing/hostile-upstream.js';
import { SqliteSessionStore } from '../session/store.js';

/** A session store that takes its time to answer, as a distant Redis does. */
class SlowStore extends SqliteSessionStore {
  override async get(id: string) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    return super.get(id);
  }
}

let upstream: Awaited<ReturnType<typeof hostileUpstream>>;
let bff: RunningBff;
let browser: Browser;

beforeAll(async () => {
  upstream = await hostileUpstream();
  upstream.state.behaviour = 'big';
  const endpoints = sandbox();
  bff = await startBff({
    store: new SlowStore(path.join(mkdtempSync(path.join(tmpdir(), 'slow-')), 's.db')),
    limits: { socketsPerOrigin: 4, perSession: 4 },
    topology: {
      iam: endpoints.iam,
      regions: endpoints.regions.map((r) =>
        r.id === 'ap-southeast-1' ? { ...r, api: upstream.url } : r,
      ),
    },
  });
  browser = new Browser(bff.url);
  await browser.signInWithKey(sandboxUser());
});
afterAll(async () => {
  await bff?.stop();
  await upstream?.close();
});

/** A call whose browser hangs up after `ms`, whatever stage the call is at. */
function abandoned(pathname: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const { hostname, port } = new URL(bff.url);
    const call = request({
      hostname,
      port,
      path: pathname,
      headers: { cookie: `__Host-swr-console=${browser.cookie}` },
    });
    call.on('error', () => resolve());
    call.on('response', (response) => response.once('data', () => call.destroy()));
    call.on('close', () => resolve());
    call.end();
    setTimeout(() => call.destroy(), ms);
  });
}

describe('when browsers leave before their calls are answered', () => {
  it('then neither the session’s share nor the region’s sockets are kept by the calls they left', async () => {
    const proxied = '/api/swr/ap-southeast-1/v2/manage/namespaces';
    // Gone while the session is still being read, and gone while a 4 MiB answer streams: each
    // ten times, more than the session's share (4) and the region's sockets (4).
    for (let i = 0; i < 10; i++) await abandoned(proxied, 50);
    for (let i = 0; i < 10; i++) await abandoned(proxied, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    upstream.state.behaviour = 'answer';
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => browser.request('GET', proxied)),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
  });
});
