import type { OperationId, ReplicationExecution } from '@swr-console/swr-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as suite from '../testing/enterprise-suite.js';
import {
  REPLICATION_SUITE,
  at,
  call,
  called,
  digestOf,
  failure,
  push,
  replicationPolicy,
  targetRegistry,
  useEnterpriseSandbox,
} from '../testing/enterprise-suite.js';
import { skopeo, startTestRegistry, type TestRegistry } from '../testing/registry-fronts.js';
import { problemsOf } from '../testing/sdk-enterprise-models.js';
import { snapshot } from '../testing/snapshot.js';
import { waitFor } from '../testing/wait.js';

// Replication between the instance's registry and a plain docker-registry started as a
// "self-built" target: what a push copies (skopeo reads the same digests there), what a pull
// brings in, runs on push, stopping a run, and every answer read with the official SDK's models.
useEnterpriseSandbox();

let target: TestRegistry;
beforeAll(async () => {
  target = await startTestRegistry();
}, 60_000);
afterAll(() => target?.stop());

const answers: [OperationId, unknown][] = [];
async function answered<Id extends OperationId>(id: Id, input: Parameters<typeof call<Id>>[1]) {
  const data = await call(id, input);
  answers.push([id, data]);
  return data;
}

const remoteDigest = async (reference: string) =>
  (
    JSON.parse(
      await skopeo('inspect', '--tls-verify=false', `docker://${target.host}/${reference}`),
    ) as {
      Digest: string;
    }
  ).Digest;

async function addTarget(name: string, url = target.url) {
  const { id } = await answered('CreateInstanceRegistry', {
    path: at(),
    body: { ...targetRegistry, name, url },
  });
  return id;
}

async function namespace(name: string) {
  await call('CreateInstanceNamespace', {
    path: at(),
    body: { namespace_name: name, metadata: { public: 'false' } },
  });
}

/** Waits for a run to end and answers it with the sub-tasks of its tasks. */
async function ended(policyId: number, executionId: number) {
  const execution = await waitFor(
    async () => {
      const listed = await answered('ListInstanceReplicationPolicyExecutions', {
        path: at(),
        query: { policy_id: policyId },
      });
      const found = (listed.executions as ReplicationExecution[]).find((e) => e.id === executionId);
      return found?.status === 'InProgress' ? undefined : found;
    },
    30_000,
    `execution ${executionId}`,
  );
  const path = { ...at(), execution_id: executionId };
  const tasks = await answered('ListInstanceReplicationPolicyExecTasks', { path });
  const subtasks = [];
  for (const task of tasks.tasks)
    subtasks.push(
      ...(
        await answered('ListInstanceReplicationPolicyExecSubTasks', {
          path: { ...path, task_id: task.id },
          query: { limit: 100, offset: 0 },
        })
      ).subtasks,
    );
  return { execution, tasks: tasks.tasks, subtasks };
}

describe('registries', { timeout: 60_000 }, () => {
  it('when a registry is added, then it is checked, its secret never comes back, and one that does not answer is marked unhealthy with why', async () => {
    const id = await addTarget('plain');
    const shown = await answered('ShowInstanceRegistry', { path: { ...at(), registry_id: id } });
    expect(shown).toMatchObject({ name: 'plain', status: 'healthy', url: target.url });
    const { id: guarded } = await answered('CreateInstanceRegistry', {
      path: at(),
      body: {
        ...targetRegistry,
        name: 'down',
        url: 'http://127.0.0.1:9',
        credential: { type: 'basic', access_key: 'robot', access_secret: 'hunter2-secret' },
      },
    });
    const down = await answered('ShowInstanceRegistry', {
      path: { ...at(), registry_id: guarded },
    });
    expect(down).toMatchObject({ status: 'unhealthy', credential: { access_secret: '*****' } });
    expect(down.status_text).toMatch(/127\.0\.0\.1:9/);
    // A masked secret on update keeps the stored one; the list never shows it either.
    await answered('UpdateInstanceRegistry', {
      path: { ...at(), registry_id: guarded },
      body: {
        ...targetRegistry,
        name: 'down-renamed',
        url: 'http://127.0.0.1:9',
        credential: { type: 'basic', access_key: 'robot', access_secret: '*****' },
      },
    });
    const stored = suite.sandbox.services.db
      .prepare('SELECT definition FROM ent_registries WHERE id = ?')
      .pluck()
      .get(guarded) as string;
    expect(stored).toContain('hunter2-secret');
    const listed = await answered('ListInstanceRegistries', { path: at() });
    expect(JSON.stringify(listed)).not.toContain('hunter2-secret');
    await answered('DeleteInstanceRegistry', { path: { ...at(), registry_id: guarded } });
  });

  it('when a policy or registry is wrong, then it is refused at the field and nothing changes', async () => {
    const before = snapshot(suite.sandbox);
    const wrongs: [
      Parameters<typeof failure<'CreateInstanceReplicationPolicy'>>[1]['body'],
      string,
    ][] = [
      [replicationPolicy(1, { src_registry: { id: 1 } }), 'dest_registry'],
      [replicationPolicy(999_999), 'dest_registry.id'],
      [
        replicationPolicy(1, {
          dest_registry: undefined,
          src_registry: { id: 1 },
          trigger: { type: 'event_based' },
        }),
        'trigger.type',
      ],
      [
        replicationPolicy(1, {
          trigger: { type: 'scheduled', trigger_settings: { cron: '0 0 * * *' } },
        }),
        'cron',
      ],
      [
        replicationPolicy(1, {
          filters: [
            { type: 'tag', value: 'a' },
            { type: 'tag', value: 'b' },
          ],
        }),
        'filters',
      ],
    ];
    for (const [body, field] of wrongs) {
      const error = await failure('CreateInstanceReplicationPolicy', { path: at(), body });
      expect([error.status, error.message]).toEqual([400, expect.stringContaining(field)]);
    }
    const registry = await failure('CreateInstanceRegistry', {
      path: at(),
      body: { ...targetRegistry, url: 'ftp://mirror.example' },
    });
    expect([registry.status, registry.message]).toEqual([400, expect.stringContaining('url')]);
    expect(snapshot(suite.sandbox)).toEqual(before);
  });
});

describe('replication runs', { timeout: 120_000 }, () => {
  it('when a push policy runs, then the matching tags are at the target with the same digests, each sub-task said, and a second run finds them there', async () => {
    await namespace('repl');
    for (const tag of ['v1', 'v2', 'latest'])
      expect((await push(`app ${tag}`, `repl/app:${tag}`)).stderr).toBe('');
    expect((await push('other', 'repl/other:v1')).stderr).toBe('');
    const registryId = await addTarget('mirror');
    const { id } = await answered('CreateInstanceReplicationPolicy', {
      path: at(),
      body: replicationPolicy(registryId, {
        filters: [
          { type: 'name', value: 'repl/app' },
          { type: 'tag', value: 'v*' },
        ],
        dest_namespace: 'mirror',
      }),
    });
    const shown = await answered('ShowInstanceReplicationPolicy', {
      path: { ...at(), policy_id: id },
    });
    expect(shown).toMatchObject({ dest_registry: { id: registryId }, dest_namespace: 'mirror' });
    const run = await answered('ExecuteInstanceReplicationPolicy', {
      path: at(),
      body: { policy_id: id },
    });
    const first = await ended(id, run.id);
    expect(first.execution).toMatchObject({
      status: 'Succeed',
      total: 2,
      succeed: 2,
      failed: 0,
      trigger: 'manual',
    });
    expect(first.tasks).toEqual([
      expect.objectContaining({
        src_resource: 'repl/app',
        dst_resource: `${target.host}/mirror/app`,
        status: 'Succeed',
      }),
    ]);
    expect(first.subtasks.map((s: { tag: string }) => s.tag)).toEqual(['v1', 'v2']);
    for (const tag of ['v1', 'v2']) {
      const digest = await digestOf(`repl/app:${tag}`);
      expect(await remoteDigest(`mirror/app:${tag}`)).toBe(digest);
      expect(first.subtasks.find((s: { tag: string }) => s.tag === tag)?.digest).toBe(digest);
    }
    const second = await ended(
      id,
      (await call('ExecuteInstanceReplicationPolicy', { path: at(), body: { policy_id: id } })).id,
    );
    expect(second.subtasks.map((s: { status_text: string }) => s.status_text)).toEqual([
      'Already at the target with the same digest',
      'Already at the target with the same digest',
    ]);
    const used = await failure('DeleteInstanceRegistry', {
      path: { ...at(), registry_id: registryId },
    });
    expect([used.status, used.message]).toEqual([409, expect.stringContaining('"to-mirror"')]);
    const listed = await answered('ListInstanceReplicationPolicies', {
      path: at(),
      query: { registry_id: registryId },
    });
    expect(listed.policies.map((p: { id: number }) => p.id)).toEqual([id]);
    await answered('UpdateInstanceReplicationPolicy', {
      path: { ...at(), policy_id: id },
      body: replicationPolicy(registryId, { name: 'to-mirror-2', enabled: false }),
    });
    const disabled = await failure('ExecuteInstanceReplicationPolicy', {
      path: at(),
      body: { policy_id: id },
    });
    expect(disabled.message).toContain('disabled');
    await answered('DeleteInstanceReplicationPolicy', { path: { ...at(), policy_id: id } });
  });

  it('when a tag is pushed under an event policy, then it is replicated without anyone asking', async () => {
    await namespace('auto');
    const registryId = await addTarget('events');
    await call('CreateInstanceReplicationPolicy', {
      path: at(),
      body: replicationPolicy(registryId, {
        name: 'on-push',
        filters: [{ type: 'name', value: 'auto/**' }],
        trigger: { type: 'event_based' },
      }),
    });
    expect((await push('pushed', 'auto/svc:1.0')).stderr).toBe('');
    const digest = await digestOf('auto/svc:1.0');
    await waitFor(
      async () => (await remoteDigest('auto/svc:1.0').catch(() => '')) === digest,
      30_000,
    );
  });

  it('when a pull policy runs, then the target’s images land in the namespace as if pushed, with their digests', async () => {
    await namespace('pulled');
    const seeded = await suite.registry(
      'copy',
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      `docker://${suite.host}/repl/other:v1`,
      `docker://${target.host}/upstream/base:1`,
    );
    expect(seeded.stderr).toBe('');
    const registryId = await addTarget('upstream');
    const { id } = await call('CreateInstanceReplicationPolicy', {
      path: at(),
      body: replicationPolicy(0, {
        name: 'from-upstream',
        dest_registry: undefined,
        src_registry: { id: registryId },
        dest_namespace: 'pulled',
        filters: [{ type: 'name', value: 'upstream/**' }],
      }),
    });
    const run = await call('ExecuteInstanceReplicationPolicy', {
      path: at(),
      body: { policy_id: id },
    });
    const done = await ended(id, run.id);
    expect(done.execution.status).toBe('Succeed');
    expect(await digestOf('pulled/base:1')).toBe(await remoteDigest('upstream/base:1'));
  });

  it('when a run is stopped while a copy hangs, then the copy is abandoned, the rest not started, and nothing half-written is tagged', async () => {
    await namespace('slow');
    for (const tag of ['a', 'b', 'c'])
      expect((await push(`slow ${tag}`, `slow/app:${tag}`)).stderr).toBe('');
    const registryId = await addTarget('stalling');
    const { id } = await call('CreateInstanceReplicationPolicy', {
      path: at(),
      body: replicationPolicy(registryId, {
        name: 'stalls',
        filters: [{ type: 'name', value: 'slow/**' }],
      }),
    });
    target.hold = (request) =>
      request.method === 'PUT' && (request.url ?? '').includes('/slow/app/manifests/');
    const run = await call('ExecuteInstanceReplicationPolicy', {
      path: at(),
      body: { policy_id: id },
    });
    await waitFor(() =>
      target.requests.some((line) => line.startsWith('PUT /v2/slow/app/manifests/')),
    );
    await answered('StopInstanceReplicationPolicyExecution', {
      path: { ...at(), execution_id: run.id },
    });
    target.hold = undefined;
    const done = await ended(id, run.id);
    expect(done.execution).toMatchObject({ status: 'Stopped', stopped: 3 });
    expect(done.subtasks.map((s: { status: string }) => s.status)).toEqual([
      'Stopped',
      'Stopped',
      'Stopped',
    ]);
    await expect(remoteDigest('slow/app:b')).rejects.toThrow();
    const again = await failure('StopInstanceReplicationPolicyExecution', {
      path: { ...at(), execution_id: run.id },
    });
    expect(again.status).toBe(400);
  });

  it('when swr-local stops before a run is carried out, then after a restart the run ends', async () => {
    await namespace('later');
    expect((await push('later', 'later/app:1')).stderr).toBe('');
    const registryId = await addTarget('after-restart');
    const { id } = await call('CreateInstanceReplicationPolicy', {
      path: at(),
      body: replicationPolicy(registryId, {
        name: 'resumes',
        filters: [{ type: 'name', value: 'later/**' }],
      }),
    });
    await suite.sandbox.services.jobs.stop();
    const run = await call('ExecuteInstanceReplicationPolicy', {
      path: at(),
      body: { policy_id: id },
    });
    await suite.sandbox.restart();
    const client = suite.sandbox.client(suite.admin);
    await waitFor(async () => {
      const listed = await call(
        'ListInstanceReplicationPolicyExecutions',
        { path: at(), query: { policy_id: id } },
        client,
      );
      return listed.executions.find(
        (e: ReplicationExecution) => e.id === run.id && e.status === 'Succeed',
      );
    }, 30_000);
    expect(await remoteDigest('later/app:1')).toMatch(/^sha256:/);
  });
});

describe('the replication suite', () => {
  it('when it ran, then the official SDK models read every answer and every operation was called', () => {
    for (const [id, body] of answers) expect(problemsOf(id, body), id).toEqual([]);
    expect(
      problemsOf('ListInstanceReplicationPolicyExecTasks', { tasks: [{ statusRevision: 1 }] }),
    ).toContain(
      'ListInstanceReplicationPolicyExecTasks.tasks[0].StatusRevision: required by TaskDetail',
    );
    // Every registry and replication operation's answer was read.
    expect(new Set(answers.map(([id]) => id))).toEqual(
      new Set(REPLICATION_SUITE.filter((id) => /Registr|Replication/.test(id))),
    );
    expect([...called].sort()).toEqual([...REPLICATION_SUITE].sort());
  });
});
