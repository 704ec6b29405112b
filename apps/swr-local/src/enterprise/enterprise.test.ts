import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  ApiError,
  enterpriseErrorBody,
  kmsErrorBody,
  operations,
  type OperationId,
  type RequestInput,
  type SignPolicyBody,
  type SwrClient,
  signatureTagOf,
} from '@swr-console/swr-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ociImage } from '../testing/images.js';
import {
  loginKey,
  signingFetch,
  skopeo,
  startSandbox,
  type Sandbox,
  type SandboxUser,
} from '../testing/sandbox.js';
import { cosignVerifies } from '../testing/cosign-verify.js';
import { snapshot } from '../testing/snapshot.js';
import { waitFor } from '../testing/wait.js';

// The Enterprise edition and the key service through the project's typed client (every answer
// checked against the contract), images pushed with skopeo, and every signature checked by
// verifiers that share no code with swr-local: sigstore's (@sigstore/verify) and the openssl CLI.
const run = promisify(execFile);
let sandbox: Sandbox;
let admin: SandboxUser;
let client: SwrClient;
let project: string;
let instance: string;
let host: string;
let registry: ReturnType<typeof skopeo>;
const called = new Set<OperationId>();

async function call<Id extends OperationId>(id: Id, input: RequestInput<Id>, as = client) {
  called.add(id);
  const response = await (
    as.request as (id: Id, input: RequestInput<Id>) => ReturnType<SwrClient['request']>
  )(id, input);
  expect(response.status).toBe(operations[id].status);
  return response.data as Awaited<ReturnType<SwrClient['request']>>['data'] & Record<string, never>;
}

async function failure<Id extends OperationId>(
  id: Id,
  input: RequestInput<Id>,
  as = client,
): Promise<ApiError> {
  called.add(id);
  try {
    await (as.request as (id: Id, input: RequestInput<Id>) => Promise<unknown>)(id, input);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error(`${id} succeeded`);
}

const ns = (name: string) => ({ project_id: project, instance_id: instance, namespace_name: name });
const at = () => ({ project_id: project, instance_id: instance });

beforeAll(async () => {
  sandbox = await startSandbox();
  admin = sandbox.user();
  client = sandbox.client(admin);
  project = admin.projects['cn-north-4']!;
  const list = await call('ListInstance', { path: { project_id: project } });
  instance = list.instances[0]!.id;
  host = list.instances[0]!.access_address;
  registry = skopeo(path.join(mkdtempSync(path.join(tmpdir(), 'auth-')), 'auth.json'));
  const login = await registry(
    'login',
    '--tls-verify=false',
    '-u',
    `cn-north-4@${admin.access_key}`,
    '-p',
    loginKey(admin),
    host,
  );
  expect(login.stderr).toBe('');
}, 60_000);
afterAll(() => sandbox?.stop());

const push = (content: string, target: string) =>
  registry('copy', '--tls-verify=false', ociImage(content), `docker://${host}/${target}`);

async function digestOf(target: string): Promise<string> {
  const result = await registry('inspect', '--tls-verify=false', `docker://${host}/${target}`);
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as { Digest: string }).Digest;
}

describe('Enterprise instances', () => {
  it('when the account lists its instances, then its own is there with a registry address', async () => {
    const shown = await call('ShowInstance', { path: at() });
    expect(shown).toMatchObject({ id: instance, status: 'Running', access_address: host });
    const other = sandbox.client(sandbox.user(undefined, 1));
    const error = await failure('ShowInstance', { path: at() }, other);
    expect(error.status).toBe(403); // another account's project id
  });

  it('when an instance does not exist, then the answer is 404 in the Enterprise error body', async () => {
    const response = await signingFetch(
      admin,
      'cn-north-4',
    )(`${sandbox.api()}/v2/${project}/instances/no-such-instance/namespaces`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as Record<string, unknown>;
    expect(enterpriseErrorBody.parse(body).error_code).toBe('SWR.404001');
    expect(body).not.toHaveProperty('errors');
  });
});

describe('Enterprise namespaces and their tags', () => {
  it('when namespaces are created, listed and shown, then names follow the Enterprise rules', async () => {
    expect(
      (
        await call('CreateInstanceNamespace', {
          path: at(),
          body: { namespace_name: '1st-team', metadata: { public: 'false' } },
        })
      ).id,
    ).toBeGreaterThan(0);
    const duplicate = await failure('CreateInstanceNamespace', {
      path: at(),
      body: { namespace_name: '1st-team', metadata: { public: 'true' } },
    });
    expect([duplicate.status, duplicate.code]).toEqual([409, 'SWR.409001']);
    const before = snapshot(sandbox);
    const response = await signingFetch(admin, 'cn-north-4')(
      `${sandbox.api()}/v2/${project}/instances/${instance}/namespaces`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ namespace_name: 'Bad..Name', metadata: { public: 'true' } }),
      },
    );
    expect(response.status).toBe(400);
    const body = enterpriseErrorBody.parse(await response.json());
    expect(body.error_msg).toContain('namespace_name');
    expect(snapshot(sandbox)).toEqual(before);

    const shown = await call('ShowInstanceNamespace', { path: ns('1st-team') });
    expect(shown).toMatchObject({ name: '1st-team', metadata: { public: 'false' }, repo_count: 0 });
    const listed = await call('ListInstanceNamespaces', {
      path: at(),
      query: { name: 'team', offset: 0, limit: 10 },
    });
    expect(listed.namespaces.map((n: { name: string }) => n.name)).toEqual(['1st-team']);
    const badPage = await failure('ListInstanceNamespaces', {
      path: at(),
      query: { offset: 5, limit: 10 },
    });
    expect(badPage.status).toBe(400);
  });

  it('when tags are added, changed and removed, then the limit and key rules hold and a refusal changes nothing', async () => {
    for (const name of ['tags-a', 'tags-b', 'tags-c'])
      await call('CreateInstanceNamespace', {
        path: at(),
        body: { namespace_name: name, metadata: { public: 'true' } },
      });
    await call('CreateSubResourceTags', {
      path: ns('tags-a'),
      body: {
        tags: [
          { key: 'env', value: 'prod' },
          { key: 'team', value: 'web' },
        ],
      },
    });
    await call('CreateSubResourceTags', {
      path: ns('tags-b'),
      body: {
        tags: [
          { key: 'env', value: 'dev' },
          { key: 'team', value: 'web' },
        ],
      },
    });
    await call('CreateSubResourceTags', {
      path: ns('tags-c'),
      body: { tags: [{ key: 'env', value: 'prod' }] },
    });
    // The same key again changes its value.
    await call('CreateSubResourceTags', {
      path: ns('tags-c'),
      body: { tags: [{ key: 'env', value: 'staging' }] },
    });
    expect((await call('ListSubResourceTags', { path: ns('tags-c') })).tags).toEqual([
      { key: 'env', value: 'staging' },
    ]);

    const before = snapshot(sandbox);
    const twice = await failure('CreateSubResourceTags', {
      path: ns('tags-a'),
      body: {
        tags: [
          { key: 'x', value: '1' },
          { key: 'x', value: '2' },
        ],
      },
    });
    expect(twice.status).toBe(400);
    const nineteen = Array.from({ length: 19 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    const overLimit = await failure('CreateSubResourceTags', {
      path: ns('tags-a'),
      body: { tags: nineteen },
    });
    expect([overLimit.status, overLimit.code]).toEqual([400, 'SWR.400002']);
    expect(overLimit.message).toContain('at most 20');
    const reader = sandbox.client(sandbox.user('dev-reader'));
    const forbidden = await failure(
      'CreateSubResourceTags',
      { path: ns('tags-a'), body: { tags: [{ key: 'y', value: '1' }] } },
      reader,
    );
    expect(forbidden.status).toBe(403);
    expect(snapshot(sandbox)).toEqual(before);
    // Exactly up to the limit is fine: 2 + 18.
    await call('CreateSubResourceTags', { path: ns('tags-a'), body: { tags: nineteen.slice(1) } });
    expect((await call('ListSubResourceTags', { path: ns('tags-a') })).tags).toHaveLength(20);
    await call('DeleteSubResourceTags', { path: ns('tags-a'), body: { tags: nineteen.slice(1) } });
    const missing = await failure('DeleteSubResourceTags', {
      path: ns('tags-a'),
      body: { tags: [{ key: 'nope', value: '' }] },
    });
    expect(missing.status).toBe(404);
  });

  it('when namespaces are filtered by tags, then keys are AND-ed and values OR-ed', async () => {
    const names = async (tags: { key: string; values: string[] }[]) =>
      (await call('ListSubResourceInstances', { path: at(), body: { tags } })).resources
        .map((r: { resource_name: string }) => r.resource_name)
        .sort();
    expect(await names([{ key: 'env', values: ['prod'] }])).toEqual(['tags-a']);
    expect(await names([{ key: 'env', values: ['prod', 'dev'] }])).toEqual(['tags-a', 'tags-b']);
    expect(await names([{ key: 'env', values: [] }])).toEqual(['tags-a', 'tags-b', 'tags-c']);
    expect(
      await names([
        { key: 'env', values: [] },
        { key: 'team', values: ['web'] },
      ]),
    ).toEqual(['tags-a', 'tags-b']);
    const count = await call('ShowSubResourceInstancesCount', {
      path: at(),
      body: { tags: [{ key: 'team', values: ['web'] }] },
    });
    expect(count.total_count).toBe(2);
    const keys = await call('ListNamespaceTags', { path: at() });
    expect(keys.tags).toEqual([
      { key: 'env', values: ['dev', 'prod', 'staging'] },
      { key: 'team', values: ['web'] },
    ]);
  });
});

const policy = (overrides: Partial<SignPolicyBody> = {}): SignPolicyBody => ({
  name: 'sign-releases',
  description: 'Releases only',
  enabled: true,
  signature_method: 'KMS',
  signature_algorithm: 'ECDSA_SHA_256',
  signature_key: '',
  trigger: { type: 'manual' },
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

/**
 * Verifies an image as `cosign verify --key` would, with sigstore's verifier for the signatures:
 * `reference` is `namespace/repository:tag` or `@digest`.
 */
async function verifies(
  reference: string,
  publicKey: string,
  hash: 'sha256' | 'sha384' = 'sha256',
): Promise<boolean> {
  const repository = reference.split(/[:@]/)[0]!;
  const digest = reference.includes('@') ? reference.split('@')[1]! : await digestOf(reference);
  const runtime = sandbox.services.instances.get(instance)!;
  const signature = await runtime.registry.getManifest(repository, signatureTagOf(digest));
  if (!signature) return false;
  const { layers } = JSON.parse(signature.body) as {
    layers: { digest: string; annotations?: Record<string, string> }[];
  };
  const collected = await Promise.all(
    layers.map(async (layer) => ({
      payload: await fetchBlob(repository, layer.digest),
      signature: layer.annotations?.['dev.cosignproject.cosign/signature'] ?? '',
    })),
  );
  return cosignVerifies(collected, { digest, reference: `${host}/${repository}` }, publicKey, hash);
}

/** The openssl CLI checking each signature layer of an image's cosign manifest. */
async function opensslVerifies(
  repository: string,
  digest: string,
  publicKey: string,
  hash: 'sha256' | 'sha384',
): Promise<boolean[]> {
  const runtime = sandbox.services.instances.get(instance)!;
  const signature = await runtime.registry.getManifest(repository, signatureTagOf(digest));
  const { layers } = JSON.parse(signature!.body) as {
    layers: { digest: string; annotations: Record<string, string> }[];
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'openssl-'));
  writeFileSync(path.join(dir, 'key.pub'), publicKey);
  const results: boolean[] = [];
  for (const [i, layer] of layers.entries()) {
    const blob = await fetchBlob(repository, layer.digest);
    writeFileSync(path.join(dir, `payload${i}`), blob);
    writeFileSync(
      path.join(dir, `sig${i}`),
      Buffer.from(layer.annotations['dev.cosignproject.cosign/signature']!, 'base64'),
    );
    const verified = await run('openssl', [
      'dgst',
      `-${hash}`,
      '-verify',
      path.join(dir, 'key.pub'),
      '-signature',
      path.join(dir, `sig${i}`),
      path.join(dir, `payload${i}`),
    ]).then(
      () => true,
      () => false,
    );
    const payload = JSON.parse(blob.toString()) as {
      critical: { image: { 'docker-manifest-digest': string } };
    };
    results.push(verified && payload.critical.image['docker-manifest-digest'] === digest);
  }
  return results;
}

async function fetchBlob(repository: string, digest: string): Promise<Buffer> {
  const runtime = sandbox.services.instances.get(instance)!;
  const { stream } = await runtime.registry.getBlob(repository, digest);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('image signing', { timeout: 30_000 }, () => {
  let p256: string;
  let p384: string;
  const keyOf = async (id: string) =>
    (await call('ShowPublicKey', { path: { project_id: project }, body: { key_id: id } }))
      .public_key;

  beforeAll(async () => {
    await call('CreateInstanceNamespace', {
      path: at(),
      body: { namespace_name: 'signed', metadata: { public: 'false' } },
    });
    for (const [target, content] of [
      ['signed/app-web:v1', 'web v1'],
      ['signed/app-web:dev', 'web dev'],
      ['signed/tools:v1', 'tools v1'],
    ] as const)
      expect((await push(content, target)).stderr).toBe('');
  }, 60_000);

  it('when keys are created, then they are listed with their spec and only public keys are given out', async () => {
    p256 = (
      await call('CreateKey', {
        path: { project_id: project },
        body: { key_alias: 'images-p256', key_spec: 'EC_P256', key_usage: 'SIGN_VERIFY' },
      })
    ).key_info.key_id;
    p384 = (
      await call('CreateKey', {
        path: { project_id: project },
        body: { key_alias: 'images-p384', key_spec: 'EC_P384', key_usage: 'SIGN_VERIFY' },
      })
    ).key_info.key_id;
    const response = await signingFetch(admin, 'cn-north-4')(
      `${sandbox.api()}/v1.0/${project}/kms/create-key`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key_alias: 'sm2', key_spec: 'SM2', key_usage: 'SIGN_VERIFY' }),
      },
    );
    expect(response.status).toBe(400);
    expect(kmsErrorBody.parse(await response.json()).error.error_msg).toContain('EC_P256');
    const keys = await call('ListKeys', { path: { project_id: project }, body: {} });
    expect(
      keys.key_details.map((k: { key_alias: string; key_spec: string }) => [
        k.key_alias,
        k.key_spec,
      ]),
    ).toEqual([
      ['images-p256', 'EC_P256'],
      ['images-p384', 'EC_P384'],
    ]);
    const publicKey = await keyOf(p256);
    expect(publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(JSON.stringify(keys)).not.toContain('PRIVATE');
  });

  it('when a policy is invalid, then it is refused naming the field and nothing changes', async () => {
    const before = snapshot(sandbox);
    const badGlob = await failure('CreateInstanceSignPolicy', {
      path: ns('signed'),
      body: policy({
        signature_key: p256,
        scope_rules: [
          {
            repo_scope_mode: 'regular',
            scope_selectors: {
              repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: 'app-{a,b' }],
            },
            tag_selectors: [{ kind: 'doublestar', decoration: 'matches', pattern: '**' }],
          },
        ],
      }),
    });
    expect(badGlob.status).toBe(400);
    const unknownKey = await failure('CreateInstanceSignPolicy', {
      path: ns('signed'),
      body: policy({ signature_key: 'no-such-key' }),
    });
    expect([unknownKey.status, unknownKey.message]).toEqual([
      400,
      expect.stringContaining('signature_key'),
    ]);
    const wrongAlgorithm = await failure('CreateInstanceSignPolicy', {
      path: ns('signed'),
      body: policy({ signature_key: p384 }),
    });
    expect([wrongAlgorithm.status, wrongAlgorithm.message]).toEqual([
      400,
      expect.stringContaining('ECDSA_SHA_384'),
    ]);
    expect(snapshot(sandbox)).toEqual(before);
  });

  it('when a manual policy runs, then exactly the selected artifacts get signatures verifiers accept', async () => {
    const { id } = await call('CreateInstanceSignPolicy', {
      path: ns('signed'),
      body: policy({ signature_key: p256 }),
    });
    const duplicate = await failure('CreateInstanceSignPolicy', {
      path: ns('signed'),
      body: policy({ signature_key: p256 }),
    });
    expect(duplicate.status).toBe(409);
    const shown = await call('ShowInstanceSignPolicy', {
      path: { ...ns('signed'), policy_id: id },
    });
    expect(shown).toMatchObject({
      name: 'sign-releases',
      namespace_name: 'signed',
      signature_key: p256,
    });

    const execution = (
      await call('ExecuteInstanceSignPolicy', { path: { ...ns('signed'), policy_id: id } })
    ).id;
    const done = await waitFor(async () => {
      const { executions } = await call('ListInstanceSignPolicyExecutions', {
        path: { ...ns('signed'), policy_id: id },
      });
      const found = executions.find((e: { id: number }) => e.id === execution);
      return found?.status !== 'InProgress' && found;
    });
    expect(done).toMatchObject({ status: 'Succeed', total: 1, succeed: 1, trigger: 'manual' });
    const { tasks } = await call('ListInstanceSignPolicyExecTasks', {
      path: { ...ns('signed'), policy_id: id, execution_id: execution },
    });
    expect(tasks).toEqual([expect.objectContaining({ repository: 'app-web', status: 'Succeed' })]);
    const { sub_tasks } = await call('ListInstanceSignatureExecutionSubtasks', {
      path: { ...ns('signed'), policy_id: id, execution_id: execution, task_id: tasks[0].id },
    });
    const signedDigest = await digestOf('signed/app-web:v1');
    expect(sub_tasks).toEqual([
      expect.objectContaining({ digest: signedDigest, tags: 'v1', status: 'Succeed' }),
    ]);

    const publicKey = await keyOf(p256);
    expect(await verifies('signed/app-web:v1', publicKey)).toBe(true);
    expect(await opensslVerifies('signed/app-web', signedDigest, publicKey, 'sha256')).toEqual([
      true,
    ]);
    // Outside the scope: a dev tag, another repository. Unsigned, so the verifier refuses them.
    expect(await verifies('signed/app-web:dev', publicKey)).toBe(false);
    expect(await verifies('signed/tools:v1', publicKey)).toBe(false);

    const accessories = async (target: string, repository: string) =>
      (
        await call('ListInstanceAccessories', {
          path: { ...ns('signed'), repository_name: repository, reference: await digestOf(target) },
        })
      ).accessories;
    expect(await accessories('signed/app-web:v1', 'app-web')).toHaveLength(1);
    expect(await accessories('signed/app-web:dev', 'app-web')).toEqual([]);
  });

  it('when a signature is moved to another image or altered, then the verifier rejects it', async () => {
    const runtime = sandbox.services.instances.get(instance)!;
    const signedDigest = await digestOf('signed/app-web:v1');
    const devDigest = await digestOf('signed/app-web:dev');
    const signature = await runtime.registry.getManifest(
      'signed/app-web',
      `${signedDigest.replace(':', '-')}.sig`,
    );
    const publicKey = await keyOf(p256);
    // v1's signature presented as dev's: the payload names another digest.
    await runtime.registry.putManifest(
      'signed/app-web',
      `${devDigest.replace(':', '-')}.sig`,
      signature!.body,
      'application/vnd.oci.image.manifest.v1+json',
    );
    expect(await verifies('signed/app-web:dev', publicKey)).toBe(false);
    // v1 rewritten: the tag now names other content, and the signature no longer fits it.
    expect((await push('web v1 tampered', 'signed/app-web:v1')).stderr).toBe('');
    expect(await verifies('signed/app-web:v1', publicKey)).toBe(false);
    // A key that did not sign: refused as well.
    expect(await verifies(`signed/app-web@${signedDigest}`, publicKey)).toBe(true);
    expect(await verifies(`signed/app-web@${signedDigest}`, await keyOf(p384))).toBe(false);
  });

  it('when an on-push policy exists, then a matching push is signed within seconds and others are not', async () => {
    const { id } = await call('CreateInstanceSignPolicy', {
      path: ns('signed'),
      body: policy({
        name: 'on-push-p384',
        signature_key: p384,
        signature_algorithm: 'ECDSA_SHA_384',
        trigger: { type: 'event_based' },
        scope_rules: [
          {
            repo_scope_mode: 'regular',
            scope_selectors: {
              repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: 'svc/**' }],
            },
            tag_selectors: [{ kind: 'doublestar', decoration: 'excludes', pattern: '*-rc' }],
          },
        ],
      }),
    });
    expect((await push('svc api 2', 'signed/svc/api:2.0')).stderr).toBe('');
    expect((await push('svc api rc', 'signed/svc/api:2.1-rc')).stderr).toBe('');
    expect((await push('elsewhere', 'signed/other:2.0')).stderr).toBe('');
    const execution = await waitFor(async () => {
      const { executions } = await call('ListInstanceSignPolicyExecutions', {
        path: { ...ns('signed'), policy_id: id },
      });
      return executions.length === 1 && executions[0].status === 'Succeed' && executions[0];
    });
    expect(execution).toMatchObject({ trigger: 'event_based', total: 1 });
    const publicKey = await keyOf(p384);
    const digest = await digestOf('signed/svc/api:2.0');
    expect(await verifies('signed/svc/api:2.0', publicKey, 'sha384')).toBe(true);
    expect(await verifies('signed/svc/api:2.1-rc', publicKey, 'sha384')).toBe(false);
    expect(await verifies('signed/other:2.0', publicKey, 'sha384')).toBe(false);
    expect(await opensslVerifies('signed/svc/api', digest, publicKey, 'sha384')).toEqual([true]);
    // The same signature checked with the wrong hash or key fails: the check can fail.
    expect(await opensslVerifies('signed/svc/api', digest, publicKey, 'sha256')).toEqual([false]);
    const artifacts = await call('ListInstanceArtifacts', {
      path: { ...ns('signed'), repository_name: 'svc/api' },
    });
    const signatures = await Promise.all(
      artifacts.artifacts.map(async (a: { digest: string; tags: { name: string }[] }) => [
        a.tags.map((t) => t.name).join(),
        (
          await call('ListInstanceAccessories', {
            path: { ...ns('signed'), repository_name: 'svc/api', reference: a.digest },
          })
        ).total,
      ]),
    );
    expect(signatures.sort()).toEqual([
      ['2.0', 1],
      ['2.1-rc', 0],
    ]);
  });

  it('when two on-push policies sign one push at once, then both signatures are kept', async () => {
    await call('CreateInstanceSignPolicy', {
      path: ns('signed'),
      body: policy({
        name: 'on-push-p256',
        signature_key: p256,
        trigger: { type: 'event_based' },
        scope_rules: [
          {
            repo_scope_mode: 'regular',
            scope_selectors: {
              repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: 'svc/**' }],
            },
            tag_selectors: [{ kind: 'doublestar', decoration: 'matches', pattern: '3.*' }],
          },
        ],
      }),
    });
    expect((await push('svc api 3', 'signed/svc/api:3.0')).stderr).toBe('');
    const digest = await digestOf('signed/svc/api:3.0');
    const { policies } = await call('ListInstanceSignPolicies', { path: at() });
    await waitFor(async () => {
      for (const name of ['on-push-p256', 'on-push-p384']) {
        const id = policies.find((p: { name: string }) => p.name === name).id;
        const { executions } = await call('ListInstanceSignPolicyExecutions', {
          path: { ...ns('signed'), policy_id: id },
        });
        if (executions[0]?.status !== 'Succeed') return false;
      }
      return true;
    });
    const runtime = sandbox.services.instances.get(instance)!;
    const signature = await runtime.registry.getManifest('signed/svc/api', signatureTagOf(digest));
    expect((JSON.parse(signature!.body) as { layers: unknown[] }).layers).toHaveLength(2);
    expect(await verifies('signed/svc/api:3.0', await keyOf(p256), 'sha256')).toBe(true);
    expect(await verifies('signed/svc/api:3.0', await keyOf(p384), 'sha384')).toBe(true);
  });

  it('when a signed artifact is deleted from the registry, then its signature goes with it', async () => {
    const digest = await digestOf('signed/svc/api:3.0');
    const deleted = await registry(
      'delete',
      '--tls-verify=false',
      `docker://${host}/signed/svc/api@${digest}`,
    );
    expect(deleted.stderr).toBe('');
    const runtime = sandbox.services.instances.get(instance)!;
    await waitFor(
      async () => !(await runtime.registry.getManifest('signed/svc/api', signatureTagOf(digest))),
    );
    expect(await verifies(`signed/svc/api@${digest}`, await keyOf(p256), 'sha256')).toBe(false);
  });

  it('when a registry token of one instance is shown to another, then it opens nothing there', async () => {
    const partner = sandbox.user(undefined, 1);
    const other = sandbox.client(partner);
    const otherProject = partner.projects['cn-north-4']!;
    const theirs = (await call('ListInstance', { path: { project_id: otherProject } }, other))
      .instances[0]!;
    await call(
      'CreateInstanceNamespace',
      {
        path: { project_id: otherProject, instance_id: theirs.id },
        body: { namespace_name: 'signed', metadata: { public: 'false' } },
      },
      other,
    );
    const basic = Buffer.from(`cn-north-4@${partner.access_key}:${loginKey(partner)}`).toString(
      'base64',
    );
    const issued = await fetch(
      `http://${theirs.access_address}/service/token?scope=repository:signed/app-web:pull,push,delete`,
      { headers: { authorization: `Basic ${basic}` } },
    );
    const { token } = (await issued.json()) as { token: string };
    const stolen = await fetch(`http://${host}/v2/signed/app-web/tags/list`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(stolen.status).toBe(401);
    // The same token does open its own registry (the check can fail).
    const own = await fetch(`http://${theirs.access_address}/v2/signed/app-web/tags/list`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(own.status).not.toBe(401);
  });

  it('when a namespace name starts with a digit, then images are pushed to it as the API allows', async () => {
    await call('CreateInstanceNamespace', {
      path: at(),
      body: { namespace_name: '2nd-team', metadata: { public: 'false' } },
    });
    expect((await push('digit first', '2nd-team/app:v1')).stderr).toBe('');
    const { repositories } = await call('ListNamespaceRepositories', { path: ns('2nd-team') });
    expect(repositories.map((r: { name: string }) => r.name)).toEqual(['app']);
  });

  it('when policies are listed, updated and deleted, then the instance-wide list follows', async () => {
    const { policies } = await call('ListInstanceSignPolicies', { path: at() });
    expect(policies.map((p: { name: string }) => p.name).sort()).toEqual([
      'on-push-p256',
      'on-push-p384',
      'sign-releases',
    ]);
    const target = policies.find((p: { name: string }) => p.name === 'sign-releases');
    await call('UpdateInstanceSignPolicy', {
      path: { ...ns('signed'), policy_id: target.id },
      body: policy({ signature_key: p256, enabled: false, description: 'paused' }),
    });
    const disabled = await failure('ExecuteInstanceSignPolicy', {
      path: { ...ns('signed'), policy_id: target.id },
    });
    expect(disabled.status).toBe(400);
    await call('DeleteInstanceSignPolicy', { path: { ...ns('signed'), policy_id: target.id } });
    const gone = await failure('ShowInstanceSignPolicy', {
      path: { ...ns('signed'), policy_id: target.id },
    });
    expect(gone.status).toBe(404);
  });
});

describe('Enterprise repositories', { timeout: 30_000 }, () => {
  it('when repositories are listed, shown and deleted, then counts leave signatures out', async () => {
    const { repositories } = await call('ListNamespaceRepositories', { path: ns('signed') });
    const app = repositories.find((r: { name: string }) => r.name === 'app-web');
    expect(app).toMatchObject({ namespace_name: 'signed', tag_count: 2 });
    const all = await call('ListInstanceRepositories', {
      path: at(),
      query: { namespace_id: app.namespace_id, offset: 0, limit: 100 },
    });
    expect(all.total).toBe(repositories.length);
    const shown = await call('ShowInstanceRepository', {
      path: { ...ns('signed'), repository_name: 'svc/api' },
    });
    expect(shown.name).toBe('svc/api');
    const digest = await digestOf('signed/svc/api:2.0');
    const artifact = await call('ShowInstanceArtifact', {
      path: { ...ns('signed'), repository_name: 'svc/api', reference: digest },
    });
    expect(artifact).toMatchObject({
      digest,
      type: 'IMAGE',
      tags: [expect.objectContaining({ name: '2.0' })],
    });
    const notEmpty = await failure('DeleteInstanceNamespace', { path: ns('signed') });
    expect(notEmpty.status).toBe(400);
    await call('DeleteInstanceRepository', { path: { ...ns('signed'), repository_name: 'tools' } });
    const pulled = await registry(
      'inspect',
      '--tls-verify=false',
      `docker://${host}/signed/tools:v1`,
    );
    expect(pulled.ok).toBe(false);
    await call('DeleteInstanceNamespace', { path: ns('1st-team') });
    expect((await failure('ShowInstanceNamespace', { path: ns('1st-team') })).status).toBe(404);
  });

  it('when a temporary credential is issued, then skopeo logs in to the instance with it', async () => {
    const credential = await call('CreateInstanceTempCredential', { path: at() });
    const fresh = skopeo(path.join(mkdtempSync(path.join(tmpdir(), 'auth-')), 'auth.json'));
    const login = await fresh(
      'login',
      '--tls-verify=false',
      '-u',
      credential.user_id,
      '-p',
      credential.auth_token,
      host,
    );
    expect(login.stderr).toBe('');
    const wrong = await fresh(
      'login',
      '--tls-verify=false',
      '-u',
      credential.user_id,
      '-p',
      'x',
      host,
    );
    expect(wrong.ok).toBe(false);
  });

  it('when every suite above ran, then every Enterprise and key service operation was called', () => {
    const enterprise = Object.entries(operations)
      .filter(([, operation]) => 'edition' in operation)
      .map(([id]) => id);
    expect([...called].sort()).toEqual(enterprise.sort());
  });
});
