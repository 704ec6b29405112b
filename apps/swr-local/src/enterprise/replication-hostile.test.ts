import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReplicationExecution, ReplicationPolicyBody } from '@swr-console/swr-api';
import { afterAll, describe, expect, it } from 'vitest';
import * as suite from '../testing/enterprise-suite.js';
import {
  at,
  call,
  push,
  replicationPolicy,
  targetRegistry,
  useEnterpriseSandbox,
} from '../testing/enterprise-suite.js';
import { waitFor } from '../testing/wait.js';

// Replication against registries that misbehave: lists that never end, pages of HTML, a registry
// that goes away after it was added. Every run ends Failed with a reason, the registry's health
// says why, and swr-local goes on answering.
useEnterpriseSandbox();

const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

/** A server on loopback answering every request with `handle`; its origin and request count. */
async function fake(handle: (request: IncomingMessage, response: ServerResponse) => void) {
  const counted = { requests: 0 };
  const server = createServer((request, response) => {
    counted.requests += 1;
    handle(request, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counted,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const API_VERSION = { 'docker-distribution-api-version': 'registry/2.0' };

/** Pages of `size` names with a next link, `pages` of them: far more than any list should hold. */
function pagedList(key: 'repositories' | 'tags', size: number, pages: number) {
  return (url: URL, response: ServerResponse) => {
    const page = Number(url.searchParams.get('last') ?? 0);
    const names = Array.from({ length: size }, (_, i) => `junk${page * size + i}`);
    response.writeHead(200, {
      ...API_VERSION,
      'content-type': 'application/json',
      ...(page + 1 < pages ? { link: `<${url.pathname}?last=${page + 1}>; rel="next"` } : {}),
    });
    response.end(JSON.stringify({ [key]: names }));
  };
}

async function addRegistry(name: string, url: string): Promise<number> {
  const body = { ...targetRegistry, name, url };
  return (await call('CreateInstanceRegistry', { path: at(), body })).id as number;
}

async function runPolicy(body: ReplicationPolicyBody) {
  const { id } = await call('CreateInstanceReplicationPolicy', { path: at(), body });
  const run = await call('ExecuteInstanceReplicationPolicy', {
    path: at(),
    body: { policy_id: id },
  });
  return waitFor(
    async () => {
      const listed = await call('ListInstanceReplicationPolicyExecutions', {
        path: at(),
        query: { policy_id: id },
      });
      const found = (listed.executions as ReplicationExecution[]).find((e) => e.id === run.id);
      return found?.status === 'InProgress' ? undefined : found;
    },
    30_000,
    `the run of ${body.name}`,
  );
}

const pullFrom = (registryId: number, name: string, filter: string) =>
  replicationPolicy(registryId, {
    name,
    dest_registry: undefined,
    src_registry: { id: registryId },
    dest_namespace: 'pulled',
    filters: [{ type: 'name', value: filter }],
  });

const registryStatus = async (id: number) => {
  const { registries } = await call('ListInstanceRegistries', { path: at() });
  return registries.find((registry: { id: number }) => registry.id === id) as {
    status: string;
    status_text: string;
  };
};

describe('lists that never end', { timeout: 120_000 }, () => {
  it('when a source’s catalog goes on page after page, then the run fails saying so, having read a bounded part', async () => {
    await call('CreateInstanceNamespace', {
      path: at(),
      body: { namespace_name: 'pulled', metadata: { public: 'false' } },
    });
    const catalog = pagedList('repositories', 5_000, 200);
    const source = await fake((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      if (url.pathname === '/v2/_catalog') return catalog(url, response);
      response.writeHead(200, API_VERSION).end('{}');
    });
    const run = await runPolicy(
      pullFrom(await addRegistry('endless-catalog', source.url), 'catalog', 'wanted/**'),
    );
    expect(run.status).toBe('Failed');
    expect(run.status_text).toMatch(/more than 100000/);
    expect(source.counted.requests).toBeLessThan(40);
  });

  it('when a repository’s tags go on page after page, then the run fails saying so, and plans nothing', async () => {
    const tags = pagedList('tags', 5_000, 200);
    const source = await fake((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      if (url.pathname === '/v2/_catalog')
        return response
          .writeHead(200, { ...API_VERSION, 'content-type': 'application/json' })
          .end(JSON.stringify({ repositories: ['wanted/app'] }));
      if (url.pathname === '/v2/wanted/app/tags/list') return tags(url, response);
      response.writeHead(200, API_VERSION).end('{}');
    });
    const run = await runPolicy(
      pullFrom(await addRegistry('endless-tags', source.url), 'tags', 'wanted/**'),
    );
    expect(run).toMatchObject({ status: 'Failed', total: 0 });
    expect(run.status_text).toMatch(/more than 100000/);
  });
});

describe('registries that are no registries', { timeout: 60_000 }, () => {
  it('when every answer is an HTML page, then the registry is unhealthy as not a registry, and a run fails saying why', async () => {
    const page = await fake((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html>Welcome</html>');
    });
    const id = await addRegistry('web-site', page.url);
    expect(await registryStatus(id)).toMatchObject({
      status: 'unhealthy',
      status_text: expect.stringMatching(/does not speak the Docker Registry API/),
    });
    const run = await runPolicy(pullFrom(id, 'from-web-site', '**'));
    expect(run.status).toBe('Failed');
    expect(run.status_text).toMatch(/not a list of repositories/);
  });

  it('when a target that was healthy goes away before a run, then the run fails and the registry says it cannot be reached', async () => {
    await call('CreateInstanceNamespace', {
      path: at(),
      body: { namespace_name: 'gone', metadata: { public: 'false' } },
    });
    expect((await push('gone 1', 'gone/app:1')).stderr).toBe('');
    const target = await fake((_request, response) => {
      response.writeHead(200, { ...API_VERSION, 'content-type': 'application/json' }).end('{}');
    });
    const id = await addRegistry('goes-away', target.url);
    expect((await registryStatus(id)).status).toBe('healthy');
    await target.close();
    const run = await runPolicy(
      replicationPolicy(id, { name: 'to-gone', filters: [{ type: 'name', value: 'gone/**' }] }),
    );
    expect(run).toMatchObject({ status: 'Failed', failed: 1 });
    expect(await registryStatus(id)).toMatchObject({
      status: 'unhealthy',
      status_text: expect.stringMatching(/cannot be reached/),
    });
    // swr-local itself answers on.
    expect(
      (await call('ListInstance', { path: { project_id: suite.project } })).instances,
    ).toHaveLength(1);
  });
});

describe('a stored secret and a new address', { timeout: 60_000 }, () => {
  it('when a registry’s address is changed with the secret left masked, then it is refused at the secret and the new address never sees it', async () => {
    const seen: string[] = [];
    const challenging = (request: IncomingMessage, response: ServerResponse) => {
      seen.push(`${request.headers.host} ${request.headers.authorization ?? ''}`);
      if (!request.headers.authorization)
        return response
          .writeHead(401, { ...API_VERSION, 'www-authenticate': 'Basic realm="r"' })
          .end();
      response.writeHead(200, API_VERSION).end('{}');
    };
    const owner = await fake(challenging);
    const elsewhere = await fake(challenging);
    const body = {
      ...targetRegistry,
      name: 'guarded-secret',
      url: owner.url,
      credential: { type: 'basic' as const, access_key: 'robot', access_secret: 'only-for-owner' },
    };
    const { id } = await call('CreateInstanceRegistry', { path: at(), body });
    const masked = { ...body.credential, access_secret: '*****' };
    const moved = await suite.sandbox
      .client(suite.admin)
      .request('UpdateInstanceRegistry', {
        path: { ...at(), registry_id: id },
        body: { ...body, url: elsewhere.url, credential: masked },
      })
      .catch((error: { status: number; message: string }) => error);
    expect(moved).toMatchObject({
      status: 400,
      message: expect.stringContaining('body.credential.access_secret'),
    });
    expect(elsewhere.counted.requests).toBe(0);
    // The same address keeps the stored secret; a new address with the secret typed again works.
    await call('UpdateInstanceRegistry', {
      path: { ...at(), registry_id: id },
      body: { ...body, name: 'renamed', credential: masked },
    });
    expect(await registryStatus(id)).toMatchObject({ status: 'healthy', url: owner.url });
    await call('UpdateInstanceRegistry', {
      path: { ...at(), registry_id: id },
      body: { ...body, url: elsewhere.url },
    });
    expect(seen.filter((line) => line.startsWith(new URL(elsewhere.url).host))).toContain(
      `${new URL(elsewhere.url).host} Basic ${Buffer.from('robot:only-for-owner').toString('base64')}`,
    );
  });
});
