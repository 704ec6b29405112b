import type { OperationId, WebhookBody } from '@swr-console/swr-api';
import { afterAll, describe, expect, it } from 'vitest';
import * as suite from '../testing/enterprise-suite.js';
import {
  WEBHOOK_SUITE,
  at,
  call,
  called,
  digestOf,
  failure,
  ns,
  push,
  useEnterpriseSandbox,
} from '../testing/enterprise-suite.js';
import { problemsOf } from '../testing/sdk-enterprise-models.js';
import { snapshot } from '../testing/snapshot.js';
import { waitFor } from '../testing/wait.js';
import { closeReceivers, closedAddress, receiver } from '../testing/webhook-receiver.js';
import { signBody, type PushArtifactEvent } from './webhook-delivery.js';

// Webhooks against receivers on loopback: what a push sends, signed; retries; what is refused;
// deliveries that survive a restart; secrets never answered; every answer read with the SDK models.
useEnterpriseSandbox();

const SECRET = 'Bearer s3cr3t-t0ken';
const AUTH_HEADER = `Authorization:${SECRET};X-Team:web`;

const answers: [OperationId, unknown][] = [];
async function answered<Id extends OperationId>(
  id: Id,
  input: Parameters<typeof call<Id>>[1],
  as?: Parameters<typeof call<Id>>[2],
) {
  const data = await call(id, input, as);
  answers.push([id, data]);
  return data;
}

afterAll(closeReceivers);

const webhook = (address: string, overrides: Partial<WebhookBody> = {}): WebhookBody => ({
  name: 'notify-ci',
  description: 'Tell CI about releases',
  enabled: true,
  event_types: ['PUSH_ARTIFACT'],
  targets: [{ type: 'http', address, address_type: 'internal', auth_header: AUTH_HEADER }],
  scope_rules: [
    {
      repo_scope_mode: 'regular',
      scope_selectors: {
        repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: 'app-*' }],
      },
      tag_selectors: [{ kind: 'doublestar', decoration: 'matches', pattern: 'v*' }],
    },
  ],
  ...overrides,
});

const hookPath = (namespace: string, id: number) => ({ ...ns(namespace), policy_id: id });

async function createNamespace(name: string) {
  await call('CreateInstanceNamespace', {
    path: at(),
    body: { namespace_name: name, metadata: { public: 'false' } },
  });
}

async function pushed(target: string) {
  expect((await push(target, target)).stderr).toBe('');
}

/** The webhook's jobs once none is waiting any more. */
async function settledJobs(
  namespace: string,
  id: number,
  count: number,
  client?: Parameters<typeof call>[2],
) {
  return waitFor(
    async () => {
      const { jobs } = await answered(
        'ListInstanceWebhookJobs',
        { path: hookPath(namespace, id) },
        client,
      );
      const done = jobs.filter(
        (job: { status: string }) => !['Pending', 'InProgress'].includes(job.status),
      );
      return done.length === count && jobs.length === count && jobs;
    },
    20_000,
    `${count} settled jobs`,
  );
}

describe('webhooks', { timeout: 120_000 }, () => {
  it('when a tag is pushed in scope, then the receiver gets one signed PUSH_ARTIFACT event and the job shows it delivered; out of scope, disabled or deleted, nothing', async () => {
    await createNamespace('hooks');
    const target = await receiver();
    const quiet = await receiver();
    const { id } = await answered('CreateInstanceWebhook', {
      path: ns('hooks'),
      body: webhook(target.address),
    });
    await answered('CreateInstanceWebhook', {
      path: ns('hooks'),
      body: webhook(quiet.address, { name: 'switched-off', enabled: false }),
    });
    await pushed('hooks/app-web:v1');
    const digest = await digestOf('hooks/app-web:v1');
    const [job] = await settledJobs('hooks', id, 1);
    expect(job).toMatchObject({
      policy_id: id,
      event_type: 'PUSH_ARTIFACT',
      notify_type: 'http',
      status: 'Succeed',
      status_text: 'HTTP 200',
    });
    expect(JSON.parse(job.job_detail)).toMatchObject({
      attempt: 1,
      status_code: 200,
      response_excerpt: 'received 1',
      error: null,
    });

    const [delivery] = target.received;
    const event = JSON.parse(delivery!.body) as PushArtifactEvent;
    expect(event).toMatchObject({
      type: 'PUSH_ARTIFACT',
      operator: suite.admin.name,
      event_data: {
        resources: [{ digest, tag: 'v1', resource_url: `${suite.host}/hooks/app-web:v1` }],
        repository: {
          name: 'app-web',
          namespace: 'hooks',
          repo_full_name: 'hooks/app-web',
          repo_type: 'private',
        },
      },
    });
    const headers = delivery!.headers;
    expect(delivery!.path).toBe('/hook');
    expect(headers).toMatchObject({
      authorization: SECRET,
      'x-team': 'web',
      'x-swr-event': 'PUSH_ARTIFACT',
    });
    expect(headers['x-swr-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    const signed = `${String(headers['x-swr-timestamp'])}.${delivery!.body}`;
    expect(headers['x-swr-signature-256']).toBe(signBody(signed, AUTH_HEADER));
    expect(headers['x-swr-signature-256']).not.toBe(signBody(signed, 'another key'));

    // Sent back masked, the headers keep their values; the next delivery proves it.
    const shown = await answered('ShowInstanceWebhook', { path: hookPath('hooks', id) });
    expect(shown.targets[0].auth_header).toBe('Authorization:*****;X-Team:*****');
    await answered('UpdateInstanceWebhook', {
      path: hookPath('hooks', id),
      body: webhook(target.address, { description: 'changed', targets: shown.targets }),
    });
    await pushed('hooks/app-web:latest');
    await pushed('hooks/tools:v1');
    await pushed('hooks/app-web:v2');
    await settledJobs('hooks', id, 2);
    expect(target.tags()).toEqual(['v1', 'v2']);
    expect(target.received[1]!.headers.authorization).toBe(SECRET);
    expect(quiet.received).toEqual([]);

    await answered('DeleteInstanceWebhook', { path: hookPath('hooks', id) });
    expect((await failure('ListInstanceWebhookJobs', { path: hookPath('hooks', id) })).status).toBe(
      404,
    );
    const left = suite.sandbox.services.db
      .prepare('SELECT COUNT(*) FROM ent_webhook_jobs WHERE policy_id = ?')
      .pluck()
      .get(id);
    expect(left).toBe(0);
  });

  it('when a cosign signature tag is pushed, then no event is sent for it', async () => {
    await createNamespace('sigs');
    const target = await receiver();
    const everything = webhook(target.address).scope_rules.map((rule) => ({
      ...rule,
      scope_selectors: { repository: [{ ...rule.scope_selectors.repository[0]!, pattern: '**' }] },
      tag_selectors: [{ ...rule.tag_selectors[0]!, pattern: '**' }],
    }));
    const { id } = await call('CreateInstanceWebhook', {
      path: ns('sigs'),
      body: webhook(target.address, { scope_rules: everything }),
    });
    await pushed('sigs/app:v1');
    await settledJobs('sigs', id, 1);
    const signature = `${(await digestOf('sigs/app:v1')).replace(':', '-')}.sig`;
    await pushed(`sigs/app:${signature}`);
    await pushed('sigs/app:v2');
    await settledJobs('sigs', id, 2);
    expect(target.tags()).toEqual(['v1', 'v2']);
  });

  it('when the receiver fails, then 5xx is retried up to 3 attempts, 4xx is not, and each job says why', async () => {
    suite.sandbox.services.webhookRetryDelayMs = () => 50;
    await createNamespace('retries');
    const flaky = await receiver((n) => (n <= 2 ? 500 : 200));
    const broken = await receiver(() => 500);
    const missing = await receiver(() => 404);
    const closed = await closedAddress();
    const ids: number[] = [];
    for (const [name, address] of [
      ['flaky', flaky.address],
      ['broken', broken.address],
      ['missing', missing.address],
      ['closed', closed],
    ] as const)
      ids.push(
        (
          await call('CreateInstanceWebhook', {
            path: ns('retries'),
            body: webhook(address, { name }),
          })
        ).id,
      );
    await pushed('retries/app-api:v1');
    const jobs = await Promise.all(ids.map(async (id) => (await settledJobs('retries', id, 1))[0]));
    const outcome = (job: { status: string; status_text: string; job_detail: string }) => [
      job.status,
      job.status_text,
      (JSON.parse(job.job_detail) as { attempt: number }).attempt,
    ];
    expect(jobs.map(outcome)).toEqual([
      ['Succeed', 'HTTP 200', 3],
      ['Failed', 'HTTP 500 after 3 attempts', 3],
      ['Failed', 'HTTP 404 (not retried: the receiver refused it)', 1],
      ['Failed', 'connection refused after 3 attempts', 3],
    ]);
    expect([flaky.received.length, broken.received.length, missing.received.length]).toEqual([
      3, 3, 1,
    ]);
    // Every attempt of the event is the same delivery, so a receiver can drop repeats.
    expect(new Set(flaky.received.map((one) => one.headers['x-swr-delivery'])).size).toBe(1);
    const failed = await answered('ListInstanceWebhookJobs', {
      path: hookPath('retries', ids[1]!),
      query: { status: 'Failed' },
    });
    expect(failed.total).toBe(1);
    const none = await answered('ListInstanceWebhookJobs', {
      path: hookPath('retries', ids[1]!),
      query: { status: 'Succeed' },
    });
    expect(none).toEqual({ jobs: [], total: 0 });
  });

  it('when a webhook is wrong, then it is refused at the field and nothing changes', async () => {
    await createNamespace('refused');
    const address = 'http://10.0.0.8:8080/hook';
    const { id } = await call('CreateInstanceWebhook', {
      path: ns('refused'),
      body: webhook(address),
    });
    const before = snapshot(suite.sandbox);
    const target = webhook(address).targets[0]!;
    const wrongs: [Partial<WebhookBody>, string][] = [
      [
        {
          targets: [{ ...target, address: 'http://127.0.0.1:8080/hook', address_type: 'internet' }],
        },
        'body.targets.0.address',
      ],
      [
        { targets: [{ ...target, auth_header: 'Authorization:a\r\nX-Evil:b' }] },
        'body.targets.0.auth_header',
      ],
      [
        { targets: [{ ...target, auth_header: 'Authorization:*****' }] },
        'body.targets.0.auth_header',
      ],
      [{ targets: [target, target] }, 'body.targets.1.address'],
      [{ event_types: ['PUSH_ARTIFACT', 'PUSH_ARTIFACT'] }, 'body.event_types'],
      [{ event_types: ['DELETE_ARTIFACT' as 'PUSH_ARTIFACT'] }, 'body.event_types.0'],
    ];
    for (const [overrides, field] of wrongs) {
      const error = await failure('CreateInstanceWebhook', {
        path: ns('refused'),
        body: webhook(address, { name: 'other', ...overrides }),
      });
      expect([error.status, error.message]).toEqual([400, expect.stringContaining(field)]);
    }
    const taken = await failure('CreateInstanceWebhook', {
      path: ns('refused'),
      body: webhook(address),
    });
    expect([taken.status, taken.message]).toEqual([409, expect.stringContaining('notify-ci')]);
    const moved = await failure('UpdateInstanceWebhook', {
      path: hookPath('refused', id),
      body: webhook(address, { targets: [{ ...target, address: 'http://10.0.0.9:8080/hook' }] }),
    });
    expect([moved.status, moved.message]).toEqual([
      400,
      expect.stringContaining(`body.targets.0.address`),
    ]);
    expect(moved.message).toContain(address);
    expect(snapshot(suite.sandbox)).toEqual(before);

    for (let i = 2; i <= 10; i++)
      await call('CreateInstanceWebhook', {
        path: ns('refused'),
        body: webhook(address, { name: `hook-${i}` }),
      });
    const eleventh = await failure('CreateInstanceWebhook', {
      path: ns('refused'),
      body: webhook(address, { name: 'hook-11' }),
    });
    expect([eleventh.status, eleventh.message]).toEqual([
      400,
      expect.stringContaining('10 webhooks'),
    ]);
    const namespaceId = (await call('ShowInstanceNamespace', { path: ns('refused') })).namespace_id;
    const listed = await answered('ListInstanceWebhooks', {
      path: at(),
      query: {
        namespace_id: namespaceId,
        name: 'hook-1',
        order_column: 'name',
        order_type: 'asc',
        limit: 5,
        offset: 0,
      },
    });
    expect(listed.total).toBe(1);
    expect(listed.policies.map((policy: { name: string }) => policy.name)).toEqual(['hook-10']);
    const newest = await answered('ListInstanceWebhooks', {
      path: at(),
      query: { namespace_id: namespaceId, limit: 5, offset: 5 },
    });
    expect([newest.total, newest.policies.at(-1).id]).toEqual([10, id]);
  });

  it('when creates race, then a name is taken once and a namespace holds at most 10', async () => {
    await createNamespace('raced');
    const create = (name: string) =>
      failure('CreateInstanceWebhook', {
        path: ns('raced'),
        body: webhook('http://10.0.0.8/hook', { name }),
      }).then(
        (error) => error.status,
        () => 201,
      );
    const same = await Promise.all(Array.from({ length: 4 }, () => create('same')));
    expect(same.sort()).toEqual([201, 409, 409, 409]);
    const many = await Promise.all(Array.from({ length: 12 }, (_, i) => create(`hook-${i}`)));
    expect(many.filter((status) => status === 201)).toHaveLength(9);
    expect(many.filter((status) => status === 400)).toHaveLength(3);
  });

  it('when swr-local stops with deliveries waiting, then after a restart they are sent, except for a webhook deleted meanwhile', async () => {
    await createNamespace('resumed');
    const target = await receiver();
    const gone = await receiver();
    const body = webhook(target.address, {
      targets: [
        webhook(target.address).targets[0]!,
        { ...webhook(target.address).targets[0]!, address: `${target.address}/second` },
      ],
    });
    const { id } = await call('CreateInstanceWebhook', { path: ns('resumed'), body });
    const { id: deleted } = await call('CreateInstanceWebhook', {
      path: ns('resumed'),
      body: webhook(gone.address, { name: 'deleted' }),
    });
    await suite.sandbox.services.jobs.stop();
    await pushed('resumed/app-ops:v1');
    const { jobs } = await answered('ListInstanceWebhookJobs', { path: hookPath('resumed', id) });
    expect(jobs.map((job: { status: string }) => job.status)).toEqual(['Pending', 'Pending']);
    await call('DeleteInstanceWebhook', { path: hookPath('resumed', deleted) });
    // One delivery as a crash in the middle of sending leaves it.
    await suite.sandbox.restart((db) =>
      db.prepare("UPDATE ent_webhook_jobs SET status = 'InProgress' WHERE id = ?").run(jobs[0].id),
    );
    const client = suite.sandbox.client(suite.admin);
    const settled = await settledJobs('resumed', id, 2, client);
    expect(settled.map((job: { status: string }) => job.status)).toEqual(['Succeed', 'Succeed']);
    expect(target.received.map((one) => one.path).sort()).toEqual(['/hook', '/hook/second']);
    expect(gone.received).toEqual([]);
  });
});

describe('the webhook suite', () => {
  it('when it ran, then no answer held a header value, the SDK models read every answer, and every operation was called', () => {
    for (const [id, body] of answers) {
      expect(JSON.stringify(body) ?? '', id).not.toContain('s3cr3t');
      expect(problemsOf(id, body), id).toEqual([]);
    }
    expect(new Set(answers.map(([id]) => id))).toEqual(
      new Set(WEBHOOK_SUITE.filter((id) => id.includes('Webhook'))),
    );
    expect([...called].sort()).toEqual([...WEBHOOK_SUITE].sort());
  });
});
