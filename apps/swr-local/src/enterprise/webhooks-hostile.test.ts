import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SwrClient, WebhookBody } from '@swr-console/swr-api';
import { afterAll, describe, expect, it } from 'vitest';
import * as suite from '../testing/enterprise-suite.js';
import { at, call, ns, push, useEnterpriseSandbox } from '../testing/enterprise-suite.js';
import { waitFor } from '../testing/wait.js';

// Webhooks against receivers that misbehave: one that echoes what it was sent (secrets included),
// one that hangs while swr-local restarts, targets that are swr-local itself, and many webhooks
// that hang at once.
useEnterpriseSandbox();

const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

async function receiver(handle: (request: IncomingMessage, response: ServerResponse) => void) {
  const server = createServer(handle);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

const SECRET = 'Bearer echo-me-s3cr3t-value';

const webhook = (name: string, addresses: string[], authHeader?: string): WebhookBody => ({
  name,
  enabled: true,
  event_types: ['PUSH_ARTIFACT'],
  targets: addresses.map((address) => ({
    type: 'http' as const,
    address,
    address_type: 'internal' as const,
    ...(authHeader ? { auth_header: authHeader } : {}),
  })),
  scope_rules: [
    {
      repo_scope_mode: 'regular',
      scope_selectors: {
        repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: '**' }],
      },
      tag_selectors: [{ kind: 'doublestar', decoration: 'matches', pattern: '**' }],
    },
  ],
});

async function namespace(name: string) {
  await call('CreateInstanceNamespace', {
    path: at(),
    body: { namespace_name: name, metadata: { public: 'false' } },
  });
}

async function pushed(target: string) {
  expect((await push(target, target)).stderr).toBe('');
}

async function settled(namespaceName: string, id: number, count: number, as?: SwrClient) {
  return waitFor(
    async () => {
      const { jobs } = await call(
        'ListInstanceWebhookJobs',
        { path: { ...ns(namespaceName), policy_id: id } },
        as,
      );
      const done = jobs.filter(
        (job: { status: string }) => !['Pending', 'InProgress'].includes(job.status),
      );
      return done.length === count && jobs.length === count && jobs;
    },
    30_000,
    `${count} settled jobs`,
  );
}

describe('receivers that answer with what they were sent', { timeout: 60_000 }, () => {
  it('when a receiver echoes the request headers, then the job shows its answer without the header values', async () => {
    await namespace('echoed');
    const address = await receiver((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ headers: request.headers, padding: 'x'.repeat(2030) }));
    });
    const redirecting = await receiver((request, response) => {
      response.writeHead(302, {
        location: `https://elsewhere/?h=${request.headers.authorization}`,
      });
      response.end();
    });
    const authHeader = `Authorization:${SECRET};X-Team:web-team-token`;
    const { id } = await call('CreateInstanceWebhook', {
      path: ns('echoed'),
      body: webhook('echo', [address, redirecting], authHeader),
    });
    await pushed('echoed/app:v1');
    const jobs = await settled('echoed', id, 2);
    const shown = JSON.stringify(jobs);
    // The echo itself is shown (its header names), not the values.
    expect(shown).toContain('authorization');
    expect(shown).not.toContain('s3cr3t');
    expect(shown).not.toContain('web-team-token');
    expect(shown).toContain('*****');
  });
});

describe('targets that are swr-local itself', { timeout: 60_000 }, () => {
  it('when a webhook calls swr-local’s own API and registry, then each delivery is refused there, once, and nothing else happens', async () => {
    await namespace('itself');
    const api = suite.sandbox.api();
    const targets = [
      `${api}/v2/manage/namespaces`,
      `http://${suite.host}/v2/itself/app/blobs/uploads/`,
    ];
    const { id } = await call('CreateInstanceWebhook', {
      path: ns('itself'),
      body: webhook('loop', targets, 'X-Auth-Token:not-a-token'),
    });
    await pushed('itself/app:v1');
    const jobs = await settled('itself', id, 2);
    for (const job of jobs)
      expect(job).toMatchObject({
        status: 'Failed',
        status_text: expect.stringMatching(/^HTTP 40[01].*not retried/),
      });
    const { total } = await call('ListInstanceRepositories', {
      path: at(),
      query: {
        namespace_id: (await call('ShowInstanceNamespace', { path: ns('itself') })).namespace_id,
      },
    });
    expect(total).toBe(1);
  });
});

describe('many webhooks that hang', { timeout: 60_000 }, () => {
  it('when ten webhooks of five hanging targets each see pushes, then a delivery is queued per target and push, and other work goes on', async () => {
    await namespace('crowd');
    const hanging = await receiver(() => undefined);
    const addresses = Array.from({ length: 5 }, (_, i) => `${hanging}/${i}`);
    const ids: number[] = [];
    for (let i = 0; i < 10; i++)
      ids.push(
        (
          await call('CreateInstanceWebhook', {
            path: ns('crowd'),
            body: webhook(`hang-${i}`, addresses),
          })
        ).id as number,
      );
    for (const tag of ['a', 'b']) await pushed(`crowd/app:${tag}`);
    const { db } = suite.sandbox.services;
    const queued = () =>
      db
        .prepare(
          `SELECT COUNT(*) FROM ent_webhook_jobs j JOIN ent_webhooks w ON w.id = j.policy_id
           JOIN ent_namespaces n ON n.id = w.namespace_id WHERE n.name = 'crowd'`,
        )
        .pluck()
        .get() as number;
    expect(queued()).toBe(10 * 5 * 2);
    // A retention run is not kept waiting behind the deliveries.
    const { id: policyId } = await call('CreateInstanceRetentionPolicy', {
      path: ns('crowd'),
      body: {
        name: 'keep-one',
        algorithm: 'or',
        enabled: true,
        trigger: { type: 'manual' },
        rules: [
          {
            action: 'retain',
            template: 'latestPushedK',
            params: { latestPushedK: 1 },
            tag_selectors: [{ kind: 'doublestar', decoration: 'matches', pattern: '**' }],
            scope_selectors: {
              repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: '**' }],
            },
            repo_scope_mode: 'regular',
          },
        ],
      },
    });
    const path = { ...ns('crowd'), policy_id: policyId };
    const run = await call('ExecuteInstanceRetentionPolicy', { path, body: { dry_run: false } });
    await waitFor(
      async () => {
        const { executions } = await call('ListInstanceRetentionPolicyExecutions', { path });
        return executions.find(
          (e: { id: number; status: string }) => e.id === run.id && e.status === 'Succeed',
        );
      },
      8_000,
      'the retention run beside hanging deliveries',
    );
    for (const id of ids)
      await call('DeleteInstanceWebhook', { path: { ...ns('crowd'), policy_id: id } });
    expect(queued()).toBe(0);
  });
});

describe('a restart in the middle of a delivery', { timeout: 60_000 }, () => {
  it('when swr-local stops while a receiver hangs, then it stops at once, and after the restart the event is delivered once more with the same id, as the first attempt', async () => {
    await namespace('midway');
    const seen: string[] = [];
    const address = await receiver((request, response) => {
      seen.push(String(request.headers['x-swr-delivery']));
      // The first attempt hangs; later ones are taken.
      if (seen.length > 1) response.writeHead(200).end('ok');
    });
    const { id } = await call('CreateInstanceWebhook', {
      path: ns('midway'),
      body: webhook('midway', [address]),
    });
    await pushed('midway/app:v1');
    // Deliveries still hanging from the suite before may hold the webhook workers for 10 s.
    await waitFor(() => seen.length === 1, 20_000, 'the first attempt');
    const started = Date.now();
    await suite.sandbox.restart();
    expect(Date.now() - started).toBeLessThan(5_000);
    const client = suite.sandbox.client(suite.admin);
    const [job] = await settled('midway', id, 1, client);
    expect(job.status).toBe('Succeed');
    expect(JSON.parse(job.job_detail as string)).toMatchObject({ attempt: 1, status_code: 200 });
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
  });
});
