import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, sandboxUser } from './testing/harness.js';
import { hostileUpstream } from './testing/hostile-upstream.js';
import { startBffProcess } from './testing/process.js';

let upstream: Awaited<ReturnType<typeof hostileUpstream>>;
beforeAll(async () => {
  upstream = await hostileUpstream();
});
afterAll(() => upstream?.close());

const slowCall = '/api/swr/ap-southeast-1/v2/manage/namespaces';

describe('shutting down', () => {
  it('when SIGTERM arrives during a call, then that call is answered, new connections are refused, and the process exits 0', async () => {
    const bff = await startBffProcess({ regions: { 'ap-southeast-1': upstream.url } });
    const browser = new Browser(bff.url);
    await browser.signInWithKey(sandboxUser());
    upstream.state.behaviour = 'slow';
    const inFlight = browser.request('GET', slowCall);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const exited = bff.stop('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(fetch(`${bff.url}/healthz`)).rejects.toThrow();
    expect((await inFlight).status).toBe(200);
    expect(await exited).toBe(0);
  });

  it('when a call outlasts the grace period, then its connection is closed and the process still exits', async () => {
    const bff = await startBffProcess({
      regions: { 'ap-southeast-1': upstream.url },
      env: { SHUTDOWN_GRACE_MS: '300', UPSTREAM_TIMEOUT_MS: '60000' },
    });
    const browser = new Browser(bff.url);
    await browser.signInWithKey(sandboxUser());
    upstream.state.behaviour = 'silent';
    const stuck = browser.request('GET', slowCall).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    const code = await bff.stop('SIGTERM');
    expect(code).not.toBeNull();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await stuck).toBeInstanceOf(Error);
  });
});
