import type { Sandbox } from './sandbox.js';

const TABLES = [
  'namespaces',
  'namespace_grants',
  'repositories',
  'repository_grants',
  'tags',
  'manifests',
  'shares',
  'sync_tasks',
  'sync_jobs',
  'triggers',
  'retentions',
  'ent_namespaces',
  'ent_namespace_tags',
  'ent_repositories',
  'ent_artifacts',
  'ent_tags',
  'kms_keys',
  'ent_sign_policies',
  'ent_sign_executions',
  'ent_scans',
  'ent_cve_allowlists',
  'ent_immutable_rules',
  'ent_audit_logs',
  'ent_lt_credentials',
  'ent_retention_policies',
  'ent_retention_executions',
  'ent_webhooks',
  'ent_webhook_jobs',
  'ent_registries',
  'ent_replication_policies',
  'ent_replication_executions',
  'ent_manifest_restores',
];

/** Every stored row of the metadata, to prove a refused request changed nothing. */
export function snapshot(sandbox: Sandbox): Record<string, unknown[]> {
  const { db } = sandbox.services;
  return Object.fromEntries(
    TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()]),
  );
}
