import { z } from 'zod';
import { endpoints } from '../../wire/endpoints.js';
import { decimal, defineOperation, timestamp } from '../operation.js';
import {
  artifact,
  artifactParams,
  enterpriseNamespace,
  enterpriseNamespaceParams,
  enterpriseNamespaceName,
  enterpriseRepositoryParams,
  ENTERPRISE_MAX_PAGE_SIZE,
  instanceParams,
  namespaceMetadata,
  pagedQuery,
} from './enterprise.js';
import { globPattern } from './signing.js';

/**
 * The Enterprise edition's security and housekeeping: vulnerability scanning with Harbor's native
 * report, the per-namespace CVE allowlist, immutable tag rules, every artifact of an instance,
 * build history, tags and their deletion, and the audit log. Shapes follow the official SDK's
 * models (Go 0.1.179–0.1.182, Java 3.1.177), which the 3.1.128 Node SDK predates.
 */

export const scanSeverity = z.enum(['None', 'Unknown', 'Low', 'Medium', 'High', 'Critical']);
export type ScanSeverity = z.infer<typeof scanSeverity>;

export const scanner = z.looseObject({ name: z.string(), vendor: z.string(), version: z.string() });

export const scanStatus = z.enum(['Pending', 'Running', 'Success', 'Error']);
export type ScanStatus = z.infer<typeof scanStatus>;

/** What a finished (or running) scan says of an artifact, on ShowInstanceArtifact. */
export const scanOverview = z.looseObject({
  report_id: z.string(),
  scan_status: scanStatus,
  severity: scanSeverity.optional(),
  duration: z.int().optional().describe('Seconds the scan took.'),
  summary: z
    .looseObject({ total: z.int(), fixable: z.int(), summary: z.record(z.string(), z.int()) })
    .optional(),
  start_time: timestamp,
  end_time: timestamp.optional(),
  complete_percent: z.int().min(0).max(100),
  scanner: scanner.optional(),
});
export type ScanOverview = z.infer<typeof scanOverview>;

export const vulnerability = z.looseObject({
  id: z.string().describe('The CVE, or the advisory id when it names none.'),
  package: z.string(),
  version: z.string(),
  fix_version: z.string().describe('Empty when no fixed version is published.'),
  severity: scanSeverity,
  description: z.string(),
  links: z.array(z.string()),
  artifact_digests: z.array(z.string()).optional(),
  preferred_cvss: z
    .looseObject({ score_v3: z.number().nullable().optional(), vector_v3: z.string().optional() })
    .optional(),
  cwe_ids: z.array(z.string()).optional(),
});
export type Vulnerability = z.infer<typeof vulnerability>;

export const vulnerabilityReport = z.looseObject({
  generated_at: timestamp,
  severity: scanSeverity,
  scanner,
  vulnerabilities: z.array(vulnerability),
});
export type VulnerabilityReport = z.infer<typeof vulnerabilityReport>;

const cveId = z
  .string()
  .min(1, 'Enter a CVE id.')
  .max(64, 'A CVE id has at most 64 characters.')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'Use a CVE id such as CVE-2023-4911.');

/** CVEs a namespace accepts: they stay in reports but no longer block pulls or count as found. */
export const cveAllowlist = z.looseObject({
  id: z.int(),
  namespace_id: z.int(),
  expires_at: z.int().optional().describe('Unix seconds; absent means it never expires.'),
  items: z.array(z.looseObject({ cve_id: z.string() })),
  creation_time: timestamp,
  update_time: timestamp,
});
export type CveAllowlist = z.infer<typeof cveAllowlist>;

export const cveAllowlistUpdate = z.object({
  id: z.int().optional(),
  namespace_id: z.int().optional(),
  expires_at: z.int().nonnegative().optional(),
  items: z
    .array(z.object({ cve_id: cveId }))
    .max(1000, 'An allowlist holds at most 1000 CVEs.')
    .superRefine((items, context) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.cve_id))
          context.addIssue({
            code: 'custom',
            message: `${item.cve_id} is listed twice.`,
            path: [index, 'cve_id'],
          });
        seen.add(item.cve_id);
      });
    }),
});

export const namespaceWithAllowlist = enterpriseNamespace.extend({ cve_allowlist: cveAllowlist });

export const ruleSelector = z.object({
  kind: z.literal('doublestar'),
  decoration: z.string(),
  pattern: globPattern,
  extras: z.string().optional(),
});

export const immutableRuleBody = z.object({
  priority: z.int().min(0).max(1000).optional(),
  disabled: z.boolean().optional(),
  action: z.literal('immutable').optional(),
  template: z.literal('immutable_template').optional(),
  tag_selectors: z
    .array(ruleSelector.extend({ decoration: z.enum(['matches', 'excludes']) }))
    .length(1, 'Give exactly one tag selector.'),
  scope_selectors: z.strictObject(
    {
      repository: z
        .array(ruleSelector.extend({ decoration: z.enum(['repoMatches', 'repoExcludes']) }))
        .length(1, 'Give exactly one repository selector.'),
    },
    'The only scope is "repository".',
  ),
});
export type ImmutableRuleBody = z.infer<typeof immutableRuleBody>;

export const immutableRule = z.looseObject({
  id: z.int(),
  namespace_id: z.int(),
  namespace_name: z.string(),
  priority: z.int(),
  disabled: z.boolean(),
  action: z.string(),
  template: z.string(),
  tag_selectors: z.array(ruleSelector.extend({ pattern: z.string() })),
  scope_selectors: z.record(z.string(), z.array(ruleSelector.extend({ pattern: z.string() }))),
});
export type ImmutableRule = z.infer<typeof immutableRule>;

export const auditOperation = z.enum(['create', 'delete', 'pull']);

export const auditLog = z.looseObject({
  id: z.int(),
  operation: z.string(),
  resource_type: z.string(),
  resource: z.string(),
  username: z.string(),
  op_time: timestamp,
});
export type AuditLog = z.infer<typeof auditLog>;

export const instanceTag = z.looseObject({
  id: z.int(),
  name: z.string(),
  artifact_id: z.int(),
  digest: z.string(),
  repository_id: z.int(),
  namespace_id: z.int(),
  type: z.string(),
  media_type: z.string(),
  manifest_media_type: z.string(),
  size: z.number(),
  push_time: timestamp,
  pull_time: z.string(),
});
export type InstanceTag = z.infer<typeof instanceTag>;

export const buildHistory = z.looseObject({
  created_at: z.string(),
  created_by: z.string(),
  empty_layer: z.boolean(),
  mediaType: z.string(),
  size: z.number(),
  digest: z.string(),
});

const tagParams = enterpriseRepositoryParams.omit({ project_id: true });
const flag = z.enum(['true', 'false']);

export const enterpriseSecurityOperations = {
  ShowInstanceNamespace: defineOperation({
    ...endpoints.ShowInstanceNamespace,
    summary: 'One namespace, with its CVE allowlist.',
    params: enterpriseNamespaceParams,
    response: namespaceWithAllowlist,
  }),
  ShowInstanceArtifact: defineOperation({
    ...endpoints.ShowInstanceArtifact,
    summary: 'One artifact by digest; with_scan_overview adds its last scan, keyed by report type.',
    params: artifactParams,
    query: z.object({ with_scan_overview: flag.optional() }),
    response: artifact.extend({ scan_overview: z.record(z.string(), scanOverview).optional() }),
  }),
  UpdateInstanceNamespace: defineOperation({
    ...endpoints.UpdateInstanceNamespace,
    summary: 'Change a namespace’s flags (public, scan on push, pull prevention) and allowlist.',
    params: enterpriseNamespaceParams,
    body: z.object({
      metadata: namespaceMetadata,
      cve_allowlist: cveAllowlistUpdate.optional(),
    }),
    response: z.looseObject({
      namespace_name: enterpriseNamespaceName,
      metadata: namespaceMetadata,
      cve_allowlist: cveAllowlistUpdate.extend({
        items: z.array(z.looseObject({ cve_id: z.string() })),
      }),
    }),
  }),
  ListInstanceAllArtifacts: defineOperation({
    ...endpoints.ListInstanceAllArtifacts,
    summary:
      'Every artifact of the instance by id, a page after `marker`; no next_marker at the end.',
    params: instanceParams,
    query: z.object({
      marker: decimal.pipe(z.number().min(1, 'marker is at least 1.')).optional(),
      limit: decimal
        .pipe(
          z
            .number()
            .min(1, 'limit is at least 1.')
            .max(ENTERPRISE_MAX_PAGE_SIZE, 'limit is at most 100.'),
        )
        .optional(),
    }),
    response: z.looseObject({ artifacts: z.array(artifact), next_marker: z.int().optional() }),
  }),
  DeleteInstanceArtifact: defineOperation({
    ...endpoints.DeleteInstanceArtifact,
    summary: 'Delete an artifact with its tags and signatures; refused while a tag is immutable.',
    params: artifactParams,
  }),
  ShowInstanceArtifactAddition: defineOperation({
    ...endpoints.ShowInstanceArtifactAddition,
    summary: 'The build history of an image, one entry per config history step.',
    params: artifactParams.extend({
      addition: z.literal('build_history', 'The only addition is build_history.'),
    }),
    response: z.looseObject({ build_histories: z.array(buildHistory), total: z.int() }),
  }),
  ListInstanceTags: defineOperation({
    ...endpoints.ListInstanceTags,
    summary: 'Tags of a repository, newest push first (signature tags only with is_accessory).',
    params: tagParams,
    query: pagedQuery({ is_accessory: flag.optional() }),
    response: z.looseObject({ tags: z.array(instanceTag), total: z.int() }),
  }),
  DeleteInstanceTag: defineOperation({
    ...endpoints.DeleteInstanceTag,
    summary: 'Remove a tag (the artifact stays); refused when the tag is immutable.',
    params: tagParams.extend({
      tag_name: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/, 'Not a valid tag.'),
    }),
  }),
  StartManualScanning: defineOperation({
    ...endpoints.StartManualScanning,
    summary: 'Scan an artifact for known vulnerabilities, in the background.',
    params: artifactParams,
  }),
  ListInstanceArtifactVulnerabilities: defineOperation({
    ...endpoints.ListInstanceArtifactVulnerabilities,
    summary: 'The last scan’s report, keyed by its media type; empty before any scan finished.',
    params: artifactParams,
    response: z.record(z.string(), vulnerabilityReport),
  }),
  CreateImmutableRule: defineOperation({
    ...endpoints.CreateImmutableRule,
    summary:
      'Make the tags a rule selects immutable: no push may move them, no delete remove them.',
    params: enterpriseNamespaceParams,
    body: immutableRuleBody,
    response: z.looseObject({ id: z.int() }),
  }),
  ListImmutableRules: defineOperation({
    ...endpoints.ListImmutableRules,
    summary: 'Immutable tag rules of the instance, or of one namespace (by id).',
    params: instanceParams,
    query: pagedQuery({ namespace_id: decimal.optional() }),
    response: z.looseObject({ immutable_rules: z.array(immutableRule), total: z.int() }),
  }),
  UpdateImmutableRule: defineOperation({
    ...endpoints.UpdateImmutableRule,
    summary: 'Replace a rule.',
    params: enterpriseNamespaceParams.extend({ immutable_rule_id: decimal }),
    body: immutableRuleBody,
  }),
  DeleteImmutableRule: defineOperation({
    ...endpoints.DeleteImmutableRule,
    summary: 'Delete a rule; the tags it protected may change again.',
    params: enterpriseNamespaceParams.extend({ immutable_rule_id: decimal }),
  }),
  ListAuditLogs: defineOperation({
    ...endpoints.ListAuditLogs,
    summary: 'Pushes (create), pulls and deletions in the instance, newest first.',
    params: instanceParams,
    query: pagedQuery({ operation: auditOperation }),
    response: z.looseObject({ audit_logs: z.array(auditLog), total: z.int() }),
  }),
};
