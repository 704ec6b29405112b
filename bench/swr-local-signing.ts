// Benchmark: how fast swr-local signs. (1) On push: the time from a `skopeo copy` finishing to the
// signature being in the registry, per push. (2) Run now: one execution over many artifacts.
// Run: npx tsx bench/swr-local-signing.ts   (PUSHES and ARTIFACTS change the sizes)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signatureTagOf, type SignPolicyBody } from '@swr-console/swr-api';
import {
  buildImage,
  writeOciLayout,
  loginKey,
  skopeo,
  startSandbox,
  waitFor,
} from '@swr-console/swr-local/testing';

const pushes = Number(process.env.PUSHES ?? 20);
const artifacts = Number(process.env.ARTIFACTS ?? 200);

const sandbox = await startSandbox();
const admin = sandbox.user();
const client = sandbox.client(admin);
const project = admin.projects['cn-north-4']!;
const { instances } = (await client.request('ListInstance', { path: { project_id: project } }))
  .data;
const instance = instances[0]!;
const runtime = sandbox.services.instances.get(instance.id)!;
const at = { project_id: project, instance_id: instance.id };
const run = skopeo(path.join(mkdtempSync(path.join(tmpdir(), 'auth-')), 'auth.json'));
await run(
  'login',
  '--tls-verify=false',
  '-u',
  `cn-north-4@${admin.access_key}`,
  '-p',
  loginKey(admin),
  instance.access_address,
);
const key = (
  await client.request('CreateKey', {
    path: { project_id: project },
    body: { key_alias: 'bench', key_spec: 'EC_P256', key_usage: 'SIGN_VERIFY' },
  })
).data.key_info.key_id;
const policy = (name: string, trigger: 'manual' | 'event_based'): SignPolicyBody => ({
  name,
  enabled: true,
  signature_method: 'KMS',
  signature_algorithm: 'ECDSA_SHA_256',
  signature_key: key,
  trigger: { type: trigger },
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

async function push(namespace: string, tag: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'oci-'));
  writeOciLayout(dir, 'img', buildImage(`${namespace} ${tag}`));
  const pushed = await run(
    'copy',
    '--dest-tls-verify=false',
    `oci:${dir}:img`,
    `docker://${instance.access_address}/${namespace}/app:${tag}`,
  );
  if (!pushed.ok) throw new Error(pushed.stderr);
}

async function digestOf(namespace: string, tag: string): Promise<string> {
  const found = await runtime.registry.getManifest(`${namespace}/app`, tag);
  return found!.digest;
}

// (1) On push.
for (const namespace of ['on-push', 'run-now'])
  await client.request('CreateInstanceNamespace', {
    path: at,
    body: { namespace_name: namespace, metadata: { public: 'false' } },
  });
await client.request('CreateInstanceSignPolicy', {
  path: { ...at, namespace_name: 'on-push' },
  body: policy('on-push', 'event_based'),
});
const latencies: number[] = [];
for (let i = 0; i < pushes; i++) {
  await push('on-push', `v${i}`);
  const pushed = performance.now();
  const digest = await digestOf('on-push', `v${i}`);
  await waitFor(
    () => runtime.registry.getManifest('on-push/app', signatureTagOf(digest)),
    30_000,
    'the signature',
  );
  latencies.push(performance.now() - pushed);
}
latencies.sort((a, b) => a - b);
const quantile = (q: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;

// (2) Run now over many artifacts.
for (let i = 0; i < artifacts; i++) await push('run-now', `t${i}`);
const { id } = (
  await client.request('CreateInstanceSignPolicy', {
    path: { ...at, namespace_name: 'run-now' },
    body: policy('run-now', 'manual'),
  })
).data;
const started = performance.now();
await client.request('ExecuteInstanceSignPolicy', {
  path: { ...at, namespace_name: 'run-now', policy_id: id },
});
await waitFor(
  async () => {
    const { executions } = (
      await client.request('ListInstanceSignPolicyExecutions', {
        path: { ...at, namespace_name: 'run-now', policy_id: id },
      })
    ).data;
    return executions[0]?.status === 'Succeed' && executions[0];
  },
  600_000,
  'the execution',
);
const runSeconds = (performance.now() - started) / 1000;

console.log(`| what | result |`);
console.log(`|---|---|`);
console.log(
  `| push → signature in the registry (${pushes} pushes) | median ${quantile(0.5).toFixed(0)} ms, slowest ${latencies.at(-1)!.toFixed(0)} ms |`,
);
console.log(
  `| run now over ${artifacts} artifacts | ${runSeconds.toFixed(1)} s (${(artifacts / runSeconds).toFixed(0)} artifacts/s, ${((artifacts / runSeconds) * 60).toFixed(0)} a minute) |`,
);
await sandbox.stop();
