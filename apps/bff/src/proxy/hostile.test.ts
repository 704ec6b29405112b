import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, sandboxUser } from '../testing/harness.js';
import { HUGE_ERROR_BYTES, hostileUpstream, type Behaviour } from '../testing/hostile-upstream.js';
import { startBffProcess, type BffProcess } from '../testing/process.js';

/** Generous bounds: a hang shows up as a failure here, not as a test that never ends. */
const TIMEOUT_MS = 500;
const WITHIN_MS = 10_000;
const hostileRegion = '/api/swr/ap-southeast-1/v2/manage/namespaces';

async function settled<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

describe('when one session floods the BFF', () => {
  let bff: BffProcess;
  let flooder: Browser;
  let bystander: Browser;

  beforeAll(async () => {
    bff = await startBffProcess();
    flooder = new Browser(bff.url);
    bystander = new Browser(bff.url);
    expect((await flooder.signInWithKey(sandboxUser())).status).toBe(201);
    expect((await bystander.signInWithKey(sandboxUser('ops-admin'))).status).toBe(201);
  });
  afterAll(() => bff?.stop());

  it('then every one of 500 calls at once is answered 2xx, 429 or 503, others are still served, and the process lives', async () => {
    const flood = Array.from({ length: 500 }, (_, i) =>
      flooder.request(
        'GET',
        i % 2 === 0
          ? '/api/swr/cn-north-4/v2/manage/namespaces'
          : '/api/swr/cn-north-4/v2/manage/namespaces/team-web/repos/frontend/tags?limit=5&offset=0',
      ),
    );
    const meanwhile = bystander.request('GET', '/api/swr/cn-north-4/v2/manage/namespaces');
    const answers = await Promise.all(flood);
    const statuses = new Map<number, number>();
    for (const answer of answers)
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    expect(
      [...statuses.keys()].every((status) => [200, 429, 503].includes(status)),
      bff.stderr(),
    ).toBe(true);
    expect(statuses.get(200)).toBeGreaterThan(0);
    const refused = answers.find((answer) => answer.status === 429);
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused?.json()).toMatchObject({ code: 'TOO_MANY_CALLS' });
    expect((await meanwhile).status).toBe(200);
    expect(bff.alive(), bff.stderr()).toBe(true);
    expect((await fetch(`${bff.url}/healthz`)).status).toBe(200);
    // The share is given back: the same session is served again once its calls are answered.
    expect((await flooder.request('GET', '/api/swr/cn-north-4/v2/manage/namespaces')).status).toBe(
      200,
    );
  });
});

describe('when every route is called many times at once', () => {
  let bff: BffProcess;

  beforeAll(async () => {
    bff = await startBffProcess();
  });
  afterAll(() => bff?.stop());

  it('then sign-ins, login commands, audit, IAM and session reads are each answered, and the process lives', async () => {
    const admin = new Browser(bff.url);
    expect((await admin.signInWithKey(sandboxUser())).status).toBe(201);
    const signIns = Array.from({ length: 60 }, () =>
      new Browser(bff.url).signInWithKey(sandboxUser('dev-reader')),
    );
    const calls = Array.from({ length: 200 }, (_, i) =>
      [
        () =>
          admin.request('POST', '/api/login-command', {
            body: { region: 'cn-north-4', kind: 'temporary' },
          }),
        () => admin.request('GET', '/api/audit?limit=5'),
        () => admin.request('GET', '/api/iam/users'),
        () => admin.request('GET', '/api/session'),
      ][i % 4]!(),
    );
    const answers = await Promise.all([...signIns, ...calls]);
    const unexpected = answers.filter((a) => ![200, 201, 429, 503].includes(a.status));
    expect(unexpected.map((a) => `${a.status} ${a.text.slice(0, 120)}`)).toEqual([]);
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThan(0);
    expect(bff.alive(), bff.stderr()).toBe(true);
    expect((await admin.request('GET', '/api/session')).status).toBe(200);
  });
});

describe('when SWR misbehaves', () => {
  let upstream: Awaited<ReturnType<typeof hostileUpstream>>;
  let bff: BffProcess;
  let browser: Browser;

  beforeAll(async () => {
    upstream = await hostileUpstream();
    bff = await startBffProcess({
      regions: { 'ap-southeast-1': upstream.url },
      env: { UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS) },
    });
    browser = new Browser(bff.url);
    expect((await browser.signInWithKey(sandboxUser())).status).toBe(201);
  });
  afterAll(async () => {
    await bff?.stop();
    await upstream?.close();
  });

  /** One call to the hostile region, timed, with the process checked after. */
  async function call(behaviour: Behaviour, method = 'GET') {
    upstream.state.behaviour = behaviour;
    const started = Date.now();
    const outcome = await settled(
      browser.request(
        method,
        hostileRegion,
        method === 'POST' ? { body: { namespace: 'x-y' } } : {},
      ),
    );
    const elapsed = Date.now() - started;
    expect(bff.alive(), bff.stderr()).toBe(true);
    return { ...outcome, elapsed };
  }

  it.each([
    ['silent', 'answers nothing'],
    ['stall-after-headers', 'sends headers and then nothing'],
  ] as const)('when SWR %s (%s), then 504 in time', async (behaviour, _what) => {
    const { value, elapsed } = await call(behaviour);
    expect(value?.status).toBe(504);
    expect(value?.headers.get('content-type')).toContain('application/problem+json');
    expect(value?.json()).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect(elapsed).toBeLessThan(WITHIN_MS);
  });

  it.each([
    ['stall-mid-body', 'stalls in the middle of a body'],
    ['truncate-200', 'closes in the middle of a 200 body'],
  ] as const)(
    'when SWR %s (%s), then the browser never gets a complete-looking answer',
    async (behaviour, _what) => {
      const { value, error, elapsed } = await call(behaviour);
      // Either nothing had been sent yet (a problem), or the response the browser was reading broke off.
      if (value) expect(value.json()).toMatchObject({ code: expect.stringMatching(/^UPSTREAM_/) });
      else expect(error).toBeInstanceOf(Error);
      expect(elapsed).toBeLessThan(WITHIN_MS);
    },
  );

  it('when SWR closes in the middle of an error body, then 502 saying the answer broke off', async () => {
    const { value, elapsed } = await call('truncate-403');
    expect(value?.status).toBe(502);
    expect(value?.json()).toMatchObject({ code: 'UPSTREAM_INCOMPLETE' });
    expect(elapsed).toBeLessThan(WITHIN_MS);
  });

  it('when SWR sends junk after its answer, then the junk is ignored, by this call and the next', async () => {
    const first = await call('junk-after');
    expect(first.value?.status).toBe(200);
    expect(first.value?.json()).toEqual([{ name: 'team-web' }]);
    const second = await call('answer');
    expect(second.value?.status).toBe(200);
    expect(second.value?.json()).toEqual([{ name: 'team-web' }]);
  });

  it('when SWR sends a 48 MiB error body, then the BFF reads only its start and stays small', async () => {
    await call('answer');
    const before = bff.peakMemory();
    const { value, elapsed } = await call('huge-error');
    expect(value?.status).toBe(500);
    expect(value?.headers.get('content-type')).toContain('application/problem+json');
    expect(elapsed).toBeLessThan(WITHIN_MS);
    // Socket buffers hold a few MiB at most; the rest was never taken off the wire.
    expect(upstream.state.hugeBytesAccepted).toBeLessThan(HUGE_ERROR_BYTES / 4);
    expect(bff.peakMemory() - before).toBeLessThan(8 * 1024 * 1024);
  });

  it('when SWR answers with a status that is no HTTP status, then 502, and the process lives', async () => {
    const { value } = await call('bad-status');
    expect(value?.status).toBe(502);
    expect(value?.json()).toMatchObject({ code: 'UPSTREAM_INVALID' });
  });

  it('when SWR resets the connection, then 502 saying SWR could not be reached', async () => {
    const { value } = await call('reset');
    expect(value?.status).toBe(502);
    expect(value?.json()).toMatchObject({ code: 'UPSTREAM_UNREACHABLE' });
  });

  it('when a kept-alive socket was closed by SWR, then a read is sent again on a fresh one and succeeds', async () => {
    upstream.dropConnections();
    await call('reset-when-reused'); // the first request of a new connection: answered
    const before = upstream.state.requests;
    const { value } = await call('reset-when-reused');
    expect(value?.status).toBe(200);
    expect(upstream.state.requests - before).toBe(2);
  });

  it('when a change meets a closed kept-alive socket, then it is not sent again, and the answer says so', async () => {
    upstream.dropConnections();
    await call('reset-when-reused');
    const before = upstream.state.requests;
    const { value } = await call('reset-when-reused', 'POST');
    expect(value?.status).toBe(502);
    expect(value?.json()).toMatchObject({
      code: 'UPSTREAM_RESET',
      detail: expect.stringContaining('not sent again'),
    });
    expect(upstream.state.requests - before).toBe(1);
  });

  it.each(['silent', 'stall-mid-body', 'truncate-200', 'bad-status', 'reset', 'answer'] as const)(
    'when the other region of a comparison %s, then the comparison answers in time and marks that region failed',
    async (behaviour) => {
      upstream.state.behaviour = behaviour;
      const started = Date.now();
      const answer = await browser.request(
        'GET',
        '/api/regions-compare/cn-north-4?against=ap-southeast-1&namespace=team-web',
      );
      expect(bff.alive(), bff.stderr()).toBe(true);
      expect(answer.status, answer.text).toBe(200);
      const { repositories } = answer.json<{
        repositories: { regions: { state: string; problem?: string }[] }[];
      }>();
      expect(repositories.length).toBeGreaterThan(0);
      for (const repository of repositories)
        expect(repository.regions).toEqual([
          expect.objectContaining({ state: 'failed', problem: expect.any(String) }),
        ]);
      expect(Date.now() - started).toBeLessThan(WITHIN_MS);
    },
  );

  it.each(['silent', 'truncate-200', 'reset', 'answer'] as const)(
    'when the region being compared %s, then a 502 or 504 problem, never a 500',
    async (behaviour) => {
      upstream.state.behaviour = behaviour;
      const answer = await browser.request(
        'GET',
        '/api/regions-compare/ap-southeast-1?against=cn-north-4',
      );
      expect(bff.alive(), bff.stderr()).toBe(true);
      expect([502, 504], answer.text).toContain(answer.status);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    },
  );

  it.each(['silent', 'stall-mid-body', 'truncate-200', 'bad-status', 'reset', 'answer'] as const)(
    'when the region SWR %s, then images, retention plans and storage answer a 502 or 504 problem in time, never a 500',
    async (behaviour) => {
      upstream.state.behaviour = behaviour;
      for (const path of [
        '/api/images/ap-southeast-1?namespace=team-web&repository=frontend&reference=latest',
        '/api/retention-plans/ap-southeast-1?template=tag_rule&count=1',
        '/api/storage/ap-southeast-1',
        '/api/storage/ap-southeast-1/freed?namespace=team-web&repository=frontend&tag=latest',
      ]) {
        const started = Date.now();
        const answer = await browser.request('GET', path);
        expect(bff.alive(), bff.stderr()).toBe(true);
        expect([502, 504], `${path}: ${answer.text}`).toContain(answer.status);
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
        expect(Date.now() - started).toBeLessThan(WITHIN_MS);
      }
    },
  );

  it('when SWR is well again, then calls go through', async () => {
    const { value } = await call('answer');
    expect(value?.status).toBe(200);
    expect((await fetch(`${bff.url}/healthz`)).status).toBe(200);
  });
});

describe('when IAM misbehaves at sign-in', () => {
  let upstream: Awaited<ReturnType<typeof hostileUpstream>>;
  let bff: BffProcess;

  beforeAll(async () => {
    upstream = await hostileUpstream();
    bff = await startBffProcess({
      iam: upstream.url,
      env: { UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS) },
    });
  });
  afterAll(async () => {
    await bff?.stop();
    await upstream?.close();
  });

  it.each([
    ['stall-mid-body', 502],
    ['truncate-200', 502],
    ['bad-status', 502],
    ['status-600', 502],
    ['big', 502],
    ['answer', 502],
    ['reset', 502],
    ['huge-error', 502],
    ['huge-401', 401],
  ] as const)(
    'when IAM answers %s, then the sign-in is a %i in time, never a 500',
    async (behaviour, status) => {
      upstream.state.behaviour = behaviour;
      const started = Date.now();
      const answer = await new Browser(bff.url).signInWithKey(sandboxUser());
      expect(Date.now() - started).toBeLessThan(WITHIN_MS);
      expect(answer.status, answer.text).toBe(status);
      expect(answer.json()).toMatchObject({
        code: status === 401 ? 'SIGN_IN_FAILED' : 'UPSTREAM_UNREACHABLE',
      });
      expect(bff.alive(), bff.stderr()).toBe(true);
    },
  );
});
