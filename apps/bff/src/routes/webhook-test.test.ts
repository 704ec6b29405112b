import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Browser, sandbox, sandboxUser, startBff, type RunningBff } from '../testing/harness.js';
import { closeReceivers, rawPeer, receiver } from '../testing/receivers.js';

// The test event: sent by the BFF to a receiver on loopback (the sandbox profile allows it),
// signed as SWR signs its deliveries; refused where it may not go; bounded in time and number.

let bff: RunningBff;
beforeAll(async () => {
  bff = await startBff();
});
afterAll(() => bff?.stop());
afterEach(() => closeReceivers());

const SECRET = 'Bearer s3cret-token-value';
const AUTH_HEADER = `Authorization:${SECRET};X-Team:platform-team`;

async function admin(url = bff.url): Promise<Browser> {
  const browser = new Browser(url);
  expect((await browser.signInWithKey(sandboxUser())).status).toBe(201);
  return browser;
}

function sendTest(browser: Browser, target: Record<string, unknown>, namespace = 'platform') {
  return browser.request('POST', '/api/webhook-test', {
    body: { target: { type: 'http', address_type: 'internal', ...target }, namespace },
  });
}

interface Result {
  ok: boolean;
  status_code?: number;
  response_excerpt: string;
  error?: string;
  duration_ms: number;
  delivery_id: string;
}

describe('sending a test event', () => {
  it('when an administrator sends one, then the receiver gets a PUSH_ARTIFACT event with the X-Swr headers and a signature it can verify', async () => {
    const hook = await receiver((_, res) => res.writeHead(200).end('thanks'));
    const browser = await admin();
    const answer = await sendTest(browser, {
      address: hook.address,
      auth_header: AUTH_HEADER,
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const result = answer.json<Result>();
    expect(result).toMatchObject({ ok: true, status_code: 200, response_excerpt: 'thanks' });

    expect(hook.received).toHaveLength(1);
    const [{ headers, body, path }] = hook.received as [(typeof hook.received)[0]];
    expect(path).toBe('/hook');
    expect(headers.authorization).toBe(SECRET);
    expect(headers['x-team']).toBe('platform-team');
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-swr-event']).toBe('PUSH_ARTIFACT');
    expect(headers['x-swr-delivery']).toBe(result.delivery_id);
    const timestamp = String(headers['x-swr-timestamp']);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(30);
    const expected = createHmac('sha256', AUTH_HEADER).update(`${timestamp}.${body}`).digest('hex');
    expect(headers['x-swr-signature-256']).toBe(`sha256=${expected}`);
    const event = JSON.parse(body) as {
      type: string;
      operator: string;
      event_data: { resources: { tag: string; digest: string }[]; repository: unknown };
    };
    expect(event.type).toBe('PUSH_ARTIFACT');
    expect(event.operator).toBe(sandboxUser().name);
    expect(event.event_data.resources[0]!.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(event.event_data.repository).toMatchObject({
      namespace: 'platform',
      repo_full_name: 'platform/webhook-test',
    });

    // The header's values went to the receiver only: not answered, logged or audited.
    const audit = (await browser.request('GET', '/api/audit')).json<{
      entries: { action: string; target: string }[];
    }>();
    expect(audit.entries[0]).toMatchObject({
      action: 'WebhookTest',
      target: new URL(hook.address).origin,
    });
    for (const text of [answer.text, JSON.stringify(audit), bff.logs.join('\n')])
      expect(text).not.toContain('s3cret');
  });

  it('when there are no headers, then nothing is signed', async () => {
    const hook = await receiver();
    const result = (await sendTest(await admin(), { address: hook.address })).json<Result>();
    expect(result.ok).toBe(true);
    expect(hook.received[0]!.headers['x-swr-signature-256']).toBeUndefined();
    expect(hook.received[0]!.headers['x-swr-delivery']).toBe(result.delivery_id);
  });

  it('when the receiver answers with the header it was sent, then the answer shows it masked', async () => {
    const hook = await receiver((one, res) =>
      res.writeHead(401).end(`refused ${String(one.headers.authorization)}`),
    );
    const result = (
      await sendTest(await admin(), { address: hook.address, auth_header: AUTH_HEADER })
    ).json<Result>();
    expect(result).toMatchObject({
      ok: false,
      status_code: 401,
      response_excerpt: 'refused *****',
    });
  });

  it('when a value would be cut at the excerpt’s end, or comes back escaped in JSON, then none of it shows', async () => {
    const quoted = 'tok"en\\value';
    const hook = await receiver((one, res) =>
      res.end(
        `${JSON.stringify({ echoed: one.headers['x-key'] })}${'x'.repeat(2020)}${String(one.headers['x-key'])}`,
      ),
    );
    const result = (
      await sendTest(await admin(), { address: hook.address, auth_header: `X-Key:${quoted}` })
    ).json<Result>();
    expect(result.response_excerpt.startsWith('{"echoed":"*****"}xxx')).toBe(true);
    expect(result.response_excerpt).not.toContain('tok');
  });

  it('when the receiver redirects, then the redirect is not followed', async () => {
    const elsewhere = await receiver();
    const hook = await receiver((_, res) =>
      res.writeHead(302, { location: elsewhere.address }).end(),
    );
    const result = (await sendTest(await admin(), { address: hook.address })).json<Result>();
    expect(result).toMatchObject({ ok: false, status_code: 302 });
    expect(result.error).toMatch(/redirects are not followed/);
    expect(elsewhere.received).toHaveLength(0);
  });
});

describe('what is refused before anything is sent', () => {
  it.each([
    ['a relative address', { address: '/hook' }, 'target.address'],
    ['another scheme', { address: 'ftp://10.0.0.1/hook' }, 'target.address'],
    ['a public address typed internal', { address: 'http://8.8.8.8/hook' }, 'target.address'],
    [
      'a loopback address typed internet',
      { address: 'http://127.0.0.1:1/', address_type: 'internet' },
      'target.address',
    ],
    [
      'the metadata service (link-local)',
      { address: 'http://169.254.169.254/latest', address_type: 'internet' },
      'target.address',
    ],
    [
      'a header with a line break',
      { address: 'http://127.0.0.1:1/', auth_header: 'X-A:a\r\nHost: evil' },
      'target.auth_header',
    ],
    [
      'a header SWR sets',
      { address: 'http://127.0.0.1:1/', auth_header: 'Host:evil' },
      'target.auth_header',
    ],
    [
      'a masked value',
      { address: 'http://127.0.0.1:1/', auth_header: 'Authorization:*****' },
      'target.auth_header',
    ],
  ])('when the target has %s, then 400 at %s', async (_, target, field) => {
    const answer = await sendTest(await admin(), target);
    expect(answer.status, answer.text).toBe(400);
    expect(answer.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(
      field,
    );
  });

  it('when a header is refused, then the refusal names what is wrong without repeating the value', async () => {
    const answer = await sendTest(await admin(), {
      address: 'http://127.0.0.1:1/',
      auth_header: 'Authorization:ok;hunter2-secret',
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('name:value');
    expect(answer.text).not.toContain('hunter2');
  });

  it('when the BFF runs against real SWR, then a loopback receiver is refused and gets nothing', async () => {
    // The huaweicloud profile's topology: regions and IAM, no sandbox users.
    const production = await startBff({
      topology: { iam: sandbox().iam, regions: sandbox().regions },
    });
    try {
      const hook = await receiver();
      for (const address of [hook.address, `http://localhost:${hook.port}/`]) {
        const answer = await sendTest(await admin(production.url), { address });
        expect(answer.status, answer.text).toBe(400);
        expect(answer.json<{ errors: { message: string }[] }>().errors[0]!.message).toMatch(
          /loopback/,
        );
      }
      expect(hook.received).toHaveLength(0);
    } finally {
      await production.stop();
    }
  });

  it('when signed out, without the CSRF token, or not an administrator, then refused and nothing is sent', async () => {
    const hook = await receiver();
    const body = { target: { address: hook.address, address_type: 'internal' }, namespace: 'x' };
    const anonymous = await new Browser(bff.url).request('POST', '/api/webhook-test', { body });
    expect(anonymous.status).toBe(401);
    const withoutToken = await (
      await admin()
    ).request('POST', '/api/webhook-test', { body, csrf: false });
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.json()).toMatchObject({ code: 'CSRF' });
    const reader = new Browser(bff.url);
    await reader.signInWithKey(sandboxUser('dev-reader'));
    const notAdmin = await reader.request('POST', '/api/webhook-test', { body });
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.json()).toMatchObject({ code: 'ADMIN_ONLY' });
    expect(hook.received).toHaveLength(0);
  });
});

describe('bounded', () => {
  it('when a receiver hangs before or during its answer, then the route still answers within its timeout', async () => {
    const silent = await rawPeer(() => undefined);
    const stalls = await rawPeer((socket) =>
      socket.once('data', () => socket.write('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\npart')),
    );
    const browser = await admin();
    const started = Date.now();
    const [hung, stalled] = await Promise.all([
      sendTest(browser, { address: silent.address }),
      sendTest(browser, { address: stalls.address }),
    ]);
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(hung.json<Result>()).toMatchObject({ ok: false, error: 'timed out after 5 s' });
    // The 200 arrived: the receiver took the event, though its answer never ended.
    expect(stalled.json<Result>()).toMatchObject({
      ok: true,
      status_code: 200,
      response_excerpt: 'part',
      error: 'timed out after 5 s',
    });
    expect((await fetch(`${bff.url}/healthz`)).status).toBe(200);
  });

  it('when the browser leaves while a receiver hangs, then the BFF drops the test and keeps serving', async () => {
    // Silent, but reading, so that it sees the BFF close the connection.
    const silent = await rawPeer((socket) => socket.resume());
    const browser = await admin();
    const leaving = fetch(`${bff.url}/api/webhook-test`, {
      method: 'POST',
      headers: {
        cookie: `__Host-swr-console=${browser.cookie}`,
        'x-csrf-token': browser.csrf!,
        origin: bff.url,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        target: { address: silent.address, address_type: 'internal' },
        namespace: 'x',
      }),
      signal: AbortSignal.timeout(300),
    });
    await expect(leaving).rejects.toThrow();
    // The send is dropped with the browser, long before its 5 s timeout would end it.
    // (Left before the BFF connected, it does not connect at all.)
    const deadline = Date.now() + 1_500;
    while (silent.closed() < silent.connections() && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(silent.closed()).toBe(silent.connections());
    expect((await browser.request('GET', '/api/session')).status).toBe(200);
  });

  it('when a session sends more than 10 a minute, then 429 with Retry-After, and another session is not held back', async () => {
    const hook = await receiver();
    const busy = await admin();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => sendTest(busy, { address: hook.address })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(10);
    const limited = answers.filter((a) => a.status === 429);
    expect(limited).toHaveLength(2);
    expect(limited[0]!.headers.get('retry-after')).toBe('60');
    expect(limited[0]!.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(hook.received).toHaveLength(10);
    expect((await sendTest(await admin(), { address: hook.address })).status).toBe(200);
  });

  it('when hostile bodies arrive, then each gets a 4xx or an answer, never a 5xx, and nothing reaches a refused address', async () => {
    const hook = await receiver();
    let browser = await admin();
    let sent = 0;
    const anything = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.integer(),
      fc.constant(null),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            target: fc.oneof(
              anything,
              fc.record(
                {
                  type: fc.oneof(fc.constant('http'), anything),
                  address: fc.oneof(
                    anything,
                    fc.constantFrom(
                      hook.address,
                      `${hook.address}\r\nX-Injected: 1`,
                      'http://[::ffff:127.0.0.1]:1/',
                      'http://0x7f.1:1/',
                      'http://0.0.0.0:1/',
                    ),
                  ),
                  address_type: fc.oneof(fc.constantFrom('internal', 'internet'), anything),
                  auth_header: fc.oneof(anything, fc.constant('A:b'.repeat(2000))),
                  skip_cert_verify: fc.oneof(fc.boolean(), anything),
                },
                { requiredKeys: [] },
              ),
            ),
            namespace: fc.oneof(fc.constant('platform'), anything),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          // Ten a minute per session: a fresh session before the limit.
          if (++sent % 10 === 0) browser = await admin();
          const answer = await browser.request('POST', '/api/webhook-test', { body });
          expect(answer.status, answer.text).toBeLessThan(500);
          expect([200, 400]).toContain(answer.status);
        },
      ),
      { seed: 20_261_204, numRuns: 60 },
    );
    for (const one of hook.received) expect(one.headers['x-injected']).toBeUndefined();
    expect(bff.logs.filter((line) => line.includes('"request failed"'))).toEqual([]);
  });
});
