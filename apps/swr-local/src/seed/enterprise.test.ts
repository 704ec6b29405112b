import { signatureTagOf, VULNERABILITY_REPORT_TYPE } from '@swr-console/swr-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosignVerifies } from '../testing/cosign-verify.js';
import { startSandbox, type Sandbox } from '../testing/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
}, 60_000);
afterAll(() => sandbox?.stop());

describe('the Enterprise demo', () => {
  it('when the sandbox starts with demo data, then tagged namespaces, a key and verifiable release signatures are there', async () => {
    const admin = sandbox.user();
    const client = sandbox.client(admin);
    const project = admin.projects['cn-north-4']!;
    const { data } = await client.request('ListInstance', { path: { project_id: project } });
    const instance = data.instances[0]!;
    const at = { project_id: project, instance_id: instance.id };
    const prod = await client.request('ListSubResourceInstances', {
      path: at,
      body: { tags: [{ key: 'env', values: ['prod'] }] },
    });
    expect(prod.data.resources.map((r) => r.resource_name).sort()).toEqual([
      'payments',
      'platform',
    ]);

    const keys = await client.request('ListKeys', { path: { project_id: project }, body: {} });
    const key = keys.data.key_details.find((k) => k.key_alias === 'release-signing')!;
    const publicKey = (
      await client.request('ShowPublicKey', {
        path: { project_id: project },
        body: { key_id: key.key_id },
      })
    ).data.public_key;

    const { artifacts } = (
      await client.request('ListInstanceArtifacts', {
        path: { ...at, namespace_name: 'platform', repository_name: 'base-image' },
      })
    ).data;
    const runtime = sandbox.services.instances.get(instance.id)!;
    const verdicts: Record<string, boolean> = {};
    for (const artifact of artifacts) {
      const signature = await runtime.registry.getManifest(
        'platform/base-image',
        signatureTagOf(artifact.digest),
      );
      const layers = [];
      for (const layer of signature
        ? (
            JSON.parse(signature.body) as {
              layers: { digest: string; annotations: Record<string, string> }[];
            }
          ).layers
        : []) {
        const { stream } = await runtime.registry.getBlob('platform/base-image', layer.digest);
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        layers.push({
          payload: Buffer.concat(chunks),
          signature: layer.annotations['dev.cosignproject.cosign/signature']!,
        });
      }
      verdicts[artifact.tags.map((t) => t.name).join()] = cosignVerifies(
        layers,
        { digest: artifact.digest, reference: `${instance.access_address}/platform/base-image` },
        publicKey,
        'sha256',
      );
    }
    expect(verdicts).toEqual({ 'v1.0': true, 'v1.1': true, dev: false });

    // The payments API was scanned at start: its Debian glibc is in its report.
    const [api] = (
      await client.request('ListInstanceArtifacts', {
        path: { ...at, namespace_name: 'payments', repository_name: 'api' },
      })
    ).data.artifacts;
    const reports = await client.request('ListInstanceArtifactVulnerabilities', {
      path: { ...at, namespace_name: 'payments', repository_name: 'api', reference: api!.digest },
    });
    expect(reports.data[VULNERABILITY_REPORT_TYPE]?.vulnerabilities.map((v) => v.id)).toContain(
      'CVE-2023-4911',
    );
    const pushes = await client.request('ListAuditLogs', {
      path: at,
      query: { operation: 'create', offset: 0, limit: 100 },
    });
    expect(pushes.data.audit_logs.map((entry) => entry.resource)).toContain('payments/api:1.4.2');
    // Nothing seeded is left for a background job.
    expect(
      sandbox.services.db
        .prepare("SELECT COUNT(*) FROM jobs WHERE status = 'waiting'")
        .pluck()
        .get(),
    ).toBe(0);
  });
});
