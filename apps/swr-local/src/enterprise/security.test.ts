import {
  enterpriseErrorBody,
  VULNERABILITY_REPORT_TYPE,
  type AuditLog,
  type InstanceTag,
  type OperationId,
  type VulnerabilityReport,
} from '@swr-console/swr-api';
import { beforeAll, describe, expect, it } from 'vitest';
import * as suite from '../testing/enterprise-suite.js';
import {
  SECURITY_SUITE,
  at,
  call,
  called,
  digestOf,
  failure,
  ns,
  push,
  useEnterpriseSandbox,
} from '../testing/enterprise-suite.js';
import { ociImageWithFiles } from '../testing/images.js';
import { problemsOf } from '../testing/sdk-enterprise-models.js';
import { signingFetch } from '../testing/sandbox.js';
import { snapshot } from '../testing/snapshot.js';
import { waitFor } from '../testing/wait.js';
import {
  DEBIAN_12_OS_RELEASE,
  FIXED_GLIBC,
  VULNERABLE_GLIBC,
  debian12Status,
} from '../scanning/testing.js';

// Scanning, the CVE allowlist, pull prevention, immutable tags, tags and artifacts, and the audit
// log, with images pushed and pulled by skopeo. Every answer is also read with the official SDK's
// models (transcribed, since the installable SDK predates them).
useEnterpriseSandbox();

const answers: [OperationId, unknown][] = [];
async function answered<Id extends OperationId>(id: Id, input: Parameters<typeof call<Id>>[1]) {
  const data = await call(id, input);
  answers.push([id, data]);
  return data;
}

const debianImage = (content: string, glibc: string) =>
  ociImageWithFiles(content, {
    'usr/lib/os-release': DEBIAN_12_OS_RELEASE,
    'var/lib/dpkg/status': debian12Status(glibc),
  });
async function pushDebian(content: string, glibc: string, target: string) {
  const copied = await suite.registry(
    'copy',
    '--tls-verify=false',
    debianImage(content, glibc),
    `docker://${suite.host}/${target}`,
  );
  expect(copied.stderr).toBe('');
}
const repo = (namespace: string, repository: string) => ({
  ...ns(namespace),
  repository_name: repository,
});
const artifact = (namespace: string, repository: string, reference: string) => ({
  ...repo(namespace, repository),
  reference,
});

async function scanned(namespace: string, repository: string, digest: string) {
  return waitFor(
    async () => {
      const shown = await answered('ShowInstanceArtifact', {
        path: artifact(namespace, repository, digest),
        query: { with_scan_overview: 'true' },
      });
      const overview = shown.scan_overview?.[VULNERABILITY_REPORT_TYPE];
      return overview?.scan_status === 'Success' || overview?.scan_status === 'Error'
        ? overview
        : undefined;
    },
    30_000,
    `the scan of ${digest}`,
  );
}

describe('vulnerability scanning', { timeout: 60_000 }, () => {
  let vulnerable: string;
  let fixed: string;

  beforeAll(async () => {
    await call('CreateInstanceNamespace', {
      path: at(),
      body: { namespace_name: 'scanned', metadata: { public: 'false' } },
    });
    await pushDebian('old', VULNERABLE_GLIBC, 'scanned/app:old');
    await pushDebian('new', FIXED_GLIBC, 'scanned/app:new');
    vulnerable = await digestOf('scanned/app:old');
    fixed = await digestOf('scanned/app:new');
  });

  it('when an image with a vulnerable glibc is scanned, then its report names the CVE and the fix', async () => {
    const before = await answered('ListInstanceArtifactVulnerabilities', {
      path: artifact('scanned', 'app', vulnerable),
    });
    expect(before).toEqual({});
    const started = await answered('StartManualScanning', {
      path: artifact('scanned', 'app', vulnerable),
    });
    expect(started).toBeFalsy();
    const overview = await scanned('scanned', 'app', vulnerable);
    expect(overview).toMatchObject({ scan_status: 'Success', complete_percent: 100 });
    expect(overview.summary!.total).toBeGreaterThan(0);
    const reports = await answered('ListInstanceArtifactVulnerabilities', {
      path: artifact('scanned', 'app', vulnerable),
    });
    const report = reports[VULNERABILITY_REPORT_TYPE] as VulnerabilityReport;
    expect(report.scanner.name).toBe('swr-local-osv');
    expect(report.vulnerabilities).toContainEqual(
      expect.objectContaining({
        id: 'CVE-2023-4911',
        package: 'libc6',
        version: VULNERABLE_GLIBC,
        fix_version: FIXED_GLIBC,
        severity: 'High',
      }),
    );

    await call('StartManualScanning', { path: artifact('scanned', 'app', fixed) });
    await scanned('scanned', 'app', fixed);
    const fixedReport = (
      await call('ListInstanceArtifactVulnerabilities', { path: artifact('scanned', 'app', fixed) })
    )[VULNERABILITY_REPORT_TYPE] as VulnerabilityReport;
    expect(fixedReport.vulnerabilities.map((v) => v.id)).not.toContain('CVE-2023-4911');
  });

  it('when a CVE is allowlisted, then the overview no longer counts it and pulls it blocked go through', async () => {
    const counted = (await scanned('scanned', 'app', vulnerable)).summary!.total;
    await answered('UpdateInstanceNamespace', {
      path: ns('scanned'),
      body: { metadata: { public: 'false', prevent_vul: 'true', severity: 'high' } },
    });
    const refused = await suite.registry(
      'inspect',
      '--tls-verify=false',
      `docker://${suite.host}/scanned/app:old`,
    );
    expect(refused.stderr).toContain('CVE-2023-4911');

    const report = (
      await call('ListInstanceArtifactVulnerabilities', {
        path: artifact('scanned', 'app', vulnerable),
      })
    )[VULNERABILITY_REPORT_TYPE] as VulnerabilityReport;
    const high = [
      ...new Set(
        report.vulnerabilities
          .filter((v) => v.severity === 'High' || v.severity === 'Critical')
          .map((v) => v.id),
      ),
    ];
    await answered('UpdateInstanceNamespace', {
      path: ns('scanned'),
      body: {
        metadata: { public: 'false' },
        cve_allowlist: { items: high.map((cve_id) => ({ cve_id })) },
      },
    });
    const shown = await answered('ShowInstanceNamespace', { path: ns('scanned') });
    expect(shown.metadata).toMatchObject({ prevent_vul: 'true', severity: 'high' });
    expect(shown.cve_allowlist.items.map((item: { cve_id: string }) => item.cve_id).sort()).toEqual(
      high.sort(),
    );
    const overview = await scanned('scanned', 'app', vulnerable);
    expect(overview.summary!.total).toBe(
      counted - report.vulnerabilities.filter((v) => high.includes(v.id)).length,
    );
    const pulled = await suite.registry(
      'inspect',
      '--tls-verify=false',
      `docker://${suite.host}/scanned/app:old`,
    );
    expect(pulled.stderr).toBe('');
  });

  it('when an allowlist repeats a CVE, then it is refused at that item and nothing changes', async () => {
    const before = snapshot(suite.sandbox);
    const response = await signingFetch(suite.admin, 'cn-north-4')(
      `${suite.sandbox.api()}/v2/${suite.project}/instances/${suite.instance}/namespaces/scanned`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          metadata: { public: 'true' },
          cve_allowlist: { items: [{ cve_id: 'CVE-2023-4911' }, { cve_id: 'CVE-2023-4911' }] },
        }),
      },
    );
    expect(response.status).toBe(400);
    const body = enterpriseErrorBody.parse(await response.json());
    expect(body.error_code).toBe('SWR.400001');
    expect(body.error_msg).toContain('cve_allowlist.items.1.cve_id');
    expect(snapshot(suite.sandbox)).toEqual(before);
  });

  it('when a namespace scans on push, then a new image is scanned without asking', async () => {
    await call('UpdateInstanceNamespace', {
      path: ns('scanned'),
      body: { metadata: { public: 'false', auto_scan: 'true' } },
    });
    await pushDebian('pushed', VULNERABLE_GLIBC, 'scanned/app:pushed');
    const overview = await scanned('scanned', 'app', await digestOf('scanned/app:pushed'));
    expect(overview.scan_status).toBe('Success');
  });
});

describe('immutable tags', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    await call('CreateInstanceNamespace', {
      path: at(),
      body: { namespace_name: 'locked', metadata: { public: 'false' } },
    });
    expect((await push('release one', 'locked/app:release-1')).stderr).toBe('');
    expect((await push('release one', 'locked/app:dev')).stderr).toBe('');
  });

  const rule = (pattern: string, disabled = false) => ({
    disabled,
    tag_selectors: [{ kind: 'doublestar' as const, decoration: 'matches' as const, pattern }],
    scope_selectors: {
      repository: [
        { kind: 'doublestar' as const, decoration: 'repoMatches' as const, pattern: '**' },
      ],
    },
  });

  it('when a tag is immutable, then skopeo cannot move or delete it and the API refuses too', async () => {
    const { id } = await answered('CreateImmutableRule', {
      path: ns('locked'),
      body: rule('release-*'),
    });
    const moved = await push('release two', 'locked/app:release-1');
    expect(moved.stderr).toContain('immutable');
    expect((await push('release one', 'locked/app:release-1')).stderr).toBe('');
    const digest = await digestOf('locked/app:release-1');
    const deleted = await suite.registry(
      'delete',
      '--tls-verify=false',
      `docker://${suite.host}/locked/app@${digest}`,
    );
    expect(deleted.stderr).toContain('immutable');
    const before = snapshot(suite.sandbox);
    const untag = await failure('DeleteInstanceTag', {
      path: { ...repo('locked', 'app'), tag_name: 'release-1' },
    });
    expect([untag.status, untag.code]).toEqual([412, 'SWR.412001']);
    const remove = await failure('DeleteInstanceArtifact', {
      path: artifact('locked', 'app', digest),
    });
    expect(remove.status).toBe(412);
    expect(snapshot(suite.sandbox)).toEqual(before);

    const namespaceId = (await call('ShowInstanceNamespace', { path: ns('locked') })).namespace_id;
    const listed = await answered('ListImmutableRules', {
      path: at(),
      query: { namespace_id: namespaceId },
    });
    expect(listed.immutable_rules).toEqual([
      expect.objectContaining({
        id,
        namespace_name: 'locked',
        disabled: false,
        action: 'immutable',
      }),
    ]);
    const twice = await failure('CreateImmutableRule', {
      path: ns('locked'),
      body: rule('release-*'),
    });
    expect(twice.status).toBe(409);
    const bad = await failure('CreateImmutableRule', { path: ns('locked'), body: rule('[') });
    expect(bad.message).toContain('tag_selectors.0.pattern');

    await answered('UpdateImmutableRule', {
      path: { ...ns('locked'), immutable_rule_id: id },
      body: rule('release-*', true),
    });
    await answered('DeleteInstanceTag', {
      path: { ...repo('locked', 'app'), tag_name: 'release-1' },
    });
    await answered('DeleteImmutableRule', { path: { ...ns('locked'), immutable_rule_id: id } });
    const gone = await failure('DeleteImmutableRule', {
      path: { ...ns('locked'), immutable_rule_id: id },
    });
    expect(gone.status).toBe(404);
  });

  it('when a tag is deleted, then the artifact stays with its other tags; deleting it removes it', async () => {
    const tags = await answered('ListInstanceTags', {
      path: { instance_id: suite.instance, namespace_name: 'locked', repository_name: 'app' },
    });
    expect(tags.tags.map((tag: InstanceTag) => tag.name)).toEqual(['dev']);
    const digest = tags.tags[0]!.digest;
    expect(
      (
        await suite.registry(
          'inspect',
          '--tls-verify=false',
          `docker://${suite.host}/locked/app:dev`,
        )
      ).stderr,
    ).toBe('');
    const history = await answered('ShowInstanceArtifactAddition', {
      path: { ...artifact('locked', 'app', digest), addition: 'build_history' },
    });
    expect(history.build_histories.at(-1)).toMatchObject({
      created_by: 'swr-local demo image',
      empty_layer: false,
    });

    const all = await answered('ListInstanceAllArtifacts', { path: at(), query: { limit: 1 } });
    expect(all.artifacts).toHaveLength(1);
    expect(all.next_marker).toBeGreaterThan(all.artifacts[0]!.id);
    const next = await call('ListInstanceAllArtifacts', {
      path: at(),
      query: { limit: 1, marker: all.next_marker! },
    });
    expect(next.artifacts[0]!.id).toBe(all.next_marker);

    await answered('DeleteInstanceArtifact', { path: artifact('locked', 'app', digest) });
    const pulled = await suite.registry(
      'inspect',
      '--tls-verify=false',
      `docker://${suite.host}/locked/app:dev`,
    );
    expect(pulled.ok).toBe(false);
  });
});

describe('the audit log', () => {
  it('when images were pushed, pulled and deleted, then each is in the log with who and when', async () => {
    const pulls = await answered('ListAuditLogs', {
      path: at(),
      query: { operation: 'pull', limit: 100, offset: 0 },
    });
    expect(pulls.audit_logs).toContainEqual(
      expect.objectContaining({
        operation: 'pull',
        resource: 'locked/app:dev',
        username: suite.admin.name,
      }),
    );
    const deletes = await call('ListAuditLogs', { path: at(), query: { operation: 'delete' } });
    expect(deletes.audit_logs.map((entry: AuditLog) => entry.resource)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^locked\/app@sha256:/),
        'locked/app:release-1',
      ]),
    );
    const creates = await call('ListAuditLogs', { path: at(), query: { operation: 'create' } });
    expect(creates.audit_logs.map((entry: AuditLog) => entry.resource)).toContain(
      'scanned/app:old',
    );
    for (const entry of creates.audit_logs) expect(Date.parse(entry.op_time)).not.toBeNaN();
    const error = await failure('ListAuditLogs', {
      path: at(),
      query: { operation: 'push' as 'create' },
    });
    expect(error.message).toContain('operation');
  });
});

describe('the security suite', () => {
  it('when it ran, then the official SDK models read every answer and every operation was called', () => {
    for (const [id, body] of answers) expect(problemsOf(id, body), id).toEqual([]);
    // The check itself tells a wrong answer from a right one.
    expect(problemsOf('ListAuditLogs', { audit_logs: [{ id: '7', op_time: 3 }] })).toEqual([
      'ListAuditLogs.audit_logs[0].id: expected an integer',
      'ListAuditLogs.audit_logs[0].op_time: expected a string',
    ]);
    expect(problemsOf('ShowInstanceNamespace', { metadata: {} })).toEqual([
      'ShowInstanceNamespace.metadata.public: required by NamespaceMetadata',
    ]);
    expect(new Set(answers.map(([id]) => id))).toEqual(
      new Set(
        SECURITY_SUITE.filter((id) => id !== 'CreateInstanceNamespace' && id !== 'ListInstance'),
      ),
    );
    expect([...called].sort()).toEqual([...SECURITY_SUITE].sort());
  });
});
