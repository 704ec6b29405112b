import { kmsErrorBody, signatureTagOf } from '@swr-console/swr-api';
import { beforeAll, describe, expect, it } from 'vitest';
import * as suite from '../testing/enterprise-suite.js';
import {
  SIGNING_SUITE,
  at,
  call,
  called,
  digestOf,
  failure,
  ns,
  opensslVerifies,
  policy,
  push,
  useEnterpriseSandbox,
  verifies,
} from '../testing/enterprise-suite.js';
import { signingFetch } from '../testing/sandbox.js';
import { snapshot } from '../testing/snapshot.js';
import { waitFor } from '../testing/wait.js';

// Signing policies and the key service, with images pushed by skopeo and every signature checked
// by verifiers that share no code with swr-local; then repositories, whose counts leave signatures
// out. A story: each test builds on what the ones before it signed.
useEnterpriseSandbox();

describe('image signing', { timeout: 30_000 }, () => {
  let p256: string;
  let p384: string;
  const keyOf = async (id: string) =>
    (await call('ShowPublicKey', { path: { project_id: suite.project }, body: { key_id: id } }))
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
        path: { project_id: suite.project },
        body: { key_alias: 'images-p256', key_spec: 'EC_P256', key_usage: 'SIGN_VERIFY' },
      })
    ).key_info.key_id;
    p384 = (
      await call('CreateKey', {
        path: { project_id: suite.project },
        body: { key_alias: 'images-p384', key_spec: 'EC_P384', key_usage: 'SIGN_VERIFY' },
      })
    ).key_info.key_id;
    const response = await signingFetch(suite.admin, 'cn-north-4')(
      `${suite.sandbox.api()}/v1.0/${suite.project}/kms/create-key`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key_alias: 'sm2', key_spec: 'SM2', key_usage: 'SIGN_VERIFY' }),
      },
    );
    expect(response.status).toBe(400);
    expect(kmsErrorBody.parse(await response.json()).error.error_msg).toContain('EC_P256');
    const keys = await call('ListKeys', { path: { project_id: suite.project }, body: {} });
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
    const before = snapshot(suite.sandbox);
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
    expect(snapshot(suite.sandbox)).toEqual(before);
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
    const runtime = suite.sandbox.services.instances.get(suite.instance)!;
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
    const runtime = suite.sandbox.services.instances.get(suite.instance)!;
    const signature = await runtime.registry.getManifest('signed/svc/api', signatureTagOf(digest));
    expect((JSON.parse(signature!.body) as { layers: unknown[] }).layers).toHaveLength(2);
    expect(await verifies('signed/svc/api:3.0', await keyOf(p256), 'sha256')).toBe(true);
    expect(await verifies('signed/svc/api:3.0', await keyOf(p384), 'sha384')).toBe(true);
  });

  it('when a signed artifact is deleted from the registry, then its signature goes with it', async () => {
    const digest = await digestOf('signed/svc/api:3.0');
    const deleted = await suite.registry(
      'delete',
      '--tls-verify=false',
      `docker://${suite.host}/signed/svc/api@${digest}`,
    );
    expect(deleted.stderr).toBe('');
    const runtime = suite.sandbox.services.instances.get(suite.instance)!;
    await waitFor(
      async () => !(await runtime.registry.getManifest('signed/svc/api', signatureTagOf(digest))),
    );
    expect(await verifies(`signed/svc/api@${digest}`, await keyOf(p256), 'sha256')).toBe(false);
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
    const pulled = await suite.registry(
      'inspect',
      '--tls-verify=false',
      `docker://${suite.host}/signed/tools:v1`,
    );
    expect(pulled.ok).toBe(false);
  });

  it('when this suite ran, then every operation it covers was called', () => {
    expect([...called].sort()).toEqual([...SIGNING_SUITE].sort());
  });
});
