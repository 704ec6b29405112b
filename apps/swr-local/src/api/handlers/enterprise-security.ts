import {
  VULNERABILITY_REPORT_TYPE,
  type AuditLog,
  type VulnerabilityReport,
} from '@swr-console/swr-api';
import { allowlistOf, saveAllowlist } from '../../enterprise/allowlist.js';
import { flagsOf, type EntNamespaceRow } from '../../enterprise/records.js';
import { overviewOf, reportOf, requestScan } from '../../enterprise/scans.js';
import { entError } from '../../domain/errors.js';
import type { Handlers } from '../handler.js';
import { toArtifact } from './enterprise-artifacts.js';
import { toNamespace } from './enterprise.js';
import {
  artifactOf,
  instanceOf,
  namespaceOf,
  page,
  refuseUnknownFlags,
  repositoryScope,
} from './enterprise-scope.js';

type Ids =
  | 'ShowInstanceNamespace'
  | 'UpdateInstanceNamespace'
  | 'ShowInstanceArtifact'
  | 'StartManualScanning'
  | 'ListInstanceArtifactVulnerabilities'
  | 'ListAuditLogs';

/** Namespace settings with the CVE allowlist, scanning and its reports, and the audit log. */
export const enterpriseSecurityHandlers: Pick<Handlers, Ids> = {
  ShowInstanceNamespace(context) {
    const instance = instanceOf(context);
    const { db } = context.services;
    const namespace = namespaceOf(db, instance, context.params.namespace_name);
    return { body: { ...toNamespace(db, namespace), cve_allowlist: allowlistOf(db, namespace) } };
  },

  UpdateInstanceNamespace(context) {
    const instance = instanceOf(context, true);
    const { db, clock } = context.services;
    const namespace = namespaceOf(db, instance, context.params.namespace_name);
    const { metadata, cve_allowlist: allowlist } = context.body;
    refuseUnknownFlags(metadata);
    if (allowlist?.id !== undefined && allowlist.id !== namespace.id)
      throw entError.invalid(
        `cve_allowlist.id ${allowlist.id} is not the allowlist of "${namespace.name}" (${namespace.id}).`,
      );
    if (allowlist?.namespace_id !== undefined && allowlist.namespace_id !== namespace.id)
      throw entError.invalid(
        `cve_allowlist.namespace_id ${allowlist.namespace_id} is not "${namespace.name}" (${namespace.id}).`,
      );
    const at = clock().toISOString();
    // Flags not given keep their values, as in Harbor's metadata update.
    const merged = { ...flagsOf(namespace.metadata), ...metadata };
    db.transaction(() => {
      db.prepare('UPDATE ent_namespaces SET metadata = ?, updated_at = ? WHERE id = ?').run(
        JSON.stringify(merged),
        at,
        namespace.id,
      );
      if (allowlist) saveAllowlist(db, namespace, allowlist, at);
    })();
    const saved = allowlistOf(db, {
      ...namespace,
      metadata: JSON.stringify(merged),
    } as EntNamespaceRow);
    return {
      body: {
        namespace_name: namespace.name,
        metadata: merged as typeof metadata,
        cve_allowlist: {
          id: saved.id,
          namespace_id: saved.namespace_id,
          ...(saved.expires_at === undefined ? {} : { expires_at: saved.expires_at }),
          items: saved.items,
        },
      },
    };
  },

  ShowInstanceArtifact(context) {
    const { db, namespace, repository } = repositoryScope(context);
    const artifact = artifactOf(db, repository, context.params.reference);
    const body = toArtifact(db, artifact, repository, namespace.id);
    if (context.query.with_scan_overview !== 'true') return { body };
    const overview = overviewOf(context.services, artifact, allowlistOf(db, namespace));
    return { body: overview ? { ...body, scan_overview: overview } : body };
  },

  StartManualScanning(context) {
    const { db, repository } = repositoryScope(context, true);
    requestScan(context.services, artifactOf(db, repository, context.params.reference));
  },

  ListInstanceArtifactVulnerabilities(context) {
    const { db, repository } = repositoryScope(context);
    const artifact = artifactOf(db, repository, context.params.reference);
    const report = reportOf(context.services, artifact.id);
    const reports: Record<string, VulnerabilityReport> = {};
    if (report) reports[VULNERABILITY_REPORT_TYPE] = report;
    return { body: reports };
  },

  ListAuditLogs(context) {
    const instance = instanceOf(context);
    const { db } = context.services;
    const { offset, limit } = page(context.query);
    const args = [instance.id, context.query.operation];
    const total = db
      .prepare('SELECT COUNT(*) FROM ent_audit_logs WHERE instance_id = ? AND operation = ?')
      .pluck()
      .get(...args) as number;
    const rows = db
      .prepare(
        `SELECT id, operation, resource_type, resource, username, op_time FROM ent_audit_logs
         WHERE instance_id = ? AND operation = ? ORDER BY id DESC LIMIT ? OFFSET ?`,
      )
      .all(...args, limit, offset) as AuditLog[];
    return { body: { audit_logs: rows, total } };
  },
};
