import type { OperationId, RetentionSubtask } from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import * as suite from '../testing/enterprise-suite.js';
import {
  RETENTION_SUITE,
  at,
  call,
  called,
  failure,
  ns,
  push,
  retentionPolicy,
  useEnterpriseSandbox,
} from '../testing/enterprise-suite.js';
import { problemsOf } from '../testing/sdk-enterprise-models.js';
import { snapshot } from '../testing/snapshot.js';
import { waitFor } from '../testing/wait.js';

// Enterprise retention policies against the instance's real registry: what a dry run lists is
// what the real run deletes, immutable tags stay, a run survives a restart, and every answer is
// read with the official SDK's models.
useEnterpriseSandbox();

const answers: [OperationId, unknown][] = [];
async function answered<Id extends OperationId>(id: Id, input: Parameters<typeof call<Id>>[1]) {
  const data = await call(id, input);
  answers.push([id, data]);
  return data;
}

const policyPath = (namespace: string, id: number) => ({ ...ns(namespace), policy_id: id });

async function pushTags(namespace: string, repository: string, tags: readonly string[]) {
  for (const tag of tags)
    expect((await push(`${repository} ${tag}`, `${namespace}/${repository}:${tag}`)).stderr).toBe(
      '',
    );
}

async function tagsOf(namespace: string, repository: string): Promise<string[]> {
  const listed = await answered('ListInstanceTags', {
    path: { instance_id: suite.instance, namespace_name: namespace, repository_name: repository },
    query: { limit: 100, offset: 0 },
  });
  return listed.tags.map((tag: { name: string }) => tag.name).sort();
}

/** Runs a policy and waits for the run to end; answers its deleted (or would-be) tags. */
async function run(namespace: string, policyId: number, dryRun: boolean) {
  const { id } = await answered('ExecuteInstanceRetentionPolicy', {
    path: policyPath(namespace, policyId),
    body: { dry_run: dryRun },
  });
  const execution = await waitFor(async () => {
    const listed = await answered('ListInstanceRetentionPolicyExecutions', {
      path: policyPath(namespace, policyId),
    });
    const found = listed.executions.find((entry: { id: number }) => entry.id === id);
    return found?.status !== 'InProgress' && found;
  });
  const path = { ...policyPath(namespace, policyId), execution_id: id };
  const tasks = await answered('ListInstanceRetentionPolicyExecTasks', { path });
  const deleted: string[] = [];
  for (const task of tasks.tasks) {
    const subtasks = await answered('ListInstanceRetentionPolicyExecSubTasks', {
      path: { ...path, task_id: task.id },
      query: { limit: 100, offset: 0 },
    });
    for (const subtask of subtasks.sub_tasks as RetentionSubtask[]) {
      expect(subtask.action).toBe('DEL');
      expect(subtask.status).toBe('Succeed');
      deleted.push(`${subtask.repository}:${subtask.tag}`);
    }
  }
  return { execution, tasks: tasks.tasks, deleted: deleted.sort() };
}

async function createNamespace(name: string) {
  await call('CreateInstanceNamespace', {
    path: at(),
    body: { namespace_name: name, metadata: { public: 'false' } },
  });
}

describe('retention policies', { timeout: 120_000 }, () => {
  it('when a dry run is followed by the real run, then the run deletes exactly what the dry run listed, immutable tags stay, and the audit log says so', async () => {
    await createNamespace('keep');
    await pushTags('keep', 'app', ['v1', 'v2', 'v3', 'v4']);
    await pushTags('keep', 'tools', ['a']);
    const { id } = await answered('CreateInstanceRetentionPolicy', {
      path: ns('keep'),
      body: retentionPolicy(2),
    });
    const shown = await answered('ShowInstanceRetentionPolicy', { path: policyPath('keep', id) });
    expect(shown.rules[0]).toMatchObject({
      template: 'latestPushedK',
      params: { latestPushedK: 2 },
    });
    // v1 is protected: the policy keeps it whatever its age.
    await call('CreateImmutableRule', {
      path: ns('keep'),
      body: {
        tag_selectors: [{ kind: 'doublestar', decoration: 'matches', pattern: 'v1' }],
        scope_selectors: {
          repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: 'app' }],
        },
      },
    });

    const dry = await run('keep', id, true);
    expect(dry.execution).toMatchObject({ dry_run: true, status: 'Succeed', trigger: 'manual' });
    expect(dry.deleted).toEqual(['app:v2']);
    expect(
      dry.tasks.find((task: { repository: string }) => task.repository === 'app'),
    ).toMatchObject({ total: 4, retained: 3 });
    expect(await tagsOf('keep', 'app')).toEqual(['v1', 'v2', 'v3', 'v4']);

    const real = await run('keep', id, false);
    expect(real.execution).toMatchObject({ dry_run: false, status: 'Succeed' });
    expect(real.deleted).toEqual(dry.deleted);
    expect(await tagsOf('keep', 'app')).toEqual(['v1', 'v3', 'v4']);
    expect(await tagsOf('keep', 'tools')).toEqual(['a']);
    const gone = await suite.registry(
      'inspect',
      '--tls-verify=false',
      `docker://${suite.host}/keep/app:v2`,
    );
    expect(gone.stderr).toMatch(/manifest unknown|not found/i);
    const logs = await call('ListAuditLogs', { path: at(), query: { operation: 'delete' } });
    // v2 was its image's only tag: the image went with it, deleted by the run's operator.
    expect(logs.audit_logs[0]).toMatchObject({
      resource_type: 'artifact',
      resource: expect.stringMatching(/^keep\/app@sha256:/),
      username: suite.admin.name,
    });
  });

  it('when a policy is wrong, then it is refused at the field that is wrong and nothing is stored', async () => {
    await createNamespace('refused');
    const before = snapshot(suite.sandbox);
    const wrongs: [unknown, string][] = [
      [retentionPolicy(0), 'params'],
      [
        retentionPolicy(2, {
          trigger: { type: 'scheduled', trigger_settings: { cron: '0 0 25 * * *' } },
        }),
        'cron',
      ],
      [retentionPolicy(2, { algorithm: 'and' as 'or' }), 'algorithm'],
      [retentionPolicy(2, { rules: [] }), 'rules'],
    ];
    for (const [body, field] of wrongs) {
      const error = await failure('CreateInstanceRetentionPolicy', {
        path: ns('refused'),
        body: body as ReturnType<typeof retentionPolicy>,
      });
      expect(error.status).toBe(400);
      expect(error.message).toContain(field);
    }
    expect(snapshot(suite.sandbox)).toEqual(before);
    const { id } = await call('CreateInstanceRetentionPolicy', {
      path: ns('refused'),
      body: retentionPolicy(1),
    });
    const twice = await failure('CreateInstanceRetentionPolicy', {
      path: ns('refused'),
      body: retentionPolicy(1),
    });
    expect([twice.status, twice.message]).toEqual([409, expect.stringContaining(`policy ${id}`)]);
    const listed = await answered('ListInstanceRetentionPolicies', {
      path: at(),
      query: {
        namespace_id: (await call('ShowInstanceNamespace', { path: ns('refused') })).namespace_id,
      },
    });
    expect(listed.retentions.map((entry: { id: number }) => entry.id)).toEqual([id]);
    await answered('UpdateInstanceRetentionPolicy', {
      path: policyPath('refused', id),
      body: retentionPolicy(5, { name: 'keep-five' }),
    });
    const shown = await call('ShowInstanceRetentionPolicy', { path: policyPath('refused', id) });
    expect(shown).toMatchObject({ name: 'keep-five', rules: [{ params: { latestPushedK: 5 } }] });
    await answered('DeleteInstanceRetentionPolicy', { path: policyPath('refused', id) });
    const missing = await failure('ShowInstanceRetentionPolicy', {
      path: policyPath('refused', id),
    });
    expect(missing.status).toBe(404);
  });

  it('when a policy is scheduled, then it runs at its time without anyone asking', async () => {
    await createNamespace('timed');
    await pushTags('timed', 'app', ['old', 'new']);
    const second = (new Date().getUTCSeconds() + 3) % 60;
    const { id } = await call('CreateInstanceRetentionPolicy', {
      path: ns('timed'),
      body: retentionPolicy(1, {
        trigger: { type: 'scheduled', trigger_settings: { cron: `${second} * * * * *` } },
      }),
    });
    const execution = await waitFor(
      async () => {
        const listed = await call('ListInstanceRetentionPolicyExecutions', {
          path: policyPath('timed', id),
        });
        const first = listed.executions[0];
        return first?.status === 'Succeed' && first;
      },
      75_000,
      'the scheduled run',
    );
    expect(execution).toMatchObject({ trigger: 'scheduled', dry_run: false });
    expect(await tagsOf('timed', 'app')).toEqual(['new']);
  });

  it('when swr-local stops in the middle of a run, then after a restart the run ends with the tags it planned deleted', async () => {
    await createNamespace('resumed');
    await pushTags('resumed', 'app', ['r1', 'r2', 'r3']);
    const { id } = await call('CreateInstanceRetentionPolicy', {
      path: ns('resumed'),
      body: retentionPolicy(1),
    });
    await suite.sandbox.services.jobs.stop();
    const { id: executionId } = await call('ExecuteInstanceRetentionPolicy', {
      path: policyPath('resumed', id),
      body: { dry_run: false },
    });
    await suite.sandbox.restart();
    const client = suite.sandbox.client(suite.admin);
    await waitFor(async () => {
      const listed = await call(
        'ListInstanceRetentionPolicyExecutions',
        { path: policyPath('resumed', id) },
        client,
      );
      return listed.executions.find(
        (entry: { id: number; status: string }) =>
          entry.id === executionId && entry.status === 'Succeed',
      );
    });
    const tags = await call(
      'ListInstanceTags',
      {
        path: { instance_id: suite.instance, namespace_name: 'resumed', repository_name: 'app' },
      },
      client,
    );
    expect(tags.tags.map((tag: { name: string }) => tag.name)).toEqual(['r3']);
  });
});

describe('the retention suite', () => {
  it('when it ran, then the official SDK models read every answer and every operation was called', () => {
    for (const [id, body] of answers) expect(problemsOf(id, body), id).toEqual([]);
    expect(
      problemsOf('ListInstanceRetentionPolicyExecSubTasks', { sub_tasks: [{ job_id: '3' }] }),
    ).toContain('ListInstanceRetentionPolicyExecSubTasks.sub_tasks[0].job_id: expected an integer');
    // Every retention operation's answer was read (the others are the suite's helpers).
    expect(new Set(answers.map(([id]) => id))).toEqual(
      new Set(
        RETENTION_SUITE.filter((id) => id.includes('Retention') || id === 'ListInstanceTags'),
      ),
    );
    expect([...called].sort()).toEqual([...RETENTION_SUITE].sort());
  });
});
