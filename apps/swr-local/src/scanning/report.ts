import { severityOfAdvisory, type Advisory } from './advisories.js';
import type { Finding } from './match.js';
import { highestSeverity, severityRank, type Severity } from './severity.js';

/** The media type of Harbor's native vulnerability report, which this report is. */
export const REPORT_MIME_TYPE = 'application/vnd.security.vulnerability.report; version=1.1';

/** The scanner's version: raise it when what a scan finds for the same image can change. */
export const SCANNER_VERSION = '1.0.0';

/** Who made a report, as Harbor's `scanner` field names it. */
export const SCANNER = { name: 'swr-local-osv', vendor: 'SWR Console', version: SCANNER_VERSION };

/** The artifact a report is about. */
export interface ScanArtifact {
  repository_name: string;
  digest: string;
  mime_type: string;
}

/** One vulnerable package, as Harbor reports it. */
export interface ReportVulnerability {
  /** The CVE when the advisory has one, else the advisory's own id. */
  id: string;
  package: string;
  version: string;
  /** The version that fixes it; '' when no fix is published. */
  fix_version: string;
  severity: Severity;
  description: string;
  links: string[];
  layer?: { digest: string };
  /** In an index's report: the platform images that have it. */
  artifact_digests?: string[];
  preferred_cvss: { score_v3: number | null; vector_v3: string };
  cwe_ids: string[];
  vendor_attributes: {
    osv_id: string;
    aliases: string[];
    ecosystem: string;
    source_package: string;
    source_version: string;
  };
}

/** Harbor's native vulnerability report (`REPORT_MIME_TYPE`). */
export interface VulnerabilityReport {
  generated_at: string;
  artifact: ScanArtifact;
  scanner: typeof SCANNER;
  /** The highest severity of its vulnerabilities; `None` when there are none. */
  severity: Severity;
  vulnerabilities: ReportVulnerability[];
}

/** A scan overview: how many vulnerabilities, how many have a fix, and how many of each severity. */
export interface ScanSummary {
  total: number;
  fixable: number;
  /** Only the severities that occur, as Harbor's overview lists them. */
  summary: Partial<Record<Severity, number>>;
}

/** The identifier a report shows: the advisory's first CVE alias, else its OSV id. */
const idOf = (advisory: Advisory) =>
  advisory.aliases.find((alias) => alias.startsWith('CVE-')) ?? advisory.id;

function vulnerabilityOf({ advisory, package: pkg, fixVersion }: Finding): ReportVulnerability {
  const { severity, score, vector } = severityOfAdvisory(advisory);
  return {
    id: idOf(advisory),
    package: pkg.name,
    version: pkg.version,
    fix_version: fixVersion,
    severity,
    description: advisory.details || advisory.summary,
    links: [...new Set(advisory.references.map((reference) => reference.url))],
    ...(pkg.layer ? { layer: { digest: pkg.layer } } : {}),
    preferred_cvss: { score_v3: score ?? null, vector_v3: vector ?? '' },
    cwe_ids: [],
    vendor_attributes: {
      osv_id: advisory.id,
      aliases: advisory.aliases,
      ecosystem: pkg.ecosystem,
      source_package: pkg.sourceName,
      source_version: pkg.sourceVersion,
    },
  };
}

/** Most severe first, then by id and package, so that the same scan gives the same report. */
function byRelevance(a: ReportVulnerability, b: ReportVulnerability): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    a.id.localeCompare(b.id) ||
    a.package.localeCompare(b.package) ||
    a.version.localeCompare(b.version)
  );
}

/** The report of a scan's findings about `artifact`, made at `now`. */
export function buildReport(
  findings: readonly Finding[],
  artifact: ScanArtifact,
  now: Date,
): VulnerabilityReport {
  const vulnerabilities = findings.map(vulnerabilityOf).sort(byRelevance);
  return {
    generated_at: now.toISOString(),
    artifact,
    scanner: SCANNER,
    severity: highestSeverity(vulnerabilities.map((v) => v.severity)),
    vulnerabilities,
  };
}

/**
 * The report of an index from those of its platform images: each vulnerable package (CVE, package,
 * version) once, with the digests of the images that have it.
 */
export function mergeReports(
  parts: readonly { digest: string; report: VulnerabilityReport }[],
  artifact: ScanArtifact,
  now: Date,
): VulnerabilityReport {
  const merged = new Map<string, ReportVulnerability & { artifact_digests: string[] }>();
  for (const { digest, report } of parts) {
    for (const vulnerability of report.vulnerabilities) {
      const key = `${vulnerability.id}\0${vulnerability.package}\0${vulnerability.version}`;
      const seen = merged.get(key);
      if (!seen) merged.set(key, { ...vulnerability, artifact_digests: [digest] });
      else if (!seen.artifact_digests.includes(digest)) seen.artifact_digests.push(digest);
    }
  }
  const vulnerabilities = [...merged.values()].sort(byRelevance);
  return {
    generated_at: now.toISOString(),
    artifact,
    scanner: SCANNER,
    severity: highestSeverity(vulnerabilities.map((v) => v.severity)),
    vulnerabilities,
  };
}

/** The overview of a report: counts by severity, in all, and of those with a fix. */
export function summaryOf(report: {
  vulnerabilities: readonly { severity: Severity; fix_version: string }[];
}): ScanSummary {
  const summary: Partial<Record<Severity, number>> = {};
  for (const { severity } of report.vulnerabilities)
    summary[severity] = (summary[severity] ?? 0) + 1;
  return {
    total: report.vulnerabilities.length,
    fixable: report.vulnerabilities.filter((v) => v.fix_version !== '').length,
    summary,
  };
}
