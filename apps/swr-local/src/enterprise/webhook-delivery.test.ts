import { execFileSync } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  deliver,
  jobDetail,
  pushArtifactPayload,
  retryDelayMs,
  shouldRetry,
  signBody,
  utf8Excerpt,
  WEBHOOK_ATTEMPTS,
  type DeliveryOutcome,
  type DeliveryTarget,
} from './webhook-delivery.js';

// Deliveries to real receivers on loopback, well-behaved and hostile.

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

const servers: { close(): void; closeAllConnections?(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections?.();
    server.close();
  }
});

async function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A receiver that reads each request whole, then answers with `answer`. */
async function receiver(answer: (received: Received, res: ServerResponse) => void) {
  const received: Received[] = [];
  const port = await listen(
    createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const one = { headers: req.headers, body: Buffer.concat(chunks).toString() };
        received.push(one);
        answer(one, res);
      });
    }),
  );
  return { url: `http://127.0.0.1:${port}/hook`, received };
}

/** A receiver that does its worst as soon as a request arrives. */
async function hostile(listener: RequestListener) {
  return `http://127.0.0.1:${await listen(createServer(listener))}/hook`;
}

const target = (address: string, more: Partial<DeliveryTarget> = {}): DeliveryTarget => ({
  address,
  address_type: 'internal',
  ...more,
});
const NOW = new Date('2025-03-01T08:00:00Z');
const options = {
  event: 'PUSH_ARTIFACT',
  deliveryId: 'c0ffee00-0000-4000-8000-000000000001',
  now: NOW,
};
const PUSH = {
  occurredAt: NOW,
  operator: 'alice',
  namespace: 'team',
  repository: 'web/app',
  tag: 'v1',
  digest: 'sha256:ab',
  resourceUrl: 'swr.example.com/team/web/app:v1',
  repoType: 'private',
} as const;
const BODY = JSON.stringify(pushArtifactPayload(PUSH));

describe('the body and its signature', () => {
  it('when an artifact is pushed, then the body is Harbor’s PUSH_ARTIFACT event', () => {
    const repositoryCreatedAt = new Date('2025-01-01T00:00:00Z');
    expect(pushArtifactPayload({ ...PUSH, repoType: 'public', repositoryCreatedAt })).toEqual({
      type: 'PUSH_ARTIFACT',
      occur_at: 1740816000,
      operator: 'alice',
      event_data: {
        resources: [
          { digest: 'sha256:ab', tag: 'v1', resource_url: 'swr.example.com/team/web/app:v1' },
        ],
        repository: {
          date_created: 1735689600,
          name: 'web/app',
          namespace: 'team',
          repo_full_name: 'team/web/app',
          repo_type: 'public',
        },
      },
    });
    expect(JSON.parse(BODY).event_data.repository).not.toHaveProperty('date_created');
  });

  it('when a body is signed, then it is the RFC 4231-style HMAC-SHA256 in hex', () =>
    expect(signBody('The quick brown fox jumps over the lazy dog', 'key')).toBe(
      'sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    ));
});

describe('a delivery to a receiver that answers', () => {
  it('when the target has headers, then they are sent and the receiver can check the signature over timestamp and body', async () => {
    const authHeader = 'Authorization: Bearer s3cret ; X-Team:web';
    const { url, received } = await receiver(({ headers, body }, res) => {
      const expected = createHmac('sha256', authHeader)
        .update(`${String(headers['x-swr-timestamp'])}.${body}`)
        .digest('hex');
      const given = Buffer.from(String(headers['x-swr-signature-256']));
      const valid =
        given.length === expected.length + 7 &&
        timingSafeEqual(given, Buffer.from(`sha256=${expected}`));
      res.writeHead(valid ? 200 : 401).end(valid ? 'verified' : 'bad signature');
    });
    const outcome = await deliver(target(url, { auth_header: authHeader }), BODY, options);
    expect(outcome).toMatchObject({ ok: true, statusCode: 200, responseExcerpt: 'verified' });
    expect(outcome).not.toHaveProperty('error');
    expect(received).toHaveLength(1);
    expect(received[0]!.body).toBe(BODY);
    expect(received[0]!.headers).toMatchObject({
      authorization: 'Bearer s3cret',
      'x-team': 'web',
      'content-type': 'application/json',
      'x-swr-event': 'PUSH_ARTIFACT',
      'x-swr-delivery': options.deliveryId,
      'x-swr-timestamp': '1740816000',
    });
    expect(shouldRetry(outcome)).toBe(false);
  });

  it('when the target has no headers, then nothing is signed', async () => {
    const { url, received } = await receiver((_, res) => res.end());
    expect(await deliver(target(url), BODY, options)).toMatchObject({ ok: true, statusCode: 200 });
    expect(received[0]!.headers).not.toHaveProperty('x-swr-signature-256');
    expect(received[0]!.headers['x-swr-event']).toBe('PUSH_ARTIFACT');
  });

  it.each([
    [500, true],
    [503, true],
    [429, true],
    [404, false],
    [400, false],
    [401, false],
  ])('when it answers %i, then the delivery failed, and retrying is %s', async (status, retry) => {
    const { url } = await receiver((_, res) => res.writeHead(status).end(`answer ${status}`));
    const outcome = await deliver(target(url), BODY, options);
    expect(outcome).toMatchObject({
      ok: false,
      statusCode: status,
      responseExcerpt: `answer ${status}`,
    });
    expect(shouldRetry(outcome)).toBe(retry);
  });

  it('when it redirects, then the redirect is not followed nor retried', async () => {
    const elsewhere = await receiver((_, res) => res.end());
    const { url } = await receiver((_, res) =>
      res.writeHead(302, { Location: elsewhere.url }).end(),
    );
    const outcome = await deliver(target(url), BODY, options);
    expect(outcome).toMatchObject({
      ok: false,
      statusCode: 302,
      error: `redirects are not followed (302 to ${elsewhere.url})`,
    });
    expect(elsewhere.received).toHaveLength(0);
    expect(shouldRetry(outcome)).toBe(false);
  });
});

describe('a delivery to a receiver that misbehaves', () => {
  it('when it never answers, then the delivery times out and may be retried', async () => {
    const url = await hostile(() => undefined);
    const outcome = await deliver(target(url), BODY, { ...options, timeoutMs: 200 });
    expect(outcome).toMatchObject({
      ok: false,
      error: 'timed out after 200 ms',
      responseExcerpt: '',
    });
    expect(outcome).not.toHaveProperty('statusCode');
    expect(outcome.durationMs).toBeGreaterThanOrEqual(190);
    expect(outcome.durationMs).toBeLessThan(2_000);
    expect(shouldRetry(outcome)).toBe(true);
  });

  it('when it sends 200 and then hangs, then the event counts as delivered and the hang is noted', async () => {
    const url = await hostile((_, res) => res.writeHead(200).write('accepted, but'));
    const outcome = await deliver(target(url), BODY, { ...options, timeoutMs: 200 });
    expect(outcome).toMatchObject({
      ok: true,
      statusCode: 200,
      responseExcerpt: 'accepted, but',
      error: 'timed out after 200 ms',
    });
    expect(shouldRetry(outcome)).toBe(false);
  });

  it('when it resets the connection, then the delivery failed with the reset and may be retried', async () => {
    const url = await hostile((req) => req.socket.resetAndDestroy());
    const outcome = await deliver(target(url), BODY, options);
    expect(outcome).toMatchObject({ ok: false, error: 'connection reset' });
    expect(shouldRetry(outcome)).toBe(true);
  });

  it('when it answers something that is not HTTP, then the delivery failed and says so', async () => {
    const tcp = createTcpServer((socket) => socket.end('SMTP ready\r\n\r\n'));
    const outcome = await deliver(target(`http://127.0.0.1:${await listen(tcp)}/`), BODY, options);
    expect(outcome).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^invalid HTTP response \(HPE_/),
    });
  });

  it('when its body never ends, then at most 64 KB is read and the excerpt is 2 KB', async () => {
    let closed = false;
    const url = await hostile((_, res) => {
      res.writeHead(200);
      res.on('close', () => (closed = true));
      const more = () => {
        while (!closed && res.write('x'.repeat(16 * 1024)));
        if (!closed) res.once('drain', more);
      };
      more();
    });
    const outcome = await deliver(target(url), BODY, { ...options, timeoutMs: 5_000 });
    expect(outcome).toMatchObject({ ok: true, statusCode: 200, responseExcerpt: 'x'.repeat(2048) });
    expect(outcome).not.toHaveProperty('error');
    await expect.poll(() => closed).toBe(true);
  });

  it('when the excerpt would split a character, then it stops before that character', async () => {
    const text = `a${'é'.repeat(2000)}`;
    const url = await hostile((_, res) => res.end(text));
    const { responseExcerpt } = await deliver(target(url), BODY, options);
    expect(responseExcerpt).toBe(`a${'é'.repeat(1023)}`);
    expect(utf8Excerpt(Buffer.from([0x61, 0xff, 0x62]))).toBe('a\ufffdb');
  });

  it('when nothing listens on the port, then the connection is refused and may be retried', async () => {
    const port = await listen(createServer());
    servers.pop()!.close();
    const outcome = await deliver(target(`http://127.0.0.1:${port}/`), BODY, options);
    expect(outcome).toMatchObject({ ok: false, error: 'connection refused' });
    expect(shouldRetry(outcome)).toBe(true);
  });
});

describe('a delivery that is stopped or refused before it is sent', () => {
  it('when the signal is aborted mid-delivery, then it ends at once as aborted, not to be retried', async () => {
    const controller = new AbortController();
    const url = await hostile(() => controller.abort());
    const outcome = await deliver(target(url), BODY, { ...options, signal: controller.signal });
    expect(outcome).toMatchObject({ ok: false, error: 'aborted' });
    expect(outcome.durationMs).toBeLessThan(2_000);
    expect(shouldRetry(outcome)).toBe(false);
  });

  it.each([
    ['an aborted signal', target(''), AbortSignal.abort(), /^aborted$/],
    [
      'an internet address on loopback',
      target('', { address_type: 'internet' }),
      undefined,
      /^address refused: A private-network or loopback address/,
    ],
    [
      'headers with a line break',
      target('', { auth_header: 'X-A:1\r\nHost:evil' }),
      undefined,
      /^auth header refused: Headers may not contain line breaks/,
    ],
  ])('when it has %s, then no request is made', async (_, given, signal, error) => {
    const { url, received } = await receiver((_, res) => res.end());
    const outcome = await deliver({ ...given, address: url }, BODY, { ...options, signal });
    expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(error) });
    expect(received).toHaveLength(0);
    expect(shouldRetry(outcome)).toBe(false);
  });

  it('when the event name cannot be a header value, then the delivery fails without throwing', async () => {
    const { url, received } = await receiver((_, res) => res.end());
    const outcome = await deliver(target(url), BODY, { ...options, event: 'PUSH\r\nX-Evil: 1' });
    expect(outcome).toMatchObject({
      ok: false,
      error: 'a header has characters HTTP cannot carry',
    });
    expect(received).toHaveLength(0);
  });
});

const opensslAvailable = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!opensslAvailable)('a delivery over https to a self-signed receiver', () => {
  it('when skip_cert_verify is off, then the certificate is refused; when on, then the event is delivered', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'webhook-tls-'));
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    const request = 'req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj';
    const args = [...request.split(' '), '/CN=127.0.0.1', '-keyout', key, '-out', cert];
    execFileSync('openssl', args, { stdio: 'ignore' });
    const tls = { key: readFileSync(key), cert: readFileSync(cert) };
    rmSync(dir, { recursive: true });
    const server = createHttpsServer(tls, (_, res) => res.end('tls ok'));
    const url = `https://127.0.0.1:${await listen(server)}/hook`;
    expect(await deliver(target(url), BODY, options)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^TLS certificate refused/),
    });
    expect(await deliver(target(url, { skip_cert_verify: true }), BODY, options)).toMatchObject({
      ok: true,
      responseExcerpt: 'tls ok',
    });
  });
});

describe('attempts and what each records', () => {
  it('when an attempt fails, then the next waits 10 s, then 60 s, and there is no fourth', () => {
    expect(WEBHOOK_ATTEMPTS).toBe(3);
    expect([retryDelayMs(1), retryDelayMs(2)]).toEqual([10_000, 60_000]);
    expect(() => retryDelayMs(3)).toThrow(RangeError);
  });

  const outcome: DeliveryOutcome = {
    ok: false,
    statusCode: 500,
    responseExcerpt: 'boom',
    durationMs: 12,
  };

  it('when an attempt is recorded, then the detail holds the body, status, excerpt, error and attempt', () =>
    expect(JSON.parse(jobDetail({ ...outcome, error: 'response cut short' }, 2, BODY))).toEqual({
      attempt: 2,
      request_body: BODY,
      status_code: 500,
      response_excerpt: 'boom',
      error: 'response cut short',
      duration_ms: 12,
    }));

  it('when the excerpt escapes to more than 8 KB, then the excerpt is cut and the detail fits', () => {
    const excerpt = '\u0001'.repeat(2048);
    const detail = jobDetail({ ...outcome, responseExcerpt: excerpt }, 1, BODY);
    expect(Buffer.byteLength(detail)).toBeLessThanOrEqual(8192);
    expect(Buffer.byteLength(detail)).toBeGreaterThan(8000);
    const parsed = JSON.parse(detail);
    expect(parsed).toMatchObject({ request_body: BODY, response_excerpt_truncated: true });
    expect(excerpt.startsWith(parsed.response_excerpt)).toBe(true);
  });

  it('when the body alone is over 8 KB, then it is cut too and the detail fits', () => {
    const body = JSON.stringify({ text: '😀'.repeat(5000) });
    const parsed = JSON.parse(jobDetail(outcome, 1, body));
    expect(parsed).toMatchObject({ response_excerpt: '', request_body_truncated: true });
    expect(body.startsWith(parsed.request_body)).toBe(true);
    expect(Buffer.byteLength(jobDetail(outcome, 1, body))).toBeLessThanOrEqual(8192);
  });
});
