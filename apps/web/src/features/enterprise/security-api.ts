import {
  swrCall,
  VULNERABILITY_REPORT_TYPE,
  type AuditLog,
  type ImmutableRuleBody,
  type InstanceTag,
  type VulnerabilityReport,
} from '@swr-console/swr-api';
import { sendDeletion } from '../../shared/deletions';
import { bff } from '../../shared/http';
import { send, swrClient } from '../../shared/swr';
import { at, inNamespace, listRepositories, type InstanceRef } from './api';

/**
 * The Enterprise edition's security calls: scans and their reports, the namespace's flags and CVE
 * allowlist, immutable tag rules, tags and artifacts, build history and the audit log.
 */

const ofArtifact = (ref: InstanceRef, namespace: string, repository: string, digest: string) => ({
  ...inNamespace(ref, namespace),
  repository_name: repository,
  reference: digest,
});

export async function namespaceDetail(ref: InstanceRef, namespace: string, signal?: AbortSignal) {
  return (
    await swrClient(ref.region).request(
      'ShowInstanceNamespace',
      { path: inNamespace(ref, namespace) },
      { signal },
    )
  ).data;
}

export interface NamespaceSettings {
  public: boolean;
  autoScan: boolean;
  preventVul: boolean;
  severity: 'low' | 'medium' | 'high' | 'critical';
  cves: string[];
  /** Unix seconds; undefined: never expires. */
  expiresAt: number | undefined;
}

export const updateNamespaceCall = (
  ref: InstanceRef,
  namespace: string,
  settings: NamespaceSettings,
) =>
  swrCall('UpdateInstanceNamespace', {
    path: inNamespace(ref, namespace),
    body: {
      metadata: {
        public: settings.public ? 'true' : 'false',
        auto_scan: settings.autoScan ? 'true' : 'false',
        prevent_vul: settings.preventVul ? 'true' : 'false',
        severity: settings.severity,
      },
      cve_allowlist: {
        items: settings.cves.map((cve_id) => ({ cve_id })),
        ...(settings.expiresAt === undefined ? {} : { expires_at: settings.expiresAt }),
      },
    },
  });

export async function artifactDetail(
  ref: InstanceRef,
  namespace: string,
  repository: string,
  digest: string,
  signal?: AbortSignal,
) {
  return (
    await swrClient(ref.region).request(
      'ShowInstanceArtifact',
      {
        path: ofArtifact(ref, namespace, repository, digest),
        query: { with_scan_overview: 'true' },
      },
      { signal },
    )
  ).data;
}

export const scanCall = (ref: InstanceRef, namespace: string, repository: string, digest: string) =>
  swrCall('StartManualScanning', { path: ofArtifact(ref, namespace, repository, digest) });

export async function startScan(
  ref: InstanceRef,
  namespace: string,
  repository: string,
  digest: string,
) {
  await send(ref.region, scanCall(ref, namespace, repository, digest));
}

/** The last report, or undefined before a scan finished. */
export async function vulnerabilityReport(
  ref: InstanceRef,
  namespace: string,
  repository: string,
  digest: string,
  signal?: AbortSignal,
): Promise<VulnerabilityReport | undefined> {
  const { data } = await swrClient(ref.region).request(
    'ListInstanceArtifactVulnerabilities',
    { path: ofArtifact(ref, namespace, repository, digest) },
    { signal },
  );
  return data[VULNERABILITY_REPORT_TYPE];
}

export async function buildHistory(
  ref: InstanceRef,
  namespace: string,
  repository: string,
  digest: string,
  signal?: AbortSignal,
) {
  return (
    await swrClient(ref.region).request(
      'ShowInstanceArtifactAddition',
      { path: { ...ofArtifact(ref, namespace, repository, digest), addition: 'build_history' } },
      { signal },
    )
  ).data.build_histories;
}

/** Every tag of a repository (signature tags left out), 100 a page. */
export async function repositoryTags(
  ref: InstanceRef,
  namespace: string,
  repository: string,
  signal?: AbortSignal,
): Promise<InstanceTag[]> {
  const tags: InstanceTag[] = [];
  for (let offset = 0; ; offset += 100) {
    const { data } = await swrClient(ref.region).request(
      'ListInstanceTags',
      {
        path: { instance_id: ref.instance, namespace_name: namespace, repository_name: repository },
        query: { offset, limit: 100, is_accessory: 'false' },
      },
      { signal },
    );
    tags.push(...data.tags);
    if (data.tags.length === 0 || tags.length >= data.total) return tags;
  }
}

/** Every tag of a namespace by repository, for the immutability preview (first 50 repositories). */
export async function namespaceTagsByRepository(
  ref: InstanceRef,
  namespace: string,
  signal?: AbortSignal,
) {
  const repositories = (await listRepositories(ref, namespace, signal)).slice(0, 50);
  return Promise.all(
    repositories.map(async (repository) => ({
      repository: repository.name,
      tags: (await repositoryTags(ref, namespace, repository.name, signal)).map((t) => t.name),
    })),
  );
}

export const deleteTagCall = (
  ref: InstanceRef,
  namespace: string,
  repository: string,
  tag: string,
) =>
  swrCall('DeleteInstanceTag', {
    path: {
      instance_id: ref.instance,
      namespace_name: namespace,
      repository_name: repository,
      tag_name: tag,
    },
  });

export const deleteArtifactCall = (
  ref: InstanceRef,
  namespace: string,
  repository: string,
  digest: string,
) => swrCall('DeleteInstanceArtifact', { path: ofArtifact(ref, namespace, repository, digest) });

export const deleteTag = (ref: InstanceRef, namespace: string, repository: string, tag: string) =>
  sendDeletion(ref.region, deleteTagCall(ref, namespace, repository, tag));

export const deleteArtifact = (
  ref: InstanceRef,
  namespace: string,
  repository: string,
  digest: string,
) => sendDeletion(ref.region, deleteArtifactCall(ref, namespace, repository, digest));

export async function immutableRules(ref: InstanceRef, namespaceId: number, signal?: AbortSignal) {
  return (
    await swrClient(ref.region).request(
      'ListImmutableRules',
      { path: at(ref), query: { namespace_id: namespaceId, offset: 0, limit: 100 } },
      { signal },
    )
  ).data.immutable_rules;
}

export const createRuleCall = (ref: InstanceRef, namespace: string, body: ImmutableRuleBody) =>
  swrCall('CreateImmutableRule', { path: inNamespace(ref, namespace), body });

export const updateRuleCall = (
  ref: InstanceRef,
  namespace: string,
  id: number,
  body: ImmutableRuleBody,
) =>
  swrCall('UpdateImmutableRule', {
    path: { ...inNamespace(ref, namespace), immutable_rule_id: id },
    body,
  });

export const deleteRuleCall = (ref: InstanceRef, namespace: string, id: number) =>
  swrCall('DeleteImmutableRule', {
    path: { ...inNamespace(ref, namespace), immutable_rule_id: id },
  });

export type AuditOperation = 'create' | 'pull' | 'delete';

/** One page of the audit log of one kind of operation, newest first. */
export async function auditPage(
  ref: InstanceRef,
  operation: AuditOperation,
  offset: number,
  limit: number,
  signal?: AbortSignal,
): Promise<{ entries: AuditLog[]; total: number }> {
  const { data } = await swrClient(ref.region).request(
    'ListAuditLogs',
    { path: at(ref), query: { operation, offset, limit } },
    { signal },
  );
  return { entries: data.audit_logs, total: data.total };
}

/** The artifact as its registry serves it (read by the BFF with the instance's login). */
export function inspectArtifact(
  ref: InstanceRef,
  namespace: string,
  repository: string,
  digest: string,
  platform: string | undefined,
  signal?: AbortSignal,
) {
  return bff.call(
    'InspectImage',
    {
      params: { region: ref.region },
      query: {
        instance: ref.instance,
        namespace,
        repository,
        reference: digest,
        ...(platform ? { platform } : {}),
      },
    },
    { signal },
  );
}
