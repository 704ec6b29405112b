import { MAX_LT_CREDENTIALS, type InstanceStatistics } from '@swr-console/swr-api';
import type { Db } from '../db/database.js';
import { MAX_REGISTRIES, MAX_REPLICATION_POLICIES } from './registries.js';

const NAMESPACE_QUOTA = 1000;

/**
 * The quotas the statistics report. SWR documents none for its specs; swr-local enforces the
 * long-term credentials, registries and replication policies per instance, and one retention
 * policy per namespace (the table's key), so that quota follows the namespaces'. The others are
 * reported, not enforced:
 * round figures far above what a sandbox holds, so a console gauge never reads full. swr-local has
 * no VPC, so no intranet endpoint can be made: that quota is 0.
 */
export const INSTANCE_QUOTAS = {
  namespace_quota: NAMESPACE_QUOTA,
  image_repo_quota: 10_000,
  replica_policy_quota: MAX_REPLICATION_POLICIES,
  replica_registry_quota: MAX_REGISTRIES,
  retention_policy_quota: NAMESPACE_QUOTA,
  notify_policy_quota: 1000,
  sign_policy_quota: 1000,
  intranet_endpoint_quota: 0,
  long_term_quota: MAX_LT_CREDENTIALS,
} as const;

/** Tables of per-namespace policies, counted for the whole instance. */
type NamespaceTable =
  'ent_repositories' | 'ent_sign_policies' | 'ent_retention_policies' | 'ent_webhooks';

function countOf(db: Db, table: NamespaceTable, instanceId: string): number {
  return db
    .prepare(
      `SELECT COUNT(*) FROM ${table} t JOIN ent_namespaces n ON n.id = t.namespace_id WHERE n.instance_id = ?`,
    )
    .pluck()
    .get(instanceId) as number;
}

function perInstance(
  db: Db,
  table: 'ent_registries' | 'ent_replication_policies',
  instanceId: string,
): number {
  return db
    .prepare(`SELECT COUNT(*) FROM ${table} WHERE instance_id = ?`)
    .pluck()
    .get(instanceId) as number;
}

/**
 * What an instance holds, counted from its records. `storage_used` is the sum of its artifacts'
 * sizes in bytes (as the artifact list shows them), so a layer two artifacts share counts twice.
 */
export function instanceStatisticsOf(db: Db, instanceId: string): InstanceStatistics {
  const storage = db
    .prepare(
      `SELECT COALESCE(SUM(a.size), 0) FROM ent_artifacts a
       JOIN ent_repositories r ON r.id = a.repository_id
       JOIN ent_namespaces n ON n.id = r.namespace_id WHERE n.instance_id = ?`,
    )
    .pluck()
    .get(instanceId) as number;
  return {
    ...INSTANCE_QUOTAS,
    storage_used: storage,
    total_namespace_count: db
      .prepare('SELECT COUNT(*) FROM ent_namespaces WHERE instance_id = ?')
      .pluck()
      .get(instanceId) as number,
    total_image_count: countOf(db, 'ent_repositories', instanceId),
    sign_policy_count: countOf(db, 'ent_sign_policies', instanceId),
    retention_policy_count: countOf(db, 'ent_retention_policies', instanceId),
    notify_policy_count: countOf(db, 'ent_webhooks', instanceId),
    replica_policy_count: perInstance(db, 'ent_replication_policies', instanceId),
    replica_registry_count: perInstance(db, 'ent_registries', instanceId),
    intranet_endpoint_count: 0,
  };
}
