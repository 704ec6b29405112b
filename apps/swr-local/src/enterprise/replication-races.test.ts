import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReplicationExecution, SwrClient } from '@swr-console/swr-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as suite from '../testing/enterprise-suite.js';
import {
  at,
  call,
  failure,
  ns,
  push,
  replicationPolicy,
  retentionPolicy,
  targetRegistry,
  useEnterpriseSandbox,
} from '../testing/enterprise-suite.js';
import { skopeo, startTestRegistry, type TestRegistry } from '../testing/registry-fronts.js';
import { waitFor } from '../testing/wait.js';
import { runScheduledReplication } from './replication.js';

// Replication when things happen at once: runs that hang beside other background work, a restart
// in the middle of a copy, runs started together, registries changed together, and a schedule
// that comes back from a long stop.
useEnterpriseSandbox();

let target: TestRegistry;
const servers: Server[] = [];
beforeAll(async () => {
  target = await startTestRegistry();
}, 60_000);
afterAll(async () => {
  for (const server of servers) server.close();
  if (target) target.hold = undefined;
  await target?.stop();
});

async function namespaceWith(name: string, tags: string[]) {
  await call('CreateInstanceNamespace', {
    path: at(),
    body: { namespace_name: name, metadata: { public: 'false' } },
  });
  for (const tag of tags)
    expect((await push(`${name} ${tag}`, `${name}/app:${tag}`)).stderr).toBe('');
}

async function addTarget(name: string, url = target.url): Promise<number> {
  return (
    await call('CreateInstanceRegistry', { path: at(), body: { ...targetRegistry, name, url } })
  ).id as number;
}

async function pushPolicy(name: string, registryId: number, namespace: string): Promise<number> {
  const body = replicationPolicy(registryId, {
    name,
    filters: [{ type: 'name', value: `${namespace}/**` }],
  });
  return (await call('CreateInstanceReplicationPolicy', { path: at(), body })).id as number;
}

const execute = (policyId: number, as?: SwrClient) =>
  call('ExecuteInstanceReplicationPolicy', { path: at(), body: { policy_id: policyId } }, as);

async function ended(policyId: number, executionId: number, as?: SwrClient) {
  return waitFor(
    async () => {
      const listed = await call(
        'ListInstanceReplicationPolicyExecutions',
        { path: at(), query: { policy_id: policyId } },
        as,
      );
      const found = (listed.executions as ReplicationExecution[]).find((e) => e.id === executionId);
      return found?.status === 'InProgress' ? undefined : found;
    },
    30_000,
    `execution ${executionId}`,
  );
}

const heldPuts = (namespace: string) =>
  target.requests.filter((line) => line.startsWith(`PUT /v2/${namespace}/app/manifests/`)).length;

describe('replication beside other work', { timeout: 120_000 }, () => {
  it('when two runs hang on a stalled target, then a retention run still runs and ends', async () => {
    await namespaceWith('hang', ['a']);
    await namespaceWith('busy', ['a', 'b', 'c']);
    const registryId = await addTarget('stalled');
    const first = await pushPolicy('hang-1', registryId, 'hang');
    const second = await pushPolicy('hang-2', registryId, 'hang');
    target.hold = (request) =>
      request.method === 'PUT' && (request.url ?? '').startsWith('/v2/hang/app/manifests/');
    try {
      const runs = [await execute(first), await execute(second)];
      await waitFor(() => heldPuts('hang') >= 2, 20_000, 'two held manifest writes');
      const { id: policyId } = await call('CreateInstanceRetentionPolicy', {
        path: ns('busy'),
        body: retentionPolicy(1),
      });
      const path = { ...ns('busy'), policy_id: policyId };
      const { id } = await call('ExecuteInstanceRetentionPolicy', {
        path,
        body: { dry_run: false },
      });
      const run = await waitFor(
        async () => {
          const { executions } = await call('ListInstanceRetentionPolicyExecutions', { path });
          const found = executions.find((e: { id: number }) => e.id === id);
          return found?.status !== 'InProgress' && found;
        },
        15_000,
        'the retention run while replication hangs',
      );
      expect(run.status).toBe('Succeed');
      for (const [i, policy] of [first, second].entries()) {
        await call('StopInstanceReplicationPolicyExecution', {
          path: { ...at(), execution_id: runs[i]!.id },
        });
        expect((await ended(policy, runs[i]!.id)).status).toBe('Stopped');
      }
    } finally {
      target.hold = undefined;
    }
  });

  it('when a run is asked for five times at once, then one starts and four are 409', async () => {
    await namespaceWith('once', ['a']);
    const policyId = await pushPolicy('once', await addTarget('once'), 'once');
    const answers = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        suite.sandbox.client(suite.admin).request('ExecuteInstanceReplicationPolicy', {
          path: at(),
          body: { policy_id: policyId },
        }),
      ),
    );
    const started = answers.filter((answer) => answer.status === 'fulfilled');
    const refused = answers.flatMap((answer) =>
      answer.status === 'rejected' ? [(answer.reason as { status: number }).status] : [],
    );
    expect([started.length, refused]).toEqual([1, [409, 409, 409, 409]]);
    const run = (started[0] as PromiseFulfilledResult<{ data: { id: number } }>).value.data;
    expect((await ended(policyId, run.id)).status).toBe('Succeed');
    // Deleting it once it ended works; while it ran it was refused (the suite checks that).
    await call('DeleteInstanceReplicationPolicy', { path: { ...at(), policy_id: policyId } });
  });
});

describe('a policy switched off while its runs pile up', { timeout: 120_000 }, () => {
  it('when an on-push policy’s target hangs and the policy is disabled, then the runs pushes queued end without trying, and it can be deleted', async () => {
    await namespaceWith('pile', []);
    const registryId = await addTarget('piled');
    const { id: policyId } = await call('CreateInstanceReplicationPolicy', {
      path: at(),
      body: replicationPolicy(registryId, {
        name: 'on-push',
        filters: [{ type: 'name', value: 'pile/**' }],
        trigger: { type: 'event_based' },
      }),
    });
    target.hold = (request) =>
      request.method === 'PUT' && (request.url ?? '').startsWith('/v2/pile/app/manifests/');
    try {
      for (const tag of ['1', '2', '3'])
        expect((await push(`pile ${tag}`, `pile/app:${tag}`)).stderr).toBe('');
      await waitFor(() => heldPuts('pile') >= 2, 20_000, 'two held manifest writes');
      await call('UpdateInstanceReplicationPolicy', {
        path: { ...at(), policy_id: policyId },
        body: replicationPolicy(registryId, {
          name: 'on-push',
          filters: [{ type: 'name', value: 'pile/**' }],
          trigger: { type: 'event_based' },
          enabled: false,
        }),
      });
      const { db } = suite.sandbox.services;
      const started = db
        .prepare(
          `SELECT DISTINCT e.id FROM ent_replication_executions e JOIN ent_replication_tasks t ON t.execution_id = e.id
           WHERE e.policy_id = ? AND e.status = 'InProgress'`,
        )
        .pluck()
        .all(policyId) as number[];
      expect(started).toHaveLength(2);
      for (const id of started)
        await call('StopInstanceReplicationPolicyExecution', {
          path: { ...at(), execution_id: id },
        });
      const runs = await waitFor(
        () => {
          const rows = db
            .prepare(
              'SELECT id, status, status_text FROM ent_replication_executions WHERE policy_id = ?',
            )
            .all(policyId) as { id: number; status: string; status_text: string }[];
          return rows.every((row) => row.status !== 'InProgress') ? rows : undefined;
        },
        10_000,
        'the queued run to end by itself',
      );
      expect(runs.filter((run) => !started.includes(run.id))).toEqual([
        expect.objectContaining({
          status: 'Stopped',
          status_text: expect.stringMatching(/disabled/),
        }),
      ]);
      await call('DeleteInstanceReplicationPolicy', { path: { ...at(), policy_id: policyId } });
    } finally {
      target.hold = undefined;
    }
  });
});

describe('registries changed at once', { timeout: 60_000 }, () => {
  it('when a slow check of an old address ends after the check of the new one, then the status is the new address’s', async () => {
    const slow = createServer((_request, response) => {
      setTimeout(() => response.writeHead(503).end('not a registry'), 1_500);
    });
    servers.push(slow);
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
    const id = await addTarget('flapping');
    const update = (url: string) =>
      call('UpdateInstanceRegistry', {
        path: { ...at(), registry_id: id },
        body: { ...targetRegistry, name: 'flapping', url },
      });
    const toSlow = update(slowUrl);
    await waitFor(() => {
      const stored = suite.sandbox.services.db
        .prepare('SELECT definition FROM ent_registries WHERE id = ?')
        .pluck()
        .get(id) as string;
      return stored.includes(slowUrl);
    });
    await update(target.url);
    await toSlow;
    const { registries } = await call('ListInstanceRegistries', { path: at() });
    expect(registries.find((r: { id: number }) => r.id === id)).toMatchObject({
      url: target.url,
      status: 'healthy',
      status_text: '',
    });
  });
});

describe('a schedule after a long stop', { timeout: 60_000 }, () => {
  it('when a policy’s time passed hours ago, then it runs once and is armed for a time to come', async () => {
    const registryId = await addTarget('scheduled');
    const body = replicationPolicy(registryId, {
      name: 'every-minute',
      filters: [{ type: 'name', value: 'nothing-here/**' }],
      trigger: { type: 'scheduled', trigger_settings: { cron: '0 * * * * *' } },
    });
    const { id } = await call('CreateInstanceReplicationPolicy', { path: at(), body });
    const { db } = suite.sandbox.services;
    const missed = new Date(Date.now() - 3 * 3_600_000);
    missed.setUTCSeconds(0, 0);
    db.prepare('UPDATE ent_replication_policies SET next_run_at = ? WHERE id = ?').run(
      missed.toISOString(),
      id,
    );
    runScheduledReplication(suite.sandbox.services, id, missed.toISOString());
    const next = db
      .prepare('SELECT next_run_at FROM ent_replication_policies WHERE id = ?')
      .pluck()
      .get(id) as string;
    expect(new Date(next).getTime()).toBeGreaterThan(Date.now());
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const runs = db
      .prepare('SELECT COUNT(*) FROM ent_replication_executions WHERE policy_id = ?')
      .pluck()
      .get(id) as number;
    expect(runs).toBe(1);
    await call('DeleteInstanceReplicationPolicy', { path: { ...at(), policy_id: id } });
  });
});

describe('a restart in the middle of a copy', { timeout: 120_000 }, () => {
  it('when swr-local stops while a copy hangs, then it stops at once, and after the restart the run copies the tag and ends', async () => {
    await namespaceWith('midway', ['1']);
    const policyId = await pushPolicy('midway', await addTarget('midway'), 'midway');
    target.hold = (request) =>
      request.method === 'PUT' && (request.url ?? '').startsWith('/v2/midway/app/manifests/');
    let restarted = false;
    try {
      const run = await execute(policyId);
      await waitFor(() => heldPuts('midway') >= 1, 20_000, 'the held manifest write');
      const started = Date.now();
      const restart = suite.sandbox.restart().then(() => (restarted = true));
      // The stop has begun (the copy in flight is told at once): the copy after the restart is
      // not held.
      target.hold = undefined;
      await waitFor(() => restarted || Date.now() - started > 10_000, 15_000);
      expect(restarted, 'the restart did not wait for the hung copy').toBe(true);
      await restart;
      const client = suite.sandbox.client(suite.admin);
      const done = await ended(policyId, run.id, client);
      expect(done).toMatchObject({ status: 'Succeed', succeed: 1, total: 1 });
      expect(
        await skopeo('inspect', '--tls-verify=false', `docker://${target.host}/midway/app:1`),
      ).toContain('sha256:');
    } finally {
      target.hold = undefined;
    }
  });

  it('when the run was stopped by hand before a restart, then it stays stopped after it', async () => {
    const client = suite.sandbox.client(suite.admin);
    const { executions } = await call(
      'ListInstanceReplicationPolicyExecutions',
      { path: at() },
      client,
    );
    const stopped = (executions as ReplicationExecution[]).filter((e) => e.status === 'Stopped');
    expect(stopped.length).toBeGreaterThanOrEqual(2);
    const again = await failure(
      'StopInstanceReplicationPolicyExecution',
      { path: { ...at(), execution_id: stopped[0]!.id } },
      client,
    );
    expect(again.status).toBe(400);
  });
});
