import { ApiError } from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import { createBffClient } from './client.js';

function recording(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init = {}) => {
    calls.push({ url: String(input), init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
  };
  return { calls, fetch };
}

describe('the BFF client', () => {
  it('when an operation has path parameters and a repeated query, then the URL is built from the table', async () => {
    const { calls, fetch } = recording(200, { artifacts: [] });
    const client = createBffClient({ fetch });
    await client.call('CheckSignatures', {
      params: { region: 'cn-north-4' },
      query: {
        instance: 'i-1',
        namespace: 'ns',
        repository: 'a/b',
        digest: ['sha256:1', 'sha256:2'],
      },
    });
    expect(calls[0]!.url).toBe(
      '/api/signatures/cn-north-4?instance=i-1&namespace=ns&repository=a%2Fb&digest=sha256%3A1&digest=sha256%3A2',
    );
    expect(calls[0]!.init.method).toBe('GET');
  });

  it('when an operation changes something, then it carries the change headers and a JSON body; reads do not', async () => {
    const { calls, fetch } = recording(200, {});
    const client = createBffClient({ fetch, changeHeaders: () => ({ 'x-csrf-token': 't' }) });
    await client.call('CreateLoginCommand', { body: { region: 'r', kind: 'temporary' } });
    await client.call('ShowSession');
    expect(calls[0]!.init.headers).toMatchObject({
      'x-csrf-token': 't',
      'content-type': 'application/json',
    });
    expect(calls[0]!.init.body).toBe('{"region":"r","kind":"temporary"}');
    expect(calls[1]!.init.headers).not.toHaveProperty('x-csrf-token');
  });

  it('when the BFF answers problem details, then the call throws an ApiError with its code, fields and Retry-After', async () => {
    const { fetch } = recording(
      429,
      {
        status: 429,
        title: 'Too Many Requests',
        code: 'TOO_MANY_CALLS',
        detail: 'Slow down.',
        errors: [{ field: 'kind', message: 'No.' }],
      },
      { 'retry-after': '2', 'content-type': 'application/problem+json' },
    );
    const error = await createBffClient({ fetch })
      .call('ShowSession')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'TOO_MANY_CALLS', retryAfterSeconds: 2 });
    expect((error as ApiError).fieldErrors).toEqual([{ field: 'kind', message: 'No.' }]);
  });

  it('when the network fails, then status 0 NETWORK; when the caller aborts, then the abort itself', async () => {
    const failing: typeof globalThis.fetch = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(createBffClient({ fetch: failing }).call('GetConfig')).rejects.toMatchObject({
      status: 0,
      code: 'NETWORK',
    });
    const aborting: typeof globalThis.fetch = async () => {
      throw new DOMException('aborted', 'AbortError');
    };
    await expect(createBffClient({ fetch: aborting }).call('GetConfig')).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
