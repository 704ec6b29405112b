import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  enterpriseErrorBody,
  VULNERABILITY_REPORT_TYPE,
  type AuditLog,
  type VulnerabilityReport,
} from '@swr-console/swr-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildImage, writeOciLayout, type BuiltImage, type BuiltIndex } from '../images/build.js';
import * as suite from '../testing/enterprise-suite.js';
import {
  at,
  call,
  digestOf,
  failure,
  ns,
  push,
  useEnterpriseSandbox,
} from '../testing/enterprise-suite.js';
import { loginKey, signingFetch } from '../testing/sandbox.js';
import { problemsOf } from '../testing/sdk-enterprise-models.js';
import { snapshot } from '../testing/snapshot.js';
import { waitFor } from '../testing/wait.js';
import {
  DEBIAN_12_OS_RELEASE,
  FIXED_GLIBC,
  VULNERABLE_GLIBC,
  debian12Status,
} from '../scanning/testing.js';

// What a client may push or send that the feature did not expect: indexes, broken layers, configs
// that are not image configs, metadata and rules of the wrong shape; and what the audit log makes
// of pushes, HEAD requests and anonymous pulls.
useEnterpriseSandbox();

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const sha = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`;
const debian = (content: string, glibc: string, architecture: string) =>
  buildImage(content, { os: 'linux', architecture }, undefined, {
    files: {
      'usr/lib/os-release': DEBIAN_12_OS_RELEASE,
      'var/lib/dpkg/status': debian12Status(glibc),
    },
  });
function indexOf(images: BuiltImage[]): BuiltIndex {
  const body = JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: images.map((image) => ({
      mediaType: image.manifest.mediaType,
      digest: image.manifest.digest,
      size: Buffer.byteLength(image.manifest.body),
      platform: image.platform,
    })),
  });
  return { manifest: { digest: sha(body), body, mediaType: OCI_INDEX }, images };
}
/** The image with one blob replaced (the config, or a layer at `index`), and its manifest to match. */
function withBlob(image: BuiltImage, index: number, data: Buffer, mediaType: string): BuiltImage {
  const blob = { digest: sha(data), size: data.length, data, mediaType };
  const manifest = JSON.parse(image.manifest.body) as {
    config: object;
    layers: object[];
  };
  const descriptor = { mediaType, digest: blob.digest, size: blob.size };
  if (index === 0) manifest.config = descriptor;
  else manifest.layers[index - 1] = descriptor;
  const body = JSON.stringify(manifest);
  const blobs = image.blobs.map((old, i) => (i === index ? blob : old));
  return { ...image, blobs, manifest: { ...image.manifest, body, digest: sha(body) } };
}
async function pushBuilt(image: BuiltImage | BuiltIndex, target: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'oci-'));
  writeOciLayout(dir, 'img', image);
  const copied = await suite.registry(
    'copy',
    '--all',
    '--tls-verify=false',
    `oci:${dir}:img`,
    `docker://${suite.host}/${target}`,
  );
  expect(copied.stderr).toBe('');
}
const artifact = (repository: string, reference: string) => ({
  ...ns('inputs'),
  repository_name: repository,
  reference,
});
const api = (method: string, url: string, body?: unknown) =>
  signingFetch(suite.admin, 'cn-north-4')(
    `${suite.sandbox.api()}/v2/${suite.project}/instances/${suite.instance}${url}`,
    {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    },
  );
async function scanned(repository: string, digest: string) {
  await call('StartManualScanning', { path: artifact(repository, digest) });
  return waitFor(
    async () => {
      const shown = await call('ShowInstanceArtifact', {
        path: artifact(repository, digest),
        query: { with_scan_overview: 'true' },
      });
      const overview = shown.scan_overview?.[VULNERABILITY_REPORT_TYPE];
      return overview?.scan_status === 'Success' || overview?.scan_status === 'Error'
        ? overview
        : undefined;
    },
    30_000,
    `the scan of ${repository}`,
  );
}

/** A registry token of the suite's administrator, as docker gets one. */
async function frontToken(repository: string, actions: string): Promise<string> {
  const login = `cn-north-4@${suite.admin.access_key}:${loginKey(suite.admin)}`;
  const response = await fetch(
    `http://${suite.host}/service/token?scope=repository:${repository}:${actions}`,
    { headers: { authorization: `Basic ${Buffer.from(login).toString('base64')}` } },
  );
  return ((await response.json()) as { token: string }).token;
}

beforeAll(async () => {
  await call('CreateInstanceNamespace', {
    path: at(),
    body: { namespace_name: 'inputs', metadata: { public: 'true' } },
  });
});

describe('scanning what was pushed', { timeout: 60_000 }, () => {
  it('when an index has a vulnerable glibc on amd64 only, then its report has that CVE for the amd64 image', async () => {
    const amd64 = debian('multi', VULNERABLE_GLIBC, 'amd64');
    const arm64 = debian('multi', FIXED_GLIBC, 'arm64');
    const index = indexOf([amd64, arm64]);
    await pushBuilt(index, 'inputs/multi:v1');
    const overview = await scanned('multi', index.manifest.digest);
    expect(overview.scan_status).toBe('Success');
    const reports = await call('ListInstanceArtifactVulnerabilities', {
      path: artifact('multi', index.manifest.digest),
    });
    expect(problemsOf('ListInstanceArtifactVulnerabilities', reports)).toEqual([]);
    const report = reports[VULNERABILITY_REPORT_TYPE] as VulnerabilityReport;
    const glibc = report.vulnerabilities.filter((v) => v.id === 'CVE-2023-4911');
    expect(glibc.map((v) => [v.package, v.version, v.artifact_digests])).toEqual([
      ['libc-bin', VULNERABLE_GLIBC, [amd64.manifest.digest]],
      ['libc6', VULNERABLE_GLIBC, [amd64.manifest.digest]],
    ]);
    // What both platforms have is listed once, for both.
    const curl = report.vulnerabilities.find((v) => v.id === 'CVE-2023-38545');
    expect(curl?.artifact_digests).toEqual([amd64.manifest.digest, arm64.manifest.digest]);
    expect(overview.summary!.total).toBe(report.vulnerabilities.length);

    // Pull prevention judges a platform pulled by its digest by its index's report.
    const flags = (prevent: 'true' | 'false') =>
      call('UpdateInstanceNamespace', {
        path: ns('inputs'),
        body: { metadata: { public: 'true', prevent_vul: prevent, severity: 'high' } },
      });
    await flags('true');
    const pulled = await fetch(
      `http://${suite.host}/v2/inputs/multi/manifests/${amd64.manifest.digest}`,
      { headers: { authorization: `Bearer ${await frontToken('inputs/multi', 'pull')}` } },
    );
    expect(pulled.status).toBe(412);
    expect(await pulled.text()).toContain('CVE-2023-4911');
    await flags('false');
  });

  it('when a layer is not an archive, then the scan ends in Error naming the layer', async () => {
    const image = debian('broken', VULNERABLE_GLIBC, 'amd64');
    const garbage = Buffer.from([0x1f, 0x8b, 8, 0, ...Array.from({ length: 300 }, (_, i) => i)]);
    const broken = withBlob(image, 1, garbage, 'application/vnd.oci.image.layer.v1.tar+gzip');
    await pushBuilt(broken, 'inputs/broken:v1');
    const overview = await scanned('broken', broken.manifest.digest);
    expect(overview).toMatchObject({ scan_status: 'Error', complete_percent: 100 });
    expect(overview.status_text).toMatch(/^layer 1: /);
  });
});

describe('build history of what is not an image', { timeout: 60_000 }, () => {
  const history = (repository: string, digest: string) =>
    api(
      'GET',
      `/namespaces/inputs/repositories/${repository}/artifacts/${digest}/additions/build_history`,
    );

  it('when the config is not JSON, then the history is empty; when it is larger than a config, then 404 and it is not read', async () => {
    const odd = withBlob(
      buildImage('odd'),
      0,
      Buffer.from('\x00\x01 not json'),
      'application/x-odd',
    );
    await pushBuilt(odd, 'inputs/odd:v1');
    const empty = await history('odd', odd.manifest.digest);
    expect(empty.status).toBe(200);
    expect(await empty.json()).toEqual({ build_histories: [], total: 0 });

    // skopeo refuses to copy a config this large; its blobs go in directly, its manifest through
    // the registry front as any push's.
    const large = Buffer.alloc(5 * 1024 * 1024, '{');
    const huge = withBlob(buildImage('huge'), 0, large, 'application/vnd.oci.image.config.v1+json');
    const registry = suite.sandbox.services.instances.get(suite.instance)!.registry;
    for (const blob of huge.blobs)
      await registry.pushBlob('inputs/huge', blob.digest, blob.data, blob.size);
    const put = await fetch(`http://${suite.host}/v2/inputs/huge/manifests/v1`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${await frontToken('inputs/huge', 'pull,push')}`,
        'content-type': huge.manifest.mediaType,
      },
      body: huge.manifest.body,
    });
    expect(put.status).toBe(201);
    const refused = await history('huge', huge.manifest.digest);
    expect(refused.status).toBe(404);
    expect(enterpriseErrorBody.parse(await refused.json()).error_msg).toContain('larger than');
  });

  it('when the config is gone from the registry, then the history is the registry’s failure (503), not the client’s', async () => {
    const image = buildImage('gone');
    await pushBuilt(image, 'inputs/gone:v1');
    const config = image.blobs[0]!.digest;
    const name = (await call('ShowInstance', { path: at() })).name;
    const upstream = suite.sandbox.registries.get(name)!.url;
    const removed = await fetch(`${upstream}/v2/inputs/gone/blobs/${config}`, { method: 'DELETE' });
    expect(removed.status).toBe(202);
    const answer = await history('gone', image.manifest.digest);
    expect(answer.status).toBe(503);
    expect(enterpriseErrorBody.parse(await answer.json()).error_code).toBe('SWR.503001');
  });

  it('when the artifact is a signature, then its history is read like any image, not a 5xx', async () => {
    expect((await push('signed', 'inputs/app:v1')).stderr).toBe('');
    const digest = await digestOf('inputs/app:v1');
    const sigTag = `${digest.replace(':', '-')}.sig`;
    expect((await push('a signature', `inputs/app:${sigTag}`)).stderr).toBe('');
    const answer = await history('app', await digestOf(`inputs/app:${sigTag}`));
    expect(answer.status).toBe(200);
  });
});

describe('namespace metadata', () => {
  it.each([
    [{ public: 'true', junk: 'x' }, 'body.metadata.junk'],
    [{ public: 'true', enable_content_trust: { deep: [1] } }, 'body.metadata.enable_content_trust'],
    [{ public: 'true', prevent_vul: true }, 'body.metadata.prevent_vul'],
    [{ public: 'true', severity: 'HIGH' }, 'body.metadata.severity'],
  ])(
    'when an update sends %j, then it is 400 naming %s and nothing changes',
    async (metadata, field) => {
      const before = snapshot(suite.sandbox);
      const answer = await api('PUT', '/namespaces/inputs', { metadata });
      expect(answer.status).toBe(400);
      const body = enterpriseErrorBody.parse(await answer.json());
      expect(body.error_code).toBe('SWR.400001');
      expect(body.error_msg).toContain(field);
      expect(snapshot(suite.sandbox)).toEqual(before);
    },
  );

  it('when a namespace is created with a key that is no flag, then it is 400 and none is created', async () => {
    const answer = await api('POST', '/namespaces', {
      namespace_name: 'with-junk',
      metadata: { public: 'false', retention_id: '7' },
    });
    expect(answer.status).toBe(400);
    expect(enterpriseErrorBody.parse(await answer.json()).error_msg).toContain(
      'body.metadata.retention_id',
    );
    expect((await failure('ShowInstanceNamespace', { path: ns('with-junk') })).status).toBe(404);
  });

  it('when a stored namespace holds other keys (written before they were refused), then only its flags are answered and kept', async () => {
    const { db } = suite.sandbox.services;
    db.prepare("UPDATE ent_namespaces SET metadata = ? WHERE name = 'inputs'").run(
      JSON.stringify({ public: 'true', auto_scan: 'false', legacy: { x: 1 } }),
    );
    const shown = await call('ShowInstanceNamespace', { path: ns('inputs') });
    expect(shown.metadata).toEqual({ public: 'true', auto_scan: 'false' });
    await call('UpdateInstanceNamespace', {
      path: ns('inputs'),
      body: { metadata: { public: 'true', prevent_vul: 'false' } },
    });
    const stored = db
      .prepare("SELECT metadata FROM ent_namespaces WHERE name = 'inputs'")
      .pluck()
      .get() as string;
    expect(JSON.parse(stored)).toEqual({
      public: 'true',
      auto_scan: 'false',
      prevent_vul: 'false',
    });
  });
});

describe('immutable rules of the wrong namespace or shape', () => {
  const rule = (pattern: string, decoration: 'repoMatches' | 'repoExcludes' = 'repoMatches') => ({
    tag_selectors: [{ kind: 'doublestar' as const, decoration: 'matches' as const, pattern }],
    scope_selectors: { repository: [{ kind: 'doublestar' as const, decoration, pattern: 'app' }] },
  });

  it('when a rule is changed or deleted by id under another namespace, then it is 404 and the rule stays', async () => {
    await call('CreateInstanceNamespace', {
      path: at(),
      body: { namespace_name: 'elsewhere', metadata: { public: 'false' } },
    });
    const { id } = await call('CreateImmutableRule', { path: ns('elsewhere'), body: rule('x-*') });
    const before = snapshot(suite.sandbox);
    const path = { ...ns('inputs'), immutable_rule_id: id };
    expect((await failure('UpdateImmutableRule', { path, body: rule('y-*') })).status).toBe(404);
    expect((await failure('DeleteImmutableRule', { path })).status).toBe(404);
    expect(snapshot(suite.sandbox)).toEqual(before);
  });

  it.each([
    [{ priority: '1' }, 'body.priority'],
    [{ priority: 1.5 }, 'body.priority'],
    [{ disabled: 'no' }, 'body.disabled'],
    [{ scope_selectors: { repository: [], tags: [] } }, 'body.scope_selectors'],
  ])('when a rule has %j, then it is 400 naming %s', async (change, field) => {
    const before = snapshot(suite.sandbox);
    const answer = await api('POST', '/namespaces/inputs/immutabletagrules', {
      ...rule('z-*'),
      ...change,
    });
    expect(answer.status).toBe(400);
    expect(enterpriseErrorBody.parse(await answer.json()).error_msg).toContain(field);
    expect(snapshot(suite.sandbox)).toEqual(before);
  });

  it('when a rule excludes a repository, then the tags it selects are immutable everywhere else', async () => {
    await call('CreateImmutableRule', { path: ns('inputs'), body: rule('keep-*', 'repoExcludes') });
    for (const target of ['inputs/app:keep-1', 'inputs/lib:keep-1'])
      expect((await push('kept one', target)).stderr).toBe('');
    expect((await push('kept two', 'inputs/app:keep-1')).stderr).toBe('');
    expect((await push('kept two', 'inputs/lib:keep-1')).stderr).toContain('immutable');
  });
});

describe('what the audit log records', () => {
  const entries = async (operation: 'create' | 'pull', resource: string) =>
    (
      await call('ListAuditLogs', { path: at(), query: { operation, limit: 100, offset: 0 } })
    ).audit_logs.filter((entry: AuditLog) => entry.resource === resource);

  it('when an image is pushed, then one create is logged though the registry reports it too', async () => {
    expect((await push('audited', 'inputs/audited:v1')).stderr).toBe('');
    // The registry's own notification of the push comes after skopeo's answer.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await entries('create', 'inputs/audited:v1')).toEqual([
      expect.objectContaining({ username: suite.admin.name, resource_type: 'artifact' }),
    ]);
  });

  it('when a manifest is only asked about (HEAD), then no pull is logged; an anonymous pull of a public namespace is, as anonymous', async () => {
    const token = await frontToken('inputs/audited', 'pull');
    const head = await fetch(`http://${suite.host}/v2/inputs/audited/manifests/v1`, {
      method: 'HEAD',
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/vnd.oci.image.manifest.v1+json',
      },
    });
    expect(head.status).toBe(200);
    expect(await entries('pull', 'inputs/audited:v1')).toEqual([]);

    const pulled = await suite.registry(
      'inspect',
      '--tls-verify=false',
      '--no-creds',
      `docker://${suite.host}/inputs/audited:v1`,
    );
    expect(pulled.stderr).toBe('');
    expect(await entries('pull', 'inputs/audited:v1')).toEqual([
      expect.objectContaining({ username: 'anonymous' }),
    ]);
  });
});
