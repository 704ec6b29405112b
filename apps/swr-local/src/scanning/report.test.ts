import { describe, expect, it } from 'vitest';
import { parseAdvisory } from './advisories.js';
import type { Package } from './inventory.js';
import type { Finding } from './match.js';
import {
  buildReport,
  mergeReports,
  REPORT_MIME_TYPE,
  SCANNER,
  summaryOf,
  type ScanArtifact,
} from './report.js';

const ARTIFACT: ScanArtifact = {
  repository_name: 'library/app',
  digest: `sha256:${'a'.repeat(64)}`,
  mime_type: 'application/vnd.oci.image.manifest.v1+json',
};
const NOW = new Date('2026-06-01T12:00:00Z');

const pkg: Package = {
  name: 'libc6',
  version: '2.36-9+deb12u1',
  sourceName: 'glibc',
  sourceVersion: '2.36-9+deb12u1',
  ecosystem: 'Debian:12',
  layer: `sha256:${'b'.repeat(64)}`,
};

function finding(
  id: string,
  extra: Record<string, unknown>,
  fixVersion = '2.36-9+deb12u3',
): Finding {
  const advisory = parseAdvisory(
    JSON.stringify({
      id,
      modified: '2024-01-01T00:00:00Z',
      affected: [{ package: { ecosystem: 'Debian:12', name: 'glibc' } }],
      ...extra,
    }),
    `${id}.json`,
  );
  return { advisory, package: pkg, fixVersion };
}

const CRITICAL = finding('DSA-1', {
  aliases: ['DEBIAN-CVE-2020-1', 'CVE-2020-1', 'CVE-2020-2'],
  summary: 'short',
  details: 'long details',
  references: [
    { type: 'WEB', url: 'https://osv.dev/vulnerability/DSA-1' },
    { type: 'ADVISORY', url: 'https://example.org/dsa-1' },
    { type: 'WEB', url: 'https://osv.dev/vulnerability/DSA-1' },
  ],
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
});
const MEDIUM = finding(
  'GHSA-x',
  { summary: 'no details', database_specific: { severity: 'moderate' } },
  '',
);
const UNKNOWN = finding('TEST-9', {});

describe('the Harbor report', () => {
  const report = buildReport([MEDIUM, UNKNOWN, CRITICAL], ARTIFACT, NOW);

  it('when built, then it names the artifact, the scanner and the time, with the highest severity', () => {
    expect(REPORT_MIME_TYPE).toBe('application/vnd.security.vulnerability.report; version=1.1');
    expect(report).toMatchObject({
      generated_at: '2026-06-01T12:00:00.000Z',
      artifact: ARTIFACT,
      scanner: { name: 'swr-local-osv', vendor: 'SWR Console', version: SCANNER.version },
      severity: 'Critical',
    });
  });

  it('when an advisory has CVE aliases, then the first CVE is the id and the advisory stays in the vendor attributes', () => {
    expect(report.vulnerabilities[0]).toEqual({
      id: 'CVE-2020-1',
      package: 'libc6',
      version: '2.36-9+deb12u1',
      fix_version: '2.36-9+deb12u3',
      severity: 'Critical',
      description: 'long details',
      links: ['https://osv.dev/vulnerability/DSA-1', 'https://example.org/dsa-1'],
      layer: { digest: pkg.layer },
      preferred_cvss: { score_v3: 9.8, vector_v3: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
      cwe_ids: [],
      vendor_attributes: {
        osv_id: 'DSA-1',
        aliases: ['DEBIAN-CVE-2020-1', 'CVE-2020-1', 'CVE-2020-2'],
        ecosystem: 'Debian:12',
        source_package: 'glibc',
        source_version: '2.36-9+deb12u1',
      },
    });
  });

  it('when an advisory has no CVE and no vector, then its own id, its summary and no score are reported', () => {
    expect(report.vulnerabilities.map((v) => [v.id, v.severity])).toEqual([
      ['CVE-2020-1', 'Critical'],
      ['GHSA-x', 'Medium'],
      ['TEST-9', 'Unknown'],
    ]);
    expect(report.vulnerabilities[1]).toMatchObject({
      description: 'no details',
      fix_version: '',
      preferred_cvss: { score_v3: null, vector_v3: '' },
    });
  });

  it('when there are no findings, then the report is empty and its severity None', () => {
    expect(buildReport([], ARTIFACT, NOW)).toMatchObject({ severity: 'None', vulnerabilities: [] });
  });

  it('when a report is stored as JSON, then it reads back the same', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('the scan overview', () => {
  it('when summarised, then it counts each severity present, all, and those with a fix', () => {
    const report = buildReport(
      [CRITICAL, MEDIUM, UNKNOWN, finding('DSA-2', { aliases: ['CVE-2'] })],
      ARTIFACT,
      NOW,
    );
    expect(summaryOf(report)).toEqual({
      total: 4,
      fixable: 3,
      summary: { Critical: 1, Medium: 1, Unknown: 2 },
    });
    expect(summaryOf(buildReport([], ARTIFACT, NOW))).toEqual({
      total: 0,
      fixable: 0,
      summary: {},
    });
  });
});

describe('the report of an index', () => {
  const amd64 = `sha256:${'1'.repeat(64)}`;
  const arm64 = `sha256:${'2'.repeat(64)}`;

  it('when its platform images are reported, then each finding is listed once with the images that have it', () => {
    const merged = mergeReports(
      [
        { digest: amd64, report: buildReport([CRITICAL, MEDIUM], ARTIFACT, NOW) },
        { digest: arm64, report: buildReport([MEDIUM], ARTIFACT, NOW) },
      ],
      ARTIFACT,
      NOW,
    );
    expect(merged).toMatchObject({ artifact: ARTIFACT, severity: 'Critical', scanner: SCANNER });
    expect(merged.vulnerabilities.map((v) => [v.id, v.artifact_digests])).toEqual([
      ['CVE-2020-1', [amd64]],
      ['GHSA-x', [amd64, arm64]],
    ]);
    expect(summaryOf(merged).total).toBe(2);
  });

  it('when no platform image has a finding, then the report is empty and its severity None', () => {
    const empty = buildReport([], ARTIFACT, NOW);
    expect(
      mergeReports(
        [
          { digest: amd64, report: empty },
          { digest: arm64, report: empty },
        ],
        ARTIFACT,
        NOW,
      ),
    ).toMatchObject({ severity: 'None', vulnerabilities: [] });
  });
});
