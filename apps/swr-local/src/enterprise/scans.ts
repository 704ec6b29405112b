import {
  fieldsOf,
  itemsOf,
  parseJson,
  stringOf,
  VULNERABILITY_REPORT_TYPE,
  type CveAllowlist,
  type ScanOverview,
  type ScanStatus,
  type VulnerabilityReport as WireReport,
} from '@swr-console/swr-api';
import { entError } from '../domain/errors.js';
import type { RegistryClient } from '../registry/client.js';
import { loadAdvisories, type Advisory } from '../scanning/advisories.js';
import type { LayerBlob } from '../scanning/inventory.js';
import {
  mergeReports,
  summaryOf,
  SCANNER,
  type ScanArtifact,
  type VulnerabilityReport,
} from '../scanning/report.js';
import { scanLayers } from '../scanning/scan.js';
import { highestSeverity, severityOfLabel, severityRank } from '../scanning/severity.js';
import type { Refusal } from '../registry/front.js';
import type { Services } from '../services.js';
import { allowedCves, allowlistOf } from './allowlist.js';
import { flagsOf, type ArtifactRow, type EntNamespaceRow } from './records.js';
import type { RecordedPush } from './registry.js';

/**
 * Vulnerability scans of Enterprise artifacts, as background jobs: a request marks the artifact
 * `Pending` and queues a job; the job reads the image's layers from the instance's registry,
 * scans them (`../scanning`) and keeps the report. A scan that cannot read the image ends in
 * `Error` with the reason; a later request scans again. Reports are kept as scanned; the
 * allowlist is applied when they are read, so changing it takes effect at once.
 */

export const SCAN_JOB = 'ent-scan';

interface ScanRow {
  artifact_id: number;
  status: ScanStatus;
  report: string | null;
  status_text: string;
  started_at: string;
  ended_at: string | null;
}

let advisories: readonly Advisory[] | undefined;
/** The advisories shipped with swr-local, read once. */
const knownAdvisories = () => (advisories ??= loadAdvisories());

function scanRowOf(services: Pick<Services, 'db'>, artifactId: number): ScanRow | undefined {
  return services.db.prepare('SELECT * FROM ent_scans WHERE artifact_id = ?').get(artifactId) as
    ScanRow | undefined;
}

/** Starts an artifact's scan over: Pending, its last report dropped. */
function markPending(services: Pick<Services, 'db' | 'clock'>, artifactId: number): void {
  services.db
    .prepare(
      `INSERT INTO ent_scans (artifact_id, status, report, status_text, started_at, ended_at)
       VALUES (?, 'Pending', NULL, '', ?, NULL)
       ON CONFLICT (artifact_id) DO UPDATE SET status = 'Pending', report = NULL, status_text = '',
         started_at = excluded.started_at, ended_at = NULL`,
    )
    .run(artifactId, services.clock().toISOString());
}

/** Scans an artifact here and now, without a job (the demo's, before start-up ends). */
export async function scanNow(services: Services, artifact: ArtifactRow): Promise<void> {
  markPending(services, artifact.id);
  await runScan(services, artifact.id);
}

/** Queues a scan of an artifact; 409 while one is waiting or running. */
export function requestScan(services: Services, artifact: ArtifactRow): void {
  if (artifact.type === 'SIGNATURE')
    throw entError.invalid('A signature is not an image; scan the artifact it signs.');
  const { db, jobs, clock } = services;
  // The scan and its job are stored together: a scan left Pending without a job would never end,
  // and would refuse every later request with 409.
  const queued = db.transaction(() => {
    const current = scanRowOf(services, artifact.id);
    if (current && (current.status === 'Pending' || current.status === 'Running')) return false;
    markPending(services, artifact.id);
    jobs.enqueue(SCAN_JOB, { artifactId: artifact.id }, clock(), false);
    return true;
  })();
  if (!queued) throw entError.busy(`A scan of "${artifact.digest}" is already waiting or running.`);
  jobs.wake();
}

/**
 * At start-up: queues again every scan that is waiting or running without a job to run it (one
 * whose job failed, or stored by a version that queued it apart), so that each one ends.
 */
export function resumeScans(services: Pick<Services, 'db' | 'jobs'>): number {
  const orphans = services.db
    .prepare(
      `SELECT artifact_id FROM ent_scans s WHERE s.status IN ('Pending', 'Running')
       AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.kind = ? AND j.status IN ('waiting', 'running')
         AND json_extract(j.payload, '$.artifactId') = s.artifact_id)`,
    )
    .pluck()
    .all(SCAN_JOB) as number[];
  for (const artifactId of orphans) services.jobs.enqueue(SCAN_JOB, { artifactId });
  return orphans.length;
}

/** The platform images of an artifact: itself, or each image an index lists. */
async function imagesOf(client: RegistryClient, path: string, digest: string): Promise<string[]> {
  const manifest = await client.getManifest(path, digest);
  if (!manifest) throw new Error(`The manifest ${digest} is no longer in the registry.`);
  const parsed = fieldsOf(parseJson(manifest.body));
  const children = itemsOf(parsed?.manifests)
    .map((child) => stringOf(fieldsOf(child)?.digest))
    .filter((child): child is string => child !== undefined);
  return children.length > 0 ? children : [digest];
}

/**
 * Each layer of one platform image, streamed from the registry as the scanner reads it: no layer
 * is held whole, and each download ends once the scanner moves on.
 */
async function* layersOf(
  client: RegistryClient,
  path: string,
  image: string,
): AsyncGenerator<LayerBlob> {
  const manifest = await client.getManifest(path, image);
  if (!manifest) throw new Error(`The manifest ${image} is no longer in the registry.`);
  const layers = itemsOf(fieldsOf(parseJson(manifest.body))?.layers);
  for (const layer of layers) {
    const digest = stringOf(fieldsOf(layer)?.digest);
    if (!digest) continue;
    const { stream } = await client.getBlob(path, digest);
    try {
      yield { digest, data: stream };
    } finally {
      stream.destroy();
    }
  }
}

/**
 * Scans an artifact: an image by its layers; an index platform by platform (each image its own
 * file system), its report listing each finding once with the images that have it.
 */
async function scanArtifact(
  client: RegistryClient,
  path: string,
  artifact: ScanArtifact,
  now: Date,
): Promise<VulnerabilityReport> {
  const images = await imagesOf(client, path, artifact.digest);
  const reports: { digest: string; report: VulnerabilityReport }[] = [];
  for (const image of images)
    reports.push({
      digest: image,
      report: await scanLayers(layersOf(client, path, image), knownAdvisories(), artifact, now),
    });
  const single = reports.length === 1 && reports[0]!.digest === artifact.digest;
  return single ? reports[0]!.report : mergeReports(reports, artifact, now);
}

/** Runs a queued scan; always ends it (Success or Error), so a job is never retried blindly. */
export async function runScan(services: Services, artifactId: number): Promise<void> {
  const { db, clock } = services;
  const row = scanRowOf(services, artifactId);
  const target = db
    .prepare(
      `SELECT a.*, r.name AS repository, n.name AS namespace, n.instance_id FROM ent_artifacts a
       JOIN ent_repositories r ON r.id = a.repository_id JOIN ent_namespaces n ON n.id = r.namespace_id
       WHERE a.id = ?`,
    )
    .get(artifactId) as
    (ArtifactRow & { repository: string; namespace: string; instance_id: string }) | undefined;
  if (!row || !target || row.status === 'Success' || row.status === 'Error') return;
  const finish = (status: ScanStatus, report: VulnerabilityReport | null, text: string) =>
    db
      .prepare(
        'UPDATE ent_scans SET status = ?, report = ?, status_text = ?, ended_at = ? WHERE artifact_id = ?',
      )
      .run(status, report && JSON.stringify(report), text, clock().toISOString(), artifactId);
  db.prepare("UPDATE ent_scans SET status = 'Running' WHERE artifact_id = ?").run(artifactId);
  const client = services.instances.get(target.instance_id)?.registry;
  const path = `${target.namespace}/${target.repository}`;
  try {
    if (!client) throw new Error('The instance registry is not running.');
    const report = await scanArtifact(
      client,
      path,
      { repository_name: path, digest: target.digest, mime_type: target.manifest_media_type },
      clock(),
    );
    finish('Success', report, '');
  } catch (error) {
    services.log.warn({ err: error, artifactId }, 'scan failed');
    finish('Error', null, (error as Error).message);
  }
}

/** The report of an artifact's last finished scan, or undefined. */
export function reportOf(
  services: Pick<Services, 'db'>,
  artifactId: number,
): WireReport | undefined {
  const row = scanRowOf(services, artifactId);
  return row?.report ? (JSON.parse(row.report) as WireReport) : undefined;
}

/**
 * The scan overview of an artifact, keyed by report type; undefined before any scan. Its counts and
 * severity leave out the CVEs the namespace's allowlist accepts now.
 */
export function overviewOf(
  services: Pick<Services, 'db' | 'clock'>,
  artifact: ArtifactRow,
  allowlist: CveAllowlist,
): Record<string, ScanOverview> | undefined {
  const row = scanRowOf(services, artifact.id);
  if (!row) return undefined;
  const report = reportOf(services, artifact.id);
  const allowed = allowedCves(allowlist, services.clock());
  const counted = report && {
    ...report,
    vulnerabilities: report.vulnerabilities.filter((v) => !allowed.has(v.id)),
  };
  const ended = row.ended_at ? Date.parse(row.ended_at) : undefined;
  const overview: ScanOverview = {
    report_id: `${artifact.id}-${row.started_at}`,
    scan_status: row.status,
    start_time: row.started_at,
    complete_percent: row.status === 'Success' || row.status === 'Error' ? 100 : 0,
    scanner: SCANNER,
    ...(ended === undefined
      ? {}
      : {
          end_time: row.ended_at!,
          duration: Math.round((ended - Date.parse(row.started_at)) / 1000),
        }),
    ...(counted
      ? {
          severity: highestSeverity(counted.vulnerabilities.map((v) => v.severity)),
          summary: summaryOf(counted) as ScanOverview['summary'],
        }
      : {}),
    ...(row.status === 'Error' ? { status_text: row.status_text } : {}),
  };
  return { [VULNERABILITY_REPORT_TYPE]: overview };
}

/** Scan on push: a namespace with `auto_scan` scans each new image once it is pushed. */
export function scanOnPush(services: Services, push: RecordedPush): void {
  const metadata = flagsOf(push.namespace.metadata);
  if (metadata.auto_scan !== 'true' || push.artifact.type === 'SIGNATURE') return;
  if (scanRowOf(services, push.artifact.id)) return;
  requestScan(services, push.artifact);
}

/**
 * What the reports of the repository's indexes found in one of their platform images: a platform
 * pulled by its digest is judged by its index's scan when it has none of its own.
 */
function foundInIndexes(services: Pick<Services, 'db'>, artifact: ArtifactRow) {
  const reports = services.db
    .prepare(
      `SELECT s.report FROM ent_scans s JOIN ent_artifacts a ON a.id = s.artifact_id
       WHERE a.repository_id = ? AND s.report IS NOT NULL AND instr(s.report, ?) > 0`,
    )
    .pluck()
    .all(artifact.repository_id, artifact.digest) as string[];
  return reports.flatMap((text) =>
    (JSON.parse(text) as WireReport).vulnerabilities.filter((v) =>
      v.artifact_digests?.includes(artifact.digest),
    ),
  );
}

/**
 * Pull prevention: a namespace with `prevent_vul` refuses to hand out an image whose last report
 * has a vulnerability at or above its `severity` that the allowlist does not accept (Harbor's
 * "prevent vulnerable images from running"). Images not scanned yet are let through, as in Harbor.
 */
export function pullRefusal(
  services: Pick<Services, 'db' | 'clock'>,
  namespace: EntNamespaceRow,
  artifact: ArtifactRow,
): Refusal | undefined {
  const metadata = flagsOf(namespace.metadata);
  if (metadata.prevent_vul !== 'true') return undefined;
  const vulnerabilities =
    reportOf(services, artifact.id)?.vulnerabilities ?? foundInIndexes(services, artifact);
  const threshold = severityOfLabel(metadata.severity ?? 'low') ?? 'Low';
  const allowed = allowedCves(allowlistOf(services.db, namespace), services.clock());
  const blocking = vulnerabilities.filter(
    (v) => !allowed.has(v.id) && severityRank(v.severity) >= severityRank(threshold),
  );
  if (blocking.length === 0) return undefined;
  return {
    status: 412,
    code: 'PRECONDITION',
    message: `current image with ${blocking.length} vulnerabilities cannot be pulled due to configured policy in 'Prevent images with vulnerability severity of "${threshold}" or higher from running.' Ask the namespace administrator to accept the CVEs in its allowlist: ${[...new Set(blocking.map((v) => v.id))].slice(0, 10).join(', ')}`,
  };
}
