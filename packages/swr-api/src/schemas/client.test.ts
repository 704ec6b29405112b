import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { ApiError } from '../wire/api-error.js';
import { createSwrClient, RequestValidationError } from './client.js';
import { makeSwrError } from '../wire/error-bodies.js';
import type { TagListItem } from './resources/tags.js';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A fetch that records what it is asked and answers with the given response. */
function recorder(response: () => Response) {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({
      url: String(url),
      method: init?.method ?? 'GET',
      headers: init?.headers as Record<string, string>,
      body: init?.body as string | undefined,
    });
    return response();
  });
  return { sent, fetch: fetch as unknown as typeof globalThis.fetch, calls: fetch };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

const tag: TagListItem = {
  id: 1,
  repo_id: 2,
  Tag: 'v1',
  image_id: 'abc',
  manifest: '{}',
  digest: 'sha256:00',
  schema: 2,
  path: 'swr.cn-north-4.myhuaweicloud.com/group/library/nginx:v1',
  internal_path: '10.0.0.1:20202/group/library/nginx:v1',
  size: 10,
  is_trusted: false,
  created: '2026-01-01T00:00:00Z',
  updated: '2026-01-01T00:00:00Z',
  deleted: null,
  domain_id: 'd',
  scanned: false,
  tag_type: 0,
};

describe('createSwrClient', () => {
  it('when tags are listed, then the URL has "$", the query is encoded, and the range is read', async () => {
    const { sent, fetch } = recorder(() => json([tag], 200, { 'content-range': '0-1/1' }));
    const client = createSwrClient({ baseUrl: 'http://swr.test/', fetch });
    const result = await client.request('ListRepositoryTags', {
      path: { namespace: 'group', repository: 'library/nginx' },
      query: { limit: 10, offset: '0', order_column: 'updated_at', order_type: 'desc', tag: 'v 1' },
    });
    expect(sent[0]).toMatchObject({
      method: 'GET',
      url: 'http://swr.test/v2/manage/namespaces/group/repos/library$nginx/tags?limit=10&offset=0&order_column=updated_at&order_type=desc&tag=v%201',
      body: undefined,
    });
    expect(sent[0]!.headers['content-type']).toBe('application/json');
    expect(result.data[0]!.Tag).toBe('v1');
    expect(result.range).toEqual({ offset: 0, count: 1, total: 1 });
    expectTypeOf(result.data).toEqualTypeOf<TagListItem[]>();
  });

  it('when a body is sent, then it is the validated JSON and extra headers are added', async () => {
    const { sent, fetch } = recorder(() => new Response(null, { status: 201 }));
    const client = createSwrClient({
      baseUrl: '/api/swr/cn-north-4',
      fetch,
      headers: () => ({ 'x-csrf-token': 't' }),
    });
    const result = await client.request('CreateRepoTag', {
      path: { namespace: 'group', repository: 'app' },
      body: { source_tag: 'v1', destination_tag: 'v2', override: false },
    });
    expect(sent[0]).toMatchObject({
      method: 'POST',
      url: '/api/swr/cn-north-4/v2/manage/namespaces/group/repos/app/tags',
    });
    expect(JSON.parse(sent[0]!.body!)).toEqual({
      source_tag: 'v1',
      destination_tag: 'v2',
      override: false,
    });
    expect(sent[0]!.headers['x-csrf-token']).toBe('t');
    expect(result.status).toBe(201);
    expect(result.data).toBeUndefined();
  });

  it('when a DELETE carries a body (revoking permissions), then the body is sent', async () => {
    const { sent, fetch } = recorder(() => new Response(null, { status: 204 }));
    const client = createSwrClient({ baseUrl: 'http://swr.test', fetch });
    await client.request('DeleteNamespaceAuth', { path: { namespace: 'group' }, body: ['user-1'] });
    expect(sent[0]).toMatchObject({ method: 'DELETE', body: '["user-1"]' });
  });

  it('when the input is invalid, then nothing is sent and the wrong fields are named', async () => {
    const { fetch, calls } = recorder(() => json({}));
    const client = createSwrClient({ baseUrl: 'http://swr.test', fetch });
    const attempt = client.request('CreateNamespace', { body: { namespace: 'Bad Name' } });
    await expect(attempt).rejects.toBeInstanceOf(RequestValidationError);
    await expect(attempt).rejects.toMatchObject({ fieldErrors: [{ field: 'body.namespace' }] });
    expect(calls).not.toHaveBeenCalled();
  });

  it('when a path parameter is invalid, then it is refused before sending', async () => {
    const { fetch, calls } = recorder(() => json({}));
    const client = createSwrClient({ baseUrl: 'http://swr.test', fetch });
    await expect(
      client.request('ShowNamespace', { path: { namespace: '../etc' } }),
    ).rejects.toMatchObject({
      fieldErrors: [{ field: 'path.namespace' }],
    });
    expect(calls).not.toHaveBeenCalled();
  });

  it('when SWR answers an error, then ApiError carries status, SWR code and message', async () => {
    const { fetch } = recorder(() =>
      json(makeSwrError('SVCSTG.SWR.4090060', 'Namespace already exists'), 409, {
        'x-request-id': 'r-7',
      }),
    );
    const client = createSwrClient({ baseUrl: 'http://swr.test', fetch });
    await expect(
      client.request('CreateNamespace', { body: { namespace: 'group' } }),
    ).rejects.toMatchObject({
      name: 'ApiError',
      status: 409,
      code: 'SVCSTG.SWR.4090060',
      message: 'Namespace already exists',
      requestId: 'r-7',
      operation: 'CreateNamespace',
    });
  });

  it('when the error body is not JSON, then the status still explains it', async () => {
    const { fetch } = recorder(() => new Response('<html>Bad Gateway</html>', { status: 502 }));
    const client = createSwrClient({ baseUrl: 'http://swr.test', fetch });
    const error = await client.request('ListNamespaces').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, code: undefined });
    expect((error as Error).message).toContain('502');
  });

  it('when the network fails, then it is an ApiError with status 0', async () => {
    const fetch = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof globalThis.fetch;
    const client = createSwrClient({ baseUrl: 'http://swr.test', fetch });
    await expect(client.request('ListNamespaces')).rejects.toMatchObject({
      status: 0,
      code: 'NETWORK',
    });
  });

  it('when responses are validated and a body breaks the contract, then it says which call', async () => {
    const { fetch } = recorder(() => json([{ ...tag, Tag: undefined, tag: 'v1' }]));
    const client = createSwrClient({ baseUrl: 'http://swr.test', fetch, validateResponses: true });
    await expect(
      client.request('ListRepositoryTags', { path: { namespace: 'group', repository: 'app' } }),
    ).rejects.toMatchObject({ code: 'RESPONSE_INVALID', operation: 'ListRepositoryTags' });
  });

  it('when the URL of a call is asked, then nothing is fetched', () => {
    const { fetch, calls } = recorder(() => json({}));
    const client = createSwrClient({ baseUrl: 'http://swr.test', fetch });
    expect(
      client.url('ShowSyncJob', {
        path: { namespace: 'g', repository: 'a/b' },
        query: { filter: 'limit::10|offset::0' },
      }),
    ).toBe(
      'http://swr.test/v2/manage/namespaces/g/repos/a$b/sync_job?filter=limit%3A%3A10%7Coffset%3A%3A0',
    );
    expect(calls).not.toHaveBeenCalled();
  });

  it('when calls are typed, then required inputs are required', () => {
    const client = createSwrClient({
      baseUrl: 'http://swr.test',
      fetch: recorder(() => json({})).fetch,
    });
    // Checked by the type checker only; never run.
    const typeOnly = () => {
      // @ts-expect-error the organization is required
      void client.url('ShowNamespace', {});
      // @ts-expect-error the body is required
      void client.url('CreateNamespace', {});
      void client.url('ListNamespaces');
    };
    expectTypeOf(typeOnly).toBeFunction();
    expectTypeOf(client.request('ListNamespaces')).resolves.toHaveProperty('data');
  });
});
