import type { Endpoint } from './endpoints.js';

/**
 * The Enterprise edition's endpoints (paths under an instance), kept apart from the Basic
 * edition's for length; `endpoints.ts` marks them with their edition.
 */

const I = '/v2/{project_id}/instances/{instance_id}';
const NS = `${I}/namespaces/{namespace_name}`;
const REPO = `${NS}/repositories/{repository_name}`;
const POLICY = `${NS}/signature/policies/{policy_id}`;
const ARTIFACT = `${REPO}/artifacts/{reference}`;
/** The instance's tag operations alone carry no project id in their paths. */
const TAGS =
  '/v2/instances/{instance_id}/namespaces/{namespace_name}/repositories/{repository_name}/tags';
const IMMUTABLE = `${NS}/immutabletagrules`;
const REGISTRY = `${I}/registries/{registry_id}`;
const REPLICATION = `${I}/replication`;
const EXECUTION = `${REPLICATION}/executions/{execution_id}`;
const RETENTION = `${NS}/retention/policies/{policy_id}`;
const RETENTION_RUN = `${RETENTION}/executions/{execution_id}`;
const WEBHOOK = `${NS}/webhook/policies/{policy_id}`;
const CREDENTIAL = `${I}/long-term-credentials/{credential_id}`;

/** The Enterprise edition's operations the console uses, under an instance. */
export const enterpriseEndpoints = {
  ListInstance: { method: 'GET', path: '/v2/{project_id}/instances', status: 200 },
  ShowInstance: { method: 'GET', path: I, status: 200 },
  CreateInstanceTempCredential: { method: 'POST', path: `${I}/temp-credential`, status: 201 },
  CreateInstanceNamespace: { method: 'POST', path: `${I}/namespaces`, status: 201 },
  ListInstanceNamespaces: { method: 'GET', path: `${I}/namespaces`, status: 200 },
  ShowInstanceNamespace: { method: 'GET', path: NS, status: 200 },
  DeleteInstanceNamespace: { method: 'DELETE', path: NS, status: 204 },
  CreateSubResourceTags: { method: 'POST', path: `${NS}/tags/create`, status: 204 },
  DeleteSubResourceTags: { method: 'DELETE', path: `${NS}/tags/delete`, status: 204 },
  ListSubResourceTags: { method: 'GET', path: `${NS}/tags`, status: 200 },
  ListNamespaceTags: { method: 'GET', path: `${I}/namespaces-tags`, status: 200 },
  ListSubResourceInstances: {
    method: 'POST',
    path: `${I}/namespaces/resource-instances/filter`,
    status: 200,
  },
  ShowSubResourceInstancesCount: {
    method: 'POST',
    path: `${I}/namespaces/resource-instances/count`,
    status: 200,
  },
  ListInstanceRepositories: { method: 'GET', path: `${I}/repositories`, status: 200 },
  ListNamespaceRepositories: { method: 'GET', path: `${NS}/repositories`, status: 200 },
  ShowInstanceRepository: { method: 'GET', path: REPO, status: 200 },
  DeleteInstanceRepository: { method: 'DELETE', path: REPO, status: 204 },
  ListInstanceArtifacts: { method: 'GET', path: `${REPO}/artifacts`, status: 200 },
  ShowInstanceArtifact: { method: 'GET', path: `${REPO}/artifacts/{reference}`, status: 200 },
  ListInstanceAccessories: { method: 'GET', path: `${ARTIFACT}/accessories`, status: 200 },
  UpdateInstanceNamespace: { method: 'PUT', path: NS, status: 200 },
  ListInstanceAllArtifacts: { method: 'GET', path: `${I}/artifacts`, status: 200 },
  DeleteInstanceArtifact: { method: 'DELETE', path: ARTIFACT, status: 204 },
  ShowInstanceArtifactAddition: {
    method: 'GET',
    path: `${ARTIFACT}/additions/{addition}`,
    status: 200,
  },
  ListInstanceTags: { method: 'GET', path: TAGS, status: 200 },
  DeleteInstanceTag: { method: 'DELETE', path: `${TAGS}/{tag_name}`, status: 204 },
  StartManualScanning: { method: 'POST', path: `${ARTIFACT}/scan`, status: 202 },
  ListInstanceArtifactVulnerabilities: {
    method: 'GET',
    path: `${ARTIFACT}/vulnerabilities`,
    status: 200,
  },
  CreateImmutableRule: { method: 'POST', path: IMMUTABLE, status: 201 },
  ListImmutableRules: { method: 'GET', path: `${I}/immutabletagrules`, status: 200 },
  UpdateImmutableRule: { method: 'PUT', path: `${IMMUTABLE}/{immutable_rule_id}`, status: 200 },
  DeleteImmutableRule: { method: 'DELETE', path: `${IMMUTABLE}/{immutable_rule_id}`, status: 204 },
  ListAuditLogs: { method: 'GET', path: `${I}/audit-logs`, status: 200 },
  ListInstanceSignPolicies: { method: 'GET', path: `${I}/signature/policies`, status: 200 },
  CreateInstanceSignPolicy: { method: 'POST', path: `${NS}/signature/policies`, status: 201 },
  ShowInstanceSignPolicy: { method: 'GET', path: POLICY, status: 200 },
  UpdateInstanceSignPolicy: { method: 'PUT', path: POLICY, status: 200 },
  DeleteInstanceSignPolicy: { method: 'DELETE', path: POLICY, status: 204 },
  ExecuteInstanceSignPolicy: { method: 'POST', path: `${POLICY}/executions`, status: 201 },
  ListInstanceSignPolicyExecutions: { method: 'GET', path: `${POLICY}/executions`, status: 200 },
  ListInstanceSignPolicyExecTasks: {
    method: 'GET',
    path: `${POLICY}/executions/{execution_id}/tasks`,
    status: 200,
  },
  ListInstanceSignatureExecutionSubtasks: {
    method: 'GET',
    path: `${POLICY}/executions/{execution_id}/tasks/{task_id}/subtasks`,
    status: 200,
  },
  CreateInstanceRegistry: { method: 'POST', path: `${I}/registries`, status: 201 },
  ListInstanceRegistries: { method: 'GET', path: `${I}/registries`, status: 200 },
  ShowInstanceRegistry: { method: 'GET', path: REGISTRY, status: 200 },
  UpdateInstanceRegistry: { method: 'PUT', path: REGISTRY, status: 200 },
  DeleteInstanceRegistry: { method: 'DELETE', path: REGISTRY, status: 204 },
  CreateInstanceReplicationPolicy: {
    method: 'POST',
    path: `${REPLICATION}/policies`,
    status: 201,
  },
  ListInstanceReplicationPolicies: {
    method: 'GET',
    path: `${REPLICATION}/policies`,
    status: 200,
  },
  ShowInstanceReplicationPolicy: {
    method: 'GET',
    path: `${REPLICATION}/policies/{policy_id}`,
    status: 200,
  },
  UpdateInstanceReplicationPolicy: {
    method: 'PUT',
    path: `${REPLICATION}/policies/{policy_id}`,
    status: 200,
  },
  DeleteInstanceReplicationPolicy: {
    method: 'DELETE',
    path: `${REPLICATION}/policies/{policy_id}`,
    status: 204,
  },
  ExecuteInstanceReplicationPolicy: {
    method: 'POST',
    path: `${REPLICATION}/executions`,
    status: 201,
  },
  ListInstanceReplicationPolicyExecutions: {
    method: 'GET',
    path: `${REPLICATION}/executions`,
    status: 200,
  },
  StopInstanceReplicationPolicyExecution: { method: 'PUT', path: EXECUTION, status: 200 },
  ListInstanceReplicationPolicyExecTasks: {
    method: 'GET',
    path: `${EXECUTION}/tasks`,
    status: 200,
  },
  ListInstanceReplicationPolicyExecSubTasks: {
    method: 'GET',
    path: `${EXECUTION}/tasks/{task_id}/subtasks`,
    status: 200,
  },
  CreateInstanceRetentionPolicy: {
    method: 'POST',
    path: `${NS}/retention/policies`,
    status: 201,
  },
  ListInstanceRetentionPolicies: { method: 'GET', path: `${I}/retention/policies`, status: 200 },
  ShowInstanceRetentionPolicy: { method: 'GET', path: RETENTION, status: 200 },
  UpdateInstanceRetentionPolicy: { method: 'PUT', path: RETENTION, status: 200 },
  DeleteInstanceRetentionPolicy: { method: 'DELETE', path: RETENTION, status: 204 },
  ExecuteInstanceRetentionPolicy: {
    method: 'POST',
    path: `${RETENTION}/executions`,
    status: 201,
  },
  ListInstanceRetentionPolicyExecutions: {
    method: 'GET',
    path: `${RETENTION}/executions`,
    status: 200,
  },
  ListInstanceRetentionPolicyExecTasks: {
    method: 'GET',
    path: `${RETENTION_RUN}/tasks`,
    status: 200,
  },
  ListInstanceRetentionPolicyExecSubTasks: {
    method: 'GET',
    path: `${RETENTION_RUN}/tasks/{task_id}/subtasks`,
    status: 200,
  },
  CreateInstanceWebhook: { method: 'POST', path: `${NS}/webhook/policies`, status: 201 },
  ListInstanceWebhooks: { method: 'GET', path: `${I}/webhook/policies`, status: 200 },
  ShowInstanceWebhook: { method: 'GET', path: WEBHOOK, status: 200 },
  UpdateInstanceWebhook: { method: 'PUT', path: WEBHOOK, status: 200 },
  DeleteInstanceWebhook: { method: 'DELETE', path: WEBHOOK, status: 204 },
  ListInstanceWebhookJobs: { method: 'GET', path: `${WEBHOOK}/jobs`, status: 200 },
  CreateInstanceLtCredential: {
    method: 'POST',
    path: `${I}/long-term-credential`,
    status: 201,
  },
  ListInstanceLtCredentials: {
    method: 'GET',
    path: `${I}/long-term-credentials`,
    status: 200,
  },
  UpdateInstanceLtCredential: { method: 'PUT', path: CREDENTIAL, status: 200 },
  DeleteInstanceLtCredential: { method: 'DELETE', path: CREDENTIAL, status: 204 },
  ListInstanceStatistics: { method: 'GET', path: `${I}/statistics`, status: 200 },
} as const satisfies Record<string, Omit<Endpoint, 'edition'>>;
