import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  ApiError,
  operations,
  type OperationId,
  type RequestInput,
  type RegistryBody,
  type ReplicationPolicyBody,
  type RetentionPolicyBody,
  type SignPolicyBody,
  type SwrClient,
  signatureTagOf,
} from '@swr-console/swr-api';
import { afterAll, beforeAll, expect } from 'vitest';
import { cosignVerifies } from './cosign-verify.js';
import { ociImage } from './images.js';
import { loginKey, skopeo, startSandbox, type Sandbox, type SandboxUser } from './sandbox.js';

/**
 * What the Enterprise suites share: a sandbox with the first account's instance logged in with
 * skopeo, calls through the typed client (every answer checked against the contract, each
 * operation remembered), and checks of signatures with verifiers that share no code with
 * swr-local: sigstore's (@sigstore/verify) and the openssl CLI.
 */

const run = promisify(execFile);
export let sandbox: Sandbox;
export let admin: SandboxUser;
let client: SwrClient;
export let project: string;
export let instance: string;
export let host: string;
export let registry: ReturnType<typeof skopeo>;
/** Every operation a suite called, for its check that it called all of its own. */
export const called = new Set<OperationId>();

export async function call<Id extends OperationId>(id: Id, input: RequestInput<Id>, as = client) {
  called.add(id);
  const response = await (
    as.request as (id: Id, input: RequestInput<Id>) => ReturnType<SwrClient['request']>
  )(id, input);
  expect(response.status).toBe(operations[id].status);
  return response.data as Awaited<ReturnType<SwrClient['request']>>['data'] & Record<string, never>;
}

export async function failure<Id extends OperationId>(
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

export const ns = (name: string) => ({
  project_id: project,
  instance_id: instance,
  namespace_name: name,
});
export const at = () => ({ project_id: project, instance_id: instance });

/** Starts the sandbox for a suite (in its beforeAll) and stops it after. */
export function useEnterpriseSandbox(): void {
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
}

export const push = (content: string, target: string) =>
  registry('copy', '--tls-verify=false', ociImage(content), `docker://${host}/${target}`);

export async function digestOf(target: string): Promise<string> {
  const result = await registry('inspect', '--tls-verify=false', `docker://${host}/${target}`);
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as { Digest: string }).Digest;
}

export const policy = (overrides: Partial<SignPolicyBody> = {}): SignPolicyBody => ({
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

/** A self-built registry target reached without a user name (a plain docker-registry). */
export const targetRegistry: RegistryBody = {
  name: 'mirror',
  type: 'swr-pro',
  url: 'http://127.0.0.1:9',
  credential: { type: 'basic', access_key: '', access_secret: '' },
  insecure: false,
};

/** A push replication of `filter` repositories to registry `registryId`, by hand. */
export const replicationPolicy = (
  registryId: number,
  overrides: Partial<ReplicationPolicyBody> = {},
): ReplicationPolicyBody => ({
  name: 'to-mirror',
  dest_registry: { id: registryId },
  filters: [{ type: 'name', value: '**' }],
  repo_scope_mode: 'regular',
  trigger: { type: 'manual' },
  override: false,
  enabled: true,
  ...overrides,
});

/** A retention policy keeping the newest `keep` tags of every repository. */
export const retentionPolicy = (
  keep = 2,
  overrides: Partial<RetentionPolicyBody> = {},
): RetentionPolicyBody => ({
  name: 'keep-newest',
  algorithm: 'or',
  enabled: true,
  trigger: { type: 'manual' },
  rules: [
    {
      action: 'retain',
      template: 'latestPushedK',
      params: { latestPushedK: keep },
      tag_selectors: [{ kind: 'doublestar', decoration: 'matches', pattern: '**' }],
      scope_selectors: {
        repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: '**' }],
      },
      repo_scope_mode: 'regular',
    },
  ],
  ...overrides,
});

/**
 * Verifies an image as `cosign verify --key` would, with sigstore's verifier for the signatures:
 * `reference` is `namespace/repository:tag` or `@digest`.
 */
export async function verifies(
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
export async function opensslVerifies(
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

/** The operations each Enterprise suite calls; together, every one of the edition and of KMS. */
export const ENTERPRISE_SUITE: readonly OperationId[] = [
  'CreateInstanceNamespace',
  'CreateInstanceTempCredential',
  'CreateSubResourceTags',
  'DeleteInstanceNamespace',
  'DeleteSubResourceTags',
  'ListInstance',
  'ListInstanceNamespaces',
  'ListNamespaceRepositories',
  'ListNamespaceTags',
  'ListSubResourceInstances',
  'ListSubResourceTags',
  'ShowInstance',
  'ShowInstanceNamespace',
  'ShowSubResourceInstancesCount',
];
export const SIGNING_SUITE: readonly OperationId[] = [
  'CreateInstanceNamespace',
  'CreateInstanceSignPolicy',
  'CreateKey',
  'DeleteInstanceNamespace',
  'DeleteInstanceRepository',
  'DeleteInstanceSignPolicy',
  'ExecuteInstanceSignPolicy',
  'ListInstance',
  'ListInstanceAccessories',
  'ListInstanceArtifacts',
  'ListInstanceRepositories',
  'ListInstanceSignPolicies',
  'ListInstanceSignPolicyExecTasks',
  'ListInstanceSignPolicyExecutions',
  'ListInstanceSignatureExecutionSubtasks',
  'ListKeys',
  'ListNamespaceRepositories',
  'ShowInstanceArtifact',
  'ShowInstanceRepository',
  'ShowInstanceSignPolicy',
  'ShowPublicKey',
  'UpdateInstanceSignPolicy',
];
export const SECURITY_SUITE: readonly OperationId[] = [
  'CreateImmutableRule',
  'CreateInstanceNamespace',
  'DeleteImmutableRule',
  'DeleteInstanceArtifact',
  'DeleteInstanceTag',
  'ListAuditLogs',
  'ListImmutableRules',
  'ListInstance',
  'ListInstanceAllArtifacts',
  'ListInstanceArtifactVulnerabilities',
  'ListInstanceTags',
  'ShowInstanceArtifact',
  'ShowInstanceArtifactAddition',
  'ShowInstanceNamespace',
  'StartManualScanning',
  'UpdateImmutableRule',
  'UpdateInstanceNamespace',
];
export const RETENTION_SUITE: readonly OperationId[] = [
  'CreateImmutableRule',
  'CreateInstanceNamespace',
  'CreateInstanceRetentionPolicy',
  'DeleteInstanceRetentionPolicy',
  'ExecuteInstanceRetentionPolicy',
  'ListAuditLogs',
  'ListInstance',
  'ListInstanceRetentionPolicies',
  'ListInstanceRetentionPolicyExecSubTasks',
  'ListInstanceRetentionPolicyExecTasks',
  'ListInstanceRetentionPolicyExecutions',
  'ListInstanceTags',
  'ShowInstanceNamespace',
  'ShowInstanceRetentionPolicy',
  'UpdateInstanceRetentionPolicy',
];
export const CREDENTIALS_SUITE: readonly OperationId[] = [
  'CreateInstanceLtCredential',
  'CreateInstanceNamespace',
  'CreateInstanceSignPolicy',
  'CreateKey',
  'DeleteInstanceLtCredential',
  'ListInstance',
  'ListInstanceLtCredentials',
  'ListInstanceStatistics',
  'UpdateInstanceLtCredential',
];
export const WEBHOOK_SUITE: readonly OperationId[] = [
  'CreateInstanceNamespace',
  'CreateInstanceWebhook',
  'DeleteInstanceWebhook',
  'ListInstance',
  'ListInstanceWebhookJobs',
  'ListInstanceWebhooks',
  'ShowInstanceNamespace',
  'ShowInstanceWebhook',
  'UpdateInstanceWebhook',
];
export const REPLICATION_SUITE: readonly OperationId[] = [
  'CreateInstanceNamespace',
  'CreateInstanceRegistry',
  'CreateInstanceReplicationPolicy',
  'DeleteInstanceRegistry',
  'DeleteInstanceReplicationPolicy',
  'ExecuteInstanceReplicationPolicy',
  'ListInstance',
  'ListInstanceRegistries',
  'ListInstanceReplicationPolicies',
  'ListInstanceReplicationPolicyExecSubTasks',
  'ListInstanceReplicationPolicyExecTasks',
  'ListInstanceReplicationPolicyExecutions',
  'ShowInstanceRegistry',
  'ShowInstanceReplicationPolicy',
  'StopInstanceReplicationPolicyExecution',
  'UpdateInstanceRegistry',
  'UpdateInstanceReplicationPolicy',
];
