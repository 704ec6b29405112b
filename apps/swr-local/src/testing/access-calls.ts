import type { OperationId } from '@swr-console/swr-api';
import { policy, replicationPolicy, retentionPolicy, targetRegistry } from './enterprise-suite.js';

/**
 * A request for every operation of the contract, valid by its schemas, aimed at a caller's
 * target: what the access test sends as each kind of caller.
 */

/** The resources a caller's requests name. */
export interface Target {
  namespace: string;
  repository: string;
  tag: string;
  project: string;
  instance: string;
  keyId: string;
  userId: string;
}

export interface Call {
  method: string;
  path: string;
  body?: unknown;
}

const DIGEST = `sha256:${'0'.repeat(64)}`;

/** A request for each operation, valid by the contract, naming the target's resources. */
export function callOf(id: OperationId, t: Target): Call {
  const ns = `/v2/manage/namespaces/${t.namespace}`;
  const repo = `${ns}/repos/${t.repository}`;
  const domains = `${ns}/repositories/${t.repository}/access-domains`;
  const grant = [{ user_id: t.userId, user_name: 'matrix-user', auth: 1 }];
  const rule = {
    algorithm: 'or',
    rules: [{ template: 'tag_rule', params: { num: '50' }, tag_selectors: [] }],
  };
  const I = `/v2/${t.project}/instances/${t.instance}`;
  const replication = replicationPolicy(1);
  const E = `${I}/namespaces/platform`;
  const ER = `${E}/repositories/base-image`;
  const P = `${E}/signature/policies/1`;
  const TAGS = `/v2/instances/${t.instance}/namespaces/platform/repositories/base-image/tags`;
  const immutable = {
    tag_selectors: [{ kind: 'doublestar', decoration: 'matches', pattern: '**' }],
    scope_selectors: {
      repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: '**' }],
    },
  };
  const sync = { remoteRegionId: 'ap-southeast-1', remoteNamespace: 'team-web' };
  const webhook = {
    name: 'matrix-hook',
    targets: [{ type: 'http', address: 'http://127.0.0.1:9/hook', address_type: 'internal' }],
    scope_rules: [{ repo_scope_mode: 'regular', ...immutable }],
    event_types: ['PUSH_ARTIFACT'],
    enabled: false,
  };
  const calls: Record<OperationId, Call> = {
    ListApiVersions: { method: 'GET', path: '/' },
    ShowApiVersion: { method: 'GET', path: '/v2' },
    CreateNamespace: {
      method: 'POST',
      path: '/v2/manage/namespaces',
      body: { namespace: 'matrix-org' },
    },
    ListNamespaces: { method: 'GET', path: '/v2/manage/namespaces' },
    ShowNamespace: { method: 'GET', path: ns },
    DeleteNamespaces: { method: 'DELETE', path: ns },
    CreateNamespaceAuth: { method: 'POST', path: `${ns}/access`, body: grant },
    UpdateNamespaceAuth: { method: 'PATCH', path: `${ns}/access`, body: grant },
    DeleteNamespaceAuth: { method: 'DELETE', path: `${ns}/access`, body: [t.userId] },
    ShowNamespaceAuth: { method: 'GET', path: `${ns}/access` },
    CreateUserRepositoryAuth: { method: 'POST', path: `${repo}/access`, body: grant },
    UpdateUserRepositoryAuth: { method: 'PATCH', path: `${repo}/access`, body: grant },
    DeleteUserRepositoryAuth: { method: 'DELETE', path: `${repo}/access`, body: [t.userId] },
    ShowUserRepositoryAuth: { method: 'GET', path: `${repo}/access` },
    CreateRepo: {
      method: 'POST',
      path: `${ns}/repos`,
      body: { repository: 'matrix-repo', is_public: false },
    },
    ShowRepository: { method: 'GET', path: repo },
    UpdateRepo: { method: 'PATCH', path: repo, body: { is_public: false, description: 'x' } },
    DeleteRepo: { method: 'DELETE', path: repo },
    ListReposDetails: { method: 'GET', path: '/v2/manage/repos' },
    ListRepositoryTags: { method: 'GET', path: `${repo}/tags` },
    CreateRepoTag: {
      method: 'POST',
      path: `${repo}/tags`,
      body: { source_tag: t.tag, destination_tag: 'matrix' },
    },
    ShowRepoTag: { method: 'GET', path: `${repo}/tags/${t.tag}` },
    DeleteRepoTag: { method: 'DELETE', path: `${repo}/tags/${t.tag}` },
    ListRepoAccessories: { method: 'GET', path: `${repo}/${t.tag}/accessories` },
    ListReferences: { method: 'GET', path: `${repo}/${t.tag}/references` },
    CreateRepoDomains: {
      method: 'POST',
      path: domains,
      body: { access_domain: 'matrix-co', permit: 'read', deadline: 'forever' },
    },
    ListRepoDomains: { method: 'GET', path: domains },
    ShowAccessDomain: { method: 'GET', path: `${domains}/partner-co` },
    UpdateRepoDomains: {
      method: 'PATCH',
      path: `${domains}/partner-co`,
      body: { permit: 'read', deadline: 'forever' },
    },
    DeleteRepoDomains: { method: 'DELETE', path: `${domains}/partner-co` },
    ListSharedReposDetails: { method: 'GET', path: '/v2/manage/shared-repositories?center=self' },
    CreateImageSyncRepo: {
      method: 'POST',
      path: `${repo}/sync_repo`,
      body: { ...sync, syncAuto: true, override: false },
    },
    ListImageAutoSyncReposDetails: { method: 'GET', path: `${repo}/sync_repo` },
    DeleteImageSyncRepo: { method: 'DELETE', path: `${repo}/sync_repo`, body: sync },
    CreateManualImageSyncRepo: {
      method: 'POST',
      path: `${repo}/sync_images`,
      body: { ...sync, imageTag: [t.tag], override: false },
    },
    ShowSyncJob: { method: 'GET', path: `${repo}/sync_job?filter=limit::10|offset::0` },
    CreateTrigger: {
      method: 'POST',
      path: `${repo}/triggers`,
      body: {
        name: 'matrix',
        action: 'update',
        app_type: 'deployments',
        application: 'app',
        cluster_name: 'c',
        cluster_ns: 'default',
        condition: '.*',
        enable: 'true',
        trigger_type: 'all',
      },
    },
    ListTriggersDetails: { method: 'GET', path: `${repo}/triggers` },
    ShowTrigger: { method: 'GET', path: `${repo}/triggers/redeploy-latest` },
    UpdateTrigger: {
      method: 'PATCH',
      path: `${repo}/triggers/redeploy-latest`,
      body: { enable: 'false' },
    },
    DeleteTrigger: { method: 'DELETE', path: `${repo}/triggers/redeploy-latest` },
    CreateRetention: { method: 'POST', path: `${repo}/retentions`, body: rule },
    ListRetentions: { method: 'GET', path: `${repo}/retentions` },
    ListRetentionHistories: { method: 'GET', path: `${repo}/retentions/histories` },
    ShowRetention: { method: 'GET', path: `${repo}/retentions/1` },
    UpdateRetention: { method: 'PATCH', path: `${repo}/retentions/1`, body: rule },
    DeleteRetention: { method: 'DELETE', path: `${repo}/retentions/1` },
    CreateSecret: { method: 'POST', path: '/v2/manage/utils/secret' },
    ListQuotas: { method: 'GET', path: `/v2/manage/projects/${t.project}/quotas` },
    ShowDomainOverview: { method: 'GET', path: '/v2/manage/overview' },
    ShowDomainResourceReports: { method: 'GET', path: '/v2/manage/reports/downflow/daily' },
    ShowShareFeatureGates: {
      method: 'GET',
      path: `/v2/manage/projects/${t.project}/feature-gates`,
    },
    ListInstance: { method: 'GET', path: `/v2/${t.project}/instances` },
    ShowInstance: { method: 'GET', path: I },
    CreateInstanceTempCredential: { method: 'POST', path: `${I}/temp-credential` },
    CreateInstanceNamespace: {
      method: 'POST',
      path: `${I}/namespaces`,
      body: { namespace_name: 'matrix-ns', metadata: { public: 'false' } },
    },
    ListInstanceNamespaces: { method: 'GET', path: `${I}/namespaces` },
    ShowInstanceNamespace: { method: 'GET', path: E },
    DeleteInstanceNamespace: { method: 'DELETE', path: `${I}/namespaces/sandbox` },
    CreateSubResourceTags: {
      method: 'POST',
      path: `${E}/tags/create`,
      body: { tags: [{ key: 'matrix', value: 'x' }] },
    },
    DeleteSubResourceTags: {
      method: 'DELETE',
      path: `${E}/tags/delete`,
      body: { tags: [{ key: 'env', value: 'prod' }] },
    },
    ListSubResourceTags: { method: 'GET', path: `${E}/tags` },
    ListNamespaceTags: { method: 'GET', path: `${I}/namespaces-tags` },
    ListSubResourceInstances: {
      method: 'POST',
      path: `${I}/namespaces/resource-instances/filter`,
      body: { tags: [{ key: 'env', values: ['prod'] }] },
    },
    ShowSubResourceInstancesCount: {
      method: 'POST',
      path: `${I}/namespaces/resource-instances/count`,
      body: { tags: [{ key: 'env', values: ['prod'] }] },
    },
    ListInstanceRepositories: { method: 'GET', path: `${I}/repositories` },
    ListNamespaceRepositories: { method: 'GET', path: `${E}/repositories` },
    ShowInstanceRepository: { method: 'GET', path: ER },
    DeleteInstanceRepository: { method: 'DELETE', path: ER },
    ListInstanceArtifacts: { method: 'GET', path: `${ER}/artifacts` },
    ShowInstanceArtifact: { method: 'GET', path: `${ER}/artifacts/${DIGEST}` },
    ListInstanceAccessories: { method: 'GET', path: `${ER}/artifacts/${DIGEST}/accessories` },
    UpdateInstanceNamespace: { method: 'PUT', path: E, body: { metadata: { public: 'true' } } },
    ListInstanceAllArtifacts: { method: 'GET', path: `${I}/artifacts` },
    DeleteInstanceArtifact: { method: 'DELETE', path: `${ER}/artifacts/${DIGEST}` },
    ShowInstanceArtifactAddition: {
      method: 'GET',
      path: `${ER}/artifacts/${DIGEST}/additions/build_history`,
    },
    ListInstanceTags: { method: 'GET', path: `${TAGS}` },
    DeleteInstanceTag: { method: 'DELETE', path: `${TAGS}/latest` },
    StartManualScanning: { method: 'POST', path: `${ER}/artifacts/${DIGEST}/scan` },
    ListInstanceArtifactVulnerabilities: {
      method: 'GET',
      path: `${ER}/artifacts/${DIGEST}/vulnerabilities`,
    },
    CreateImmutableRule: { method: 'POST', path: `${E}/immutabletagrules`, body: immutable },
    ListImmutableRules: { method: 'GET', path: `${I}/immutabletagrules` },
    UpdateImmutableRule: { method: 'PUT', path: `${E}/immutabletagrules/1`, body: immutable },
    DeleteImmutableRule: { method: 'DELETE', path: `${E}/immutabletagrules/1` },
    ListAuditLogs: { method: 'GET', path: `${I}/audit-logs?operation=pull` },
    CreateInstanceLtCredential: {
      method: 'POST',
      path: `${I}/long-term-credential`,
      body: { name: 'matrix-login' },
    },
    ListInstanceLtCredentials: {
      method: 'GET',
      path: `${I}/long-term-credentials?self_only=false`,
    },
    UpdateInstanceLtCredential: {
      method: 'PUT',
      path: `${I}/long-term-credentials/LT${'0'.repeat(32)}`,
      body: { enable: false },
    },
    DeleteInstanceLtCredential: {
      method: 'DELETE',
      path: `${I}/long-term-credentials/LT${'0'.repeat(32)}`,
    },
    ListInstanceStatistics: { method: 'GET', path: `${I}/statistics` },
    CreateInstanceRegistry: { method: 'POST', path: `${I}/registries`, body: targetRegistry },
    ListInstanceRegistries: { method: 'GET', path: `${I}/registries` },
    ShowInstanceRegistry: { method: 'GET', path: `${I}/registries/1` },
    UpdateInstanceRegistry: { method: 'PUT', path: `${I}/registries/1`, body: targetRegistry },
    DeleteInstanceRegistry: { method: 'DELETE', path: `${I}/registries/1` },
    CreateInstanceReplicationPolicy: {
      method: 'POST',
      path: `${I}/replication/policies`,
      body: replication,
    },
    ListInstanceReplicationPolicies: { method: 'GET', path: `${I}/replication/policies` },
    ShowInstanceReplicationPolicy: { method: 'GET', path: `${I}/replication/policies/1` },
    UpdateInstanceReplicationPolicy: {
      method: 'PUT',
      path: `${I}/replication/policies/1`,
      body: replication,
    },
    DeleteInstanceReplicationPolicy: { method: 'DELETE', path: `${I}/replication/policies/1` },
    ExecuteInstanceReplicationPolicy: {
      method: 'POST',
      path: `${I}/replication/executions`,
      body: { policy_id: 1 },
    },
    ListInstanceReplicationPolicyExecutions: { method: 'GET', path: `${I}/replication/executions` },
    StopInstanceReplicationPolicyExecution: {
      method: 'PUT',
      path: `${I}/replication/executions/1`,
    },
    ListInstanceReplicationPolicyExecTasks: {
      method: 'GET',
      path: `${I}/replication/executions/1/tasks`,
    },
    ListInstanceReplicationPolicyExecSubTasks: {
      method: 'GET',
      path: `${I}/replication/executions/1/tasks/1/subtasks`,
    },
    CreateInstanceRetentionPolicy: {
      method: 'POST',
      path: `${E}/retention/policies`,
      body: retentionPolicy(),
    },
    ListInstanceRetentionPolicies: { method: 'GET', path: `${I}/retention/policies` },
    ShowInstanceRetentionPolicy: { method: 'GET', path: `${E}/retention/policies/1` },
    UpdateInstanceRetentionPolicy: {
      method: 'PUT',
      path: `${E}/retention/policies/1`,
      body: retentionPolicy(),
    },
    DeleteInstanceRetentionPolicy: { method: 'DELETE', path: `${E}/retention/policies/1` },
    ExecuteInstanceRetentionPolicy: {
      method: 'POST',
      path: `${E}/retention/policies/1/executions`,
      body: { dry_run: true },
    },
    ListInstanceRetentionPolicyExecutions: {
      method: 'GET',
      path: `${E}/retention/policies/1/executions`,
    },
    ListInstanceRetentionPolicyExecTasks: {
      method: 'GET',
      path: `${E}/retention/policies/1/executions/1/tasks`,
    },
    ListInstanceRetentionPolicyExecSubTasks: {
      method: 'GET',
      path: `${E}/retention/policies/1/executions/1/tasks/1/subtasks`,
    },
    CreateInstanceWebhook: { method: 'POST', path: `${E}/webhook/policies`, body: webhook },
    ListInstanceWebhooks: { method: 'GET', path: `${I}/webhook/policies` },
    ShowInstanceWebhook: { method: 'GET', path: `${E}/webhook/policies/1` },
    UpdateInstanceWebhook: { method: 'PUT', path: `${E}/webhook/policies/1`, body: webhook },
    DeleteInstanceWebhook: { method: 'DELETE', path: `${E}/webhook/policies/1` },
    ListInstanceWebhookJobs: { method: 'GET', path: `${E}/webhook/policies/1/jobs` },
    ListInstanceSignPolicies: { method: 'GET', path: `${I}/signature/policies` },
    CreateInstanceSignPolicy: {
      method: 'POST',
      path: `${E}/signature/policies`,
      body: policy({ name: 'matrix-policy', signature_key: t.keyId }),
    },
    ShowInstanceSignPolicy: { method: 'GET', path: P },
    UpdateInstanceSignPolicy: {
      method: 'PUT',
      path: P,
      body: policy({ name: 'matrix-policy', signature_key: t.keyId }),
    },
    DeleteInstanceSignPolicy: { method: 'DELETE', path: P },
    ExecuteInstanceSignPolicy: { method: 'POST', path: `${P}/executions` },
    ListInstanceSignPolicyExecutions: { method: 'GET', path: `${P}/executions` },
    ListInstanceSignPolicyExecTasks: { method: 'GET', path: `${P}/executions/1/tasks` },
    ListInstanceSignatureExecutionSubtasks: {
      method: 'GET',
      path: `${P}/executions/1/tasks/1/subtasks`,
    },
    CreateKey: {
      method: 'POST',
      path: `/v1.0/${t.project}/kms/create-key`,
      body: { key_alias: 'matrix-key', key_spec: 'EC_P256', key_usage: 'SIGN_VERIFY' },
    },
    ListKeys: { method: 'POST', path: `/v1.0/${t.project}/kms/list-keys`, body: {} },
    ShowPublicKey: {
      method: 'POST',
      path: `/v1.0/${t.project}/kms/get-publickey`,
      body: { key_id: t.keyId },
    },
  };
  return calls[id];
}
