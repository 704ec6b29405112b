import { request as httpRequest } from 'node:http';
import { verifyRequest } from '@swr-console/apig-signer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, sandbox, sandboxUser, startBff, type RunningBff } from '../testing/harness.js';
import { stubUpstream } from '../testing/stub-upstream.js';

let bff: RunningBff;
let admin: Browser;
const swr = '/api/swr/cn-north-4/v2/manage';

beforeAll(async () => {
  bff = await startBff();
  admin = new Browser(bff.url);
  expect((await admin.signInWithKey(sandboxUser())).status).toBe(201);
});
afterAll(() => bff?.stop());

describe('proxying to SWR', () => {
  it('when a list is read, then SWR’s answer and its Content-Range come through', async () => {
    const answer = await admin.request(
      'GET',
      `${swr}/namespaces/team-web/repos/frontend/tags?limit=2&offset=0`,
    );
    expect(answer.status).toBe(200);
    expect(answer.json<unknown[]>()).toHaveLength(2);
    expect(answer.headers.get('content-range')).toBe('0-2/5');
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('when writes with bodies are sent, then they take effect, DELETE bodies included', async () => {
    expect(
      (await admin.request('POST', `${swr}/namespaces`, { body: { namespace: 'via-bff' } })).status,
    ).toBe(201);
    expect(
      (
        await admin.request('POST', `${swr}/namespaces/via-bff/repos`, {
          body: { repository: 'app/web', is_public: false },
        })
      ).status,
    ).toBe(200);
    const reader = sandboxUser('dev-reader');
    const grant = [{ user_id: reader.id, user_name: reader.name, auth: 1 }];
    expect(
      (await admin.request('POST', `${swr}/namespaces/via-bff/access`, { body: grant })).status,
    ).toBe(200);
    expect(
      (await admin.request('DELETE', `${swr}/namespaces/via-bff/access`, { body: [reader.id] }))
        .status,
    ).toBe(204);
    expect((await admin.request('GET', `${swr}/namespaces/via-bff/access`)).json()).toMatchObject({
      others_auths: [],
    });
    expect((await admin.request('DELETE', `${swr}/namespaces/via-bff/repos/app$web`)).status).toBe(
      204,
    );
    expect((await admin.request('DELETE', `${swr}/namespaces/via-bff`)).status).toBe(204);
  });

  it.each([
    ['POST', `${swr}/namespaces`, { namespace: 'team-web' }, 409, 'SVCSTG.SWR.4090060'],
    ['GET', `${swr}/namespaces/no-such-org`, undefined, 404, 'SVCSTG.SWR.4040058'],
    ['POST', `${swr}/namespaces`, { namespace: 'Bad Name' }, 400, 'SVCSTG.SWR.4001008'],
  ])(
    'when SWR refuses %s %s, then problem details keep SWR’s status, code and message',
    async (method, path, body, status, code) => {
      const answer = await admin.request(method, path, { body });
      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.json()).toMatchObject({
        status,
        code,
        detail: expect.any(String),
        request_id: answer.headers.get('x-request-id'),
      });
    },
  );

  it('when a reader deletes, then SWR’s 403 comes back with its code', async () => {
    const reader = new Browser(bff.url);
    await reader.signInWithKey(sandboxUser('dev-reader'));
    const answer = await reader.request(
      'DELETE',
      `${swr}/namespaces/team-web/repos/frontend/tags/latest`,
    );
    expect(answer.status).toBe(403);
    expect(answer.json()).toMatchObject({ code: 'SVCSTG.SWR.4030170' });
  });

  it('when the region is not configured, then 400 before anything is signed', async () => {
    const answer = await admin.request('GET', '/api/swr/mars-north-1/v2/manage/namespaces');
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: 'UNKNOWN_REGION' });
  });
});

describe('what never reaches SWR', () => {
  let stub: Awaited<ReturnType<typeof stubUpstream>>;
  let routed: RunningBff;
  let browser: Browser;

  beforeAll(async () => {
    stub = await stubUpstream();
    const endpoints = sandbox();
    // ap-southeast-1 (where the user has a project) points at the stub, to see what arrives.
    routed = await startBff({
      topology: {
        iam: endpoints.iam,
        regions: endpoints.regions.map((r) =>
          r.id === 'ap-southeast-1' ? { ...r, api: stub.url } : r,
        ),
      },
    });
    browser = new Browser(routed.url);
    await browser.signInWithKey(sandboxUser());
  });
  afterAll(async () => {
    await routed?.stop();
    await stub?.close();
  });

  it.each([
    '/v2/manage/namespaces/../repos',
    '/v2/manage/namespaces/%2e%2e/repos',
    '/v2/manage/namespaces/a%2Fb',
    '/v2/manage/namespaces/a%5cb',
    '/v2/manage/nothing-like-swr',
    '/v2/manage/utils/secret',
    '/v2/0123/instances/abc/temp-credential',
  ])('when the path is %s, then it is refused and nothing is sent', async (path) => {
    const before = stub.received.length;
    const method = /secret|credential$/.test(path) ? 'POST' : 'GET';
    // A raw request: browsers and fetch would normalise the dot segments away before sending.
    const answer = await rawRequest(routed.url, method, `/api/swr/ap-southeast-1${path}`, {
      cookie: `__Host-swr-console=${browser.cookie}`,
      origin: routed.url,
      'x-csrf-token': browser.csrf!,
    });
    expect([400, 403, 404]).toContain(answer.status);
    expect(answer.contentType).toContain('application/problem+json');
    expect(stub.received.length).toBe(before);
  });

  it('when the body is larger than the limit, then 413 and nothing is sent', async () => {
    const before = stub.received.length;
    const answer = await browser.request('POST', '/api/swr/ap-southeast-1/v2/manage/namespaces', {
      raw: JSON.stringify({ namespace: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(413);
    expect(stub.received.length).toBe(before);
  });

  it('when a call goes through, then SWR receives exactly the signed bytes and none of the browser’s headers', async () => {
    const body = { namespace: 'signed-bytes' };
    await browser.request('POST', '/api/swr/ap-southeast-1/v2/manage/namespaces?x=1', {
      body,
      headers: { 'x-evil': 'yes' },
    });
    const got = stub.received.at(-1)!;
    expect(got.url).toBe('/v2/manage/namespaces?x=1');
    expect(got.body.toString()).toBe(JSON.stringify(body));
    for (const name of ['cookie', 'origin', 'x-csrf-token', 'x-evil', 'x-forwarded-for'])
      expect(got.headers[name]).toBeUndefined();
    const root = sandboxUser();
    const headers = Object.fromEntries(Object.entries(got.headers).map(([k, v]) => [k, String(v)]));
    const verified = await verifyRequest(
      { method: got.method, url: got.url, headers, body: got.body },
      (ak) => (ak === root.access_key ? root.secret_key : undefined),
    );
    expect(verified).toEqual({ ok: true, accessKey: root.access_key });
    expect(headers['x-project-id']).toBe(root.projects['ap-southeast-1']);
  });

  it('when a key service call is made, then it goes to the region’s key service, not to SWR', async () => {
    const project = sandboxUser().projects['ap-southeast-1']!;
    const before = stub.received.length;
    const keys = await browser.request(
      'POST',
      `/api/swr/ap-southeast-1/v1.0/${project}/kms/list-keys`,
      { body: {} },
    );
    expect(keys.status).toBe(200);
    expect(stub.received.length).toBe(before);
    await browser.request('GET', `/api/swr/ap-southeast-1/v2/${project}/instances`);
    expect(stub.received.at(-1)!.url).toBe(`/v2/${project}/instances`);
  });

  it('when SWR answers with headers of its own, then only the allowed ones reach the browser', async () => {
    const answer = await browser.request('GET', '/api/swr/ap-southeast-1/v2/manage/namespaces');
    expect(answer.headers.get('content-range')).toBe('0-0/0');
    expect(answer.headers.get('x-internal-debug')).toBeNull();
    expect(answer.headers.getSetCookie().some((c) => c.startsWith('upstream='))).toBe(false);
  });
});

describe('when SWR is slow or gone', () => {
  it('when SWR hangs, then 504 within the timeout, and the BFF keeps serving', async () => {
    const stub = await stubUpstream('hang');
    const endpoints = sandbox();
    const slow = await startBff({
      upstreamTimeoutMs: 500,
      topology: {
        iam: endpoints.iam,
        regions: endpoints.regions.map((r) =>
          r.id === 'ap-southeast-1' ? { ...r, api: stub.url } : r,
        ),
      },
    });
    try {
      const browser = new Browser(slow.url);
      await browser.signInWithKey(sandboxUser());
      const started = Date.now();
      const answer = await browser.request('GET', '/api/swr/ap-southeast-1/v2/manage/namespaces');
      expect(answer.status).toBe(504);
      expect(answer.json()).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(
        (await browser.request('GET', '/api/swr/cn-north-4/v2/manage/namespaces')).status,
      ).toBe(200);
    } finally {
      await slow.stop();
      await stub.close();
    }
  });

  it('when SWR is gone, then 502 and no crash', async () => {
    const stub = await stubUpstream();
    const endpoints = sandbox();
    const orphaned = await startBff({
      topology: {
        iam: endpoints.iam,
        regions: endpoints.regions.map((r) =>
          r.id === 'ap-southeast-1' ? { ...r, api: stub.url } : r,
        ),
      },
    });
    try {
      const browser = new Browser(orphaned.url);
      await browser.signInWithKey(sandboxUser());
      await stub.close();
      const answer = await browser.request('GET', '/api/swr/ap-southeast-1/v2/manage/namespaces');
      expect(answer.status).toBe(502);
      expect(answer.json()).toMatchObject({ code: 'UPSTREAM_UNREACHABLE' });
      expect((await browser.request('GET', '/api/session')).status).toBe(200);
    } finally {
      await orphaned.stop();
    }
  });
});

function rawRequest(base: string, method: string, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; contentType: string }>((resolve, reject) => {
    const { hostname, port } = new URL(base);
    // Options, not a URL string: a URL would be normalised, the path must go out as written.
    const request = httpRequest({ hostname, port, path, method, headers }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: String(response.headers['content-type']),
        }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}
