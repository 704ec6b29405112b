import { describe, expect, it } from 'vitest';
import { deriveLoginKey, signRequest, verifyRequest } from './index.js';

// The three published vectors of the SDK-HMAC-SHA256 scheme (computed with the official SDK).
const credentials = {
  accessKey: 'HPUAEXAMPLEAK000001',
  secretKey: 'ExampleSecretKey0123456789abcdefghijKLMN',
  projectId: '0123456789abcdef0123456789abcdef',
};
const endpoint = 'https://swr-api.cn-north-4.myhuaweicloud.com';
const signedAt = new Date(Date.UTC(2024, 0, 15, 8, 30, 0));
const sdkHeaders = { 'content-type': 'application/json' };

const vectors = [
  {
    name: 'V1: GET with a query string (ListReposDetails)',
    method: 'GET',
    url: `${endpoint}/v2/manage/repos?category=linux&order_column=updated_time&order_type=desc&filter=namespace%3A%3Agroup%7Cname%3A%3Abusy%20box%7Climit%3A%3A10%7Coffset%3A%3A0`,
    body: undefined,
    signature: '6c68593fd793bea01acddb897eade5bdaed6faf99d783a729fb7655354a4bb6e',
  },
  {
    name: 'V2: POST with a JSON body (CreateRetention)',
    method: 'POST',
    url: `${endpoint}/v2/manage/namespaces/group/repos/busybox/retentions`,
    body: '{"algorithm":"or","rules":[{"template":"date_rule","params":{"days":"30"},"tag_selectors":[{"kind":"regexp","pattern":"^v1\\\\..*$"}]}]}',
    signature: '1640df7818da029fb63be49a9afe4186bd214f09a846a1423418590527abd4bf',
  },
  {
    name: 'V3: path with $ and non-ASCII (DeleteRepoTag)',
    method: 'DELETE',
    url: `${endpoint}/v2/manage/namespaces/group/repos/library$nginx/tags/v1.0-%C3%BC`,
    body: undefined,
    signature: '5901f2ced2f92a0ee811ca137b957b3952d20fe63c07db028c4700c67f412ec2',
  },
];

describe('published test vectors', () => {
  it('V2 body is the documented 134 bytes', () => {
    expect(Buffer.byteLength(vectors[1]!.body!)).toBe(134);
  });

  for (const vector of vectors) {
    it(`when signing ${vector.name}, then the Authorization header matches byte for byte`, () => {
      const headers = signRequest(
        { method: vector.method, url: vector.url, headers: { ...sdkHeaders }, body: vector.body },
        credentials,
        signedAt,
      );
      expect(headers.Authorization).toBe(
        `SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK000001, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=${vector.signature}`,
      );
      expect(headers).toMatchObject({
        'content-type': 'application/json',
        'X-Project-Id': credentials.projectId,
        'X-Sdk-Date': '20240115T083000Z',
        Host: 'swr-api.cn-north-4.myhuaweicloud.com',
      });
    });

    it(`when the server receives ${vector.name} as sent, then it verifies`, async () => {
      const headers = signRequest(
        { method: vector.method, url: vector.url, headers: { ...sdkHeaders }, body: vector.body },
        credentials,
        signedAt,
      );
      const path = vector.url.slice(endpoint.length);
      const result = await verifyRequest(
        { method: vector.method, url: path, headers: lowerCase(headers), body: vector.body },
        (ak) => (ak === credentials.accessKey ? credentials.secretKey : undefined),
        signedAt,
      );
      expect(result).toEqual({ ok: true, accessKey: credentials.accessKey });
    });
  }

  it('when X-Sdk-Date is given by the caller, then it is used and kept', () => {
    const headers = signRequest(
      {
        method: 'DELETE',
        url: vectors[2]!.url,
        headers: { ...sdkHeaders, 'X-Sdk-Date': '20240115T083000Z' },
      },
      credentials,
      new Date(0),
    );
    expect(headers.Authorization).toContain(`Signature=${vectors[2]!.signature}`);
  });

  it('when the path is given raw (SDK style, unescaped ü), then the signature is the same', () => {
    const headers = signRequest(
      {
        method: 'DELETE',
        url: `${endpoint}/v2/manage/namespaces/group/repos/library$nginx/tags/v1.0-ü`,
        headers: { ...sdkHeaders },
      },
      credentials,
      signedAt,
    );
    expect(headers.Authorization).toContain(`Signature=${vectors[2]!.signature}`);
  });
});

function lowerCase(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

describe('signing input checks', () => {
  it('when an origin-form URL comes with a Host header, then it signs like the absolute URL', () => {
    const absolute = signRequest(
      { method: 'GET', url: `${endpoint}/v2/manage/namespaces`, headers: { ...sdkHeaders } },
      credentials,
      signedAt,
    );
    const relative = signRequest(
      {
        method: 'GET',
        url: '/v2/manage/namespaces',
        headers: { ...sdkHeaders, host: 'swr-api.cn-north-4.myhuaweicloud.com' },
      },
      credentials,
      signedAt,
    );
    expect(relative.Authorization).toBe(absolute.Authorization);
  });

  it('when an origin-form URL has no Host header, then signing refuses', () => {
    expect(() =>
      signRequest({ method: 'GET', url: '/v2/manage/namespaces', headers: {} }, credentials),
    ).toThrow(/Host header/);
  });

  it('when X-Sdk-Date is given in another form, then signing refuses', () => {
    expect(() =>
      signRequest(
        { method: 'GET', url: `${endpoint}/`, headers: { 'X-Sdk-Date': '2024-01-15T08:30:00Z' } },
        credentials,
      ),
    ).toThrow(/X-Sdk-Date/);
  });

  it('when the caller passes an Authorization header, then it is replaced', () => {
    const headers = signRequest(
      { method: 'GET', url: `${endpoint}/`, headers: { authorization: 'Bearer stale' } },
      credentials,
      signedAt,
    );
    expect(Object.keys(headers).filter((k) => k.toLowerCase() === 'authorization')).toEqual([
      'Authorization',
    ]);
    expect(headers.Authorization).toMatch(/^SDK-HMAC-SHA256 Access=/);
  });

  it('when temporary credentials are used, then X-Security-Token is sent and signed', () => {
    const headers = signRequest(
      { method: 'GET', url: `${endpoint}/`, headers: {} },
      { ...credentials, securityToken: 'token-123' },
      signedAt,
    );
    expect(headers['X-Security-Token']).toBe('token-123');
    expect(headers.Authorization).toContain('x-security-token');
  });
});

describe('deriveLoginKey', () => {
  it('when derived, then it matches the documented openssl pipeline', () => {
    // printf "$AK" | openssl dgst -sha256 -hmac "$SK"
    expect(deriveLoginKey(credentials.accessKey, credentials.secretKey)).toBe(
      '67bbbb26f6cc11675f1e9244c29668c22ac674a07b71a7545e02b6f53d3ca7b2',
    );
  });

  it('when the SK differs, then the key differs', () => {
    expect(deriveLoginKey('AK', 'SK1')).not.toBe(deriveLoginKey('AK', 'SK2'));
  });
});
