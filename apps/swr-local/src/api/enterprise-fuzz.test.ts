import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCalls, send } from '../testing/fuzz.js';
import { enterpriseBodies } from '../testing/fuzz-enterprise.js';
import { startSandbox, type Sandbox } from '../testing/sandbox.js';
import { waitFor } from '../testing/wait.js';

// The fuzzer aimed at the Enterprise edition's replication, retention, webhook and long-term
// credential operations, with ids that exist (this account's instance, its policies, runs and
// registries) and another account's instance: the calls reach the handlers, none gets a 5xx, none
// reads the other account's, and no answer carries a stored secret.

let sandbox: Sandbox;
let known: Record<string, string[]>;
let foreignInstance: string;
const REGISTRY_SECRET = 'fuzz-registry-s3cret';
const HOOK_SECRET = 'fuzz-hook-s3cret';

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  const admin = sandbox.user();
  const client = sandbox.client(admin);
  const project = admin.projects['cn-north-4']!;
  const instance = (await client.request('ListInstance', { path: { project_id: project } })).data
    .instances[0]!.id;
  const at = { project_id: project, instance_id: instance };
  const ns = { ...at, namespace_name: 'sandbox' };
  const registry = await client.request('CreateInstanceRegistry', {
    path: at,
    body: {
      name: 'nowhere',
      type: 'swr-pro',
      url: 'http://127.0.0.1:9',
      credential: { type: 'basic', access_key: 'robot', access_secret: REGISTRY_SECRET },
      insecure: false,
    },
  });
  const policy = await client.request('CreateInstanceReplicationPolicy', {
    path: at,
    body: {
      name: 'fuzzed',
      dest_registry: { id: registry.data.id },
      filters: [{ type: 'name', value: 'nothing/**' }],
      repo_scope_mode: 'regular',
      trigger: { type: 'manual' },
      enabled: true,
    },
  });
  await client.request('ExecuteInstanceReplicationPolicy', {
    path: at,
    body: { policy_id: policy.data.id },
  });
  const retention = await client.request('CreateInstanceRetentionPolicy', {
    path: ns,
    body: {
      name: 'fuzzed',
      algorithm: 'or',
      enabled: true,
      trigger: { type: 'manual' },
      rules: [
        {
          action: 'retain',
          template: 'latestPushedK',
          params: { latestPushedK: 5 },
          tag_selectors: [{ kind: 'doublestar', decoration: 'matches', pattern: '**' }],
          scope_selectors: {
            repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: '**' }],
          },
          repo_scope_mode: 'regular',
        },
      ],
    },
  });
  await client.request('ExecuteInstanceRetentionPolicy', {
    path: { ...ns, policy_id: retention.data.id },
    body: { dry_run: true },
  });
  await client.request('CreateInstanceWebhook', {
    path: ns,
    body: {
      name: 'fuzzed',
      enabled: true,
      event_types: ['PUSH_ARTIFACT'],
      targets: [
        {
          type: 'http',
          address: 'http://127.0.0.1:9/hook',
          address_type: 'internal',
          auth_header: `Authorization:${HOOK_SECRET}`,
        },
      ],
      scope_rules: [
        {
          repo_scope_mode: 'regular',
          scope_selectors: {
            repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: '**' }],
          },
          tag_selectors: [{ kind: 'doublestar', decoration: 'matches', pattern: '**' }],
        },
      ],
    },
  });
  const credential = await client.request('CreateInstanceLtCredential', {
    path: at,
    body: { name: 'fuzzed' },
  });
  foreignInstance = sandbox.services.db
    .prepare('SELECT id FROM ent_instances WHERE id != ?')
    .pluck()
    .get(instance) as string;
  known = {
    instance_id: [instance, instance, instance, foreignInstance],
    namespace_name: ['sandbox', 'platform', 'payments'],
    repository_name: ['base-image', 'api'],
    policy_id: ['1', '2'],
    registry_id: ['1'],
    execution_id: ['1'],
    task_id: ['1'],
    credential_id: [credential.data.token_id],
  };
  // The run against a registry that is not there has ended before the fuzzing starts.
  await waitFor(
    () =>
      sandbox.services.db
        .prepare("SELECT 1 FROM ent_replication_executions WHERE status != 'InProgress'")
        .get(),
    20_000,
  );
}, 90_000);
afterAll(() => sandbox?.stop());

const NEW_OPERATIONS = /Instance(Registr|Replication|Retention|Webhook|LtCredential|Statistics)/;

describe('fuzzing the Enterprise replication, retention, webhook and credential operations', () => {
  it('when signed calls carry wrong ids, paging, filters, bodies and encodings, then none gets a 5xx, another account’s instance is never answered and no secret comes back', async () => {
    const wrong: string[] = [];
    const foreign: string[] = [];
    const leaked: string[] = [];
    let answeredOk = 0;
    const admin = sandbox.user();
    const calls = apiCalls(admin, 'cn-north-4', sandbox.api(), {
      known,
      only: (id) => NEW_OPERATIONS.test(id),
      body: enterpriseBodies(),
    });
    await fc.assert(
      fc.asyncProperty(calls, async (call) => {
        const answer = await send(sandbox.api(), call);
        const line = `${call.method} ${call.path.slice(0, 160)} → ${answer.status} ${answer.body.slice(0, 200)}`;
        if (answer.status === undefined || answer.status >= 500) wrong.push(line);
        if (call.path.includes(foreignInstance) && (answer.status ?? 500) < 400) foreign.push(line);
        if (answer.body.includes(REGISTRY_SECRET) || answer.body.includes(HOOK_SECRET))
          leaked.push(line);
        if (answer.status !== undefined && answer.status < 300) answeredOk += 1;
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 7), numRuns: Number(process.env.FUZZ_RUNS ?? 1500) },
    );
    expect(wrong).toEqual([]);
    expect(foreign).toEqual([]);
    expect(leaked).toEqual([]);
    // Past the signature, the instance and the validation too: many calls did what they asked.
    expect(answeredOk).toBeGreaterThan(50);
  }, 180_000);
});
