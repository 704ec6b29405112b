import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signRequest, verifyRequest, type SignableRequest } from './index.js';
import * as arb from './testing/arbitraries.js';

const origin = 'http://127.0.0.1:9443';
const now = new Date(Date.UTC(2026, 10, 28, 12, 0, 0));

const signedRequest = fc
  .record({
    method: arb.method,
    segments: arb.pathSegments,
    query: arb.queryParams,
    headers: arb.extraHeaders,
    body: arb.jsonBody,
    credentials: arb.credentials,
  })
  .map(({ method, segments, query, headers, body, credentials }) => {
    const url = arb.wireUrl(origin, segments, query);
    const sent = signRequest(
      { method, url, headers: { 'content-type': 'application/json', ...headers }, body },
      credentials,
      now,
    );
    // What a Node server sees: header names in lower case, the request target in origin form.
    const received: SignableRequest = {
      method,
      url: url.slice(origin.length),
      headers: Object.fromEntries(Object.entries(sent).map(([k, v]) => [k.toLowerCase(), v])),
      body,
    };
    return { received, credentials };
  });

function lookup(credentials: { accessKey: string; secretKey: string }) {
  return (ak: string) => (ak === credentials.accessKey ? credentials.secretKey : undefined);
}

describe('sign then verify', () => {
  it('when a generated request arrives unchanged, then it verifies', async () => {
    await fc.assert(
      fc.asyncProperty(signedRequest, async ({ received, credentials }) => {
        const result = await verifyRequest(received, lookup(credentials), now);
        expect(result).toEqual({ ok: true, accessKey: credentials.accessKey });
      }),
      { numRuns: 300 },
    );
  });

  it('when the method changes, then verification fails', async () => {
    await fc.assert(
      fc.asyncProperty(signedRequest, async ({ received, credentials }) => {
        const method = received.method === 'GET' ? 'HEAD' : 'GET';
        const result = await verifyRequest({ ...received, method }, lookup(credentials), now);
        expect(result).toEqual({ ok: false, reason: 'signature-mismatch' });
      }),
    );
  });

  it('when one path segment changes, then verification fails', async () => {
    await fc.assert(
      fc.asyncProperty(signedRequest, async ({ received, credentials }) => {
        const [path, query] = splitOnce(received.url, '?');
        const url = `${path}x${query === undefined ? '' : `?${query}`}`;
        const result = await verifyRequest({ ...received, url }, lookup(credentials), now);
        expect(result).toEqual({ ok: false, reason: 'signature-mismatch' });
      }),
    );
  });

  it('when a query parameter is added, then verification fails', async () => {
    await fc.assert(
      fc.asyncProperty(signedRequest, async ({ received, credentials }) => {
        const url = `${received.url}${received.url.includes('?') ? '&' : '?'}limit=1000`;
        const result = await verifyRequest({ ...received, url }, lookup(credentials), now);
        expect(result).toEqual({ ok: false, reason: 'signature-mismatch' });
      }),
    );
  });

  it('when a query value changes, then verification fails', async () => {
    const request = received('GET', '/v2/manage/repos?limit=10&offset=0');
    const tampered = { ...request, url: '/v2/manage/repos?limit=10&offset=10' };
    expect(await verifyRequest(request, lookup(fixedCredentials), now)).toMatchObject({ ok: true });
    expect(await verifyRequest(tampered, lookup(fixedCredentials), now)).toEqual({
      ok: false,
      reason: 'signature-mismatch',
    });
  });

  it('when any signed header value changes, then verification fails', async () => {
    await fc.assert(
      fc.asyncProperty(signedRequest, fc.nat(), async ({ received, credentials }, pick) => {
        const names = signedNames(received);
        const name = names[pick % names.length]!;
        const headers = { ...received.headers, [name]: `${received.headers[name]}0` };
        const result = await verifyRequest({ ...received, headers }, lookup(credentials), now);
        expect(result.ok).toBe(false);
      }),
    );
  });

  it('when one body byte changes, then verification fails', async () => {
    await fc.assert(
      fc.asyncProperty(
        signedRequest.filter(
          ({ received }) => typeof received.body === 'string' && received.body.length > 0,
        ),
        fc.nat(),
        async ({ received, credentials }, pick) => {
          const bytes = Buffer.from(received.body as string);
          const index = pick % bytes.length;
          bytes[index] = bytes[index]! ^ 0x01;
          const result = await verifyRequest(
            { ...received, body: bytes },
            lookup(credentials),
            now,
          );
          expect(result).toEqual({ ok: false, reason: 'signature-mismatch' });
        },
      ),
    );
  });

  it('when a body is sent with a request signed without one, then verification fails', async () => {
    const request = received('DELETE', '/v2/manage/namespaces/group');
    const result = await verifyRequest({ ...request, body: '{}' }, lookup(fixedCredentials), now);
    expect(result).toEqual({ ok: false, reason: 'signature-mismatch' });
  });

  it('when the secret key is wrong, then verification fails', async () => {
    const request = received('GET', '/v2/manage/namespaces');
    const result = await verifyRequest(request, () => 'another-secret', now);
    expect(result).toEqual({ ok: false, reason: 'signature-mismatch' });
  });

  it('when the lookup is asynchronous, then it is awaited', async () => {
    const request = received('GET', '/v2/manage/namespaces');
    const result = await verifyRequest(request, async (ak) => lookup(fixedCredentials)(ak), now);
    expect(result).toEqual({ ok: true, accessKey: fixedCredentials.accessKey });
  });
});

describe('clock skew', () => {
  const request = () => received('GET', '/v2/manage/namespaces');
  const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

  it.each([-14, -1, 0, 1, 14])(
    'when the server clock is %i min off, then it is accepted',
    async (n) => {
      expect(await verifyRequest(request(), lookup(fixedCredentials), minutes(n))).toMatchObject({
        ok: true,
      });
    },
  );

  it.each([-16, 16, 60 * 24])(
    'when the server clock is %i min off, then it is refused',
    async (n) => {
      expect(await verifyRequest(request(), lookup(fixedCredentials), minutes(n))).toEqual({
        ok: false,
        reason: 'date-out-of-range',
      });
    },
  );

  it('when a smaller window is configured, then it applies', async () => {
    expect(await verifyRequest(request(), lookup(fixedCredentials), minutes(2), 60)).toEqual({
      ok: false,
      reason: 'date-out-of-range',
    });
  });
});

describe('refusals', () => {
  const base = () => received('GET', '/v2/manage/namespaces');
  const without = (request: SignableRequest, name: string) => ({
    ...request,
    headers: Object.fromEntries(Object.entries(request.headers).filter(([k]) => k !== name)),
  });

  it('when there is no Authorization header, then it says so', async () => {
    expect(
      await verifyRequest(without(base(), 'authorization'), lookup(fixedCredentials), now),
    ).toEqual({
      ok: false,
      reason: 'missing-authorization',
    });
  });

  it.each([
    'Basic dXNlcjpwYXNz',
    'SDK-HMAC-SHA256 Access=AK',
    'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=xyz',
    'SDK-HMAC-SHA256 Access=AK, SignedHeaders=Host;x-sdk-date, Signature=' + '0'.repeat(64),
    'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;host;x-sdk-date, Signature=' + '0'.repeat(64),
  ])('when Authorization is "%s", then it is malformed', async (authorization) => {
    const request = base();
    const headers = { ...request.headers, authorization };
    expect(await verifyRequest({ ...request, headers }, lookup(fixedCredentials), now)).toEqual({
      ok: false,
      reason: 'malformed-authorization',
    });
  });

  it('when X-Sdk-Date is missing, then it says so', async () => {
    expect(
      await verifyRequest(without(base(), 'x-sdk-date'), lookup(fixedCredentials), now),
    ).toEqual({
      ok: false,
      reason: 'missing-date',
    });
  });

  it('when X-Sdk-Date is not in the basic ISO form, then it is out of range', async () => {
    const request = base();
    const headers = { ...request.headers, 'x-sdk-date': '2026-11-28T12:00:00Z' };
    expect(await verifyRequest({ ...request, headers }, lookup(fixedCredentials), now)).toEqual({
      ok: false,
      reason: 'date-out-of-range',
    });
  });

  it('when the access key is unknown, then it says so', async () => {
    expect(await verifyRequest(base(), () => undefined, now)).toEqual({
      ok: false,
      reason: 'unknown-access-key',
    });
  });

  it.each(['host', 'x-sdk-date', 'x-project-id'])(
    'when %s is on the request but not signed, then it is refused',
    async (name) => {
      const request = base();
      const authorization = request.headers.authorization!.replace(
        /SignedHeaders=([^,]+)/,
        (_, list: string) =>
          `SignedHeaders=${list
            .split(';')
            .filter((n) => n !== name)
            .join(';')}`,
      );
      const headers = { ...request.headers, authorization };
      expect(await verifyRequest({ ...request, headers }, lookup(fixedCredentials), now)).toEqual({
        ok: false,
        reason: 'unsigned-required-header',
      });
    },
  );

  it('when a signed header is absent from the request, then the signature does not match', async () => {
    expect(
      await verifyRequest(without(base(), 'content-type'), lookup(fixedCredentials), now),
    ).toEqual({
      ok: false,
      reason: 'signature-mismatch',
    });
  });
});

const fixedCredentials = {
  accessKey: 'HPUAFIXEDEXAMPLE0001',
  secretKey: 'FixedSecretKeyForTests0123456789abcdefgh',
  projectId: 'fedcba9876543210fedcba9876543210',
};

function received(method: string, path: string, body?: string): SignableRequest {
  const headers = signRequest(
    { method, url: `${origin}${path}`, headers: { 'content-type': 'application/json' }, body },
    fixedCredentials,
    now,
  );
  return {
    method,
    url: path,
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    body,
  };
}

function signedNames(request: SignableRequest): string[] {
  const match = /SignedHeaders=([^,]+)/.exec(request.headers.authorization ?? '');
  return match ? match[1]!.split(';') : [];
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const index = value.indexOf(separator);
  return index < 0 ? [value, undefined] : [value.slice(0, index), value.slice(index + 1)];
}
