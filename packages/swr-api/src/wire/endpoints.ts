/**
 * Where each operation lives and what it answers on success: method, path template, documented
 * status, and whether it is paged with Content-Range. Kept free of schemas, so a browser can build
 * URLs and route calls without loading the validation code; `operations.ts` adds the schemas.
 *
 * Path templates use `{name}`; `{name:regex}` narrows a segment (so `/{api_version}` does not
 * swallow other one-segment paths).
 */
export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  status: number;
  paged?: boolean;
  /**
   * Which API family answers it: the Basic edition (default), the Enterprise edition (its own
   * error body and paging), or the key service (KMS), which the sandbox serves beside SWR.
   */
  edition?: 'enterprise' | 'kms';
}

const I = '/v2/{project_id}/instances/{instance_id}';
const NS = `${I}/namespaces/{namespace_name}`;
const REPO = `${NS}/repositories/{repository_name}`;
const POLICY = `${NS}/signature/policies/{policy_id}`;
const ARTIFACT = `${REPO}/artifacts/{reference}`;
/** The instance's tag operations alone carry no project id in their paths. */
const TAGS =
  '/v2/instances/{instance_id}/namespaces/{namespace_name}/repositories/{repository_name}/tags';
const IMMUTABLE = `${NS}/immutabletagrules`;

/** The Enterprise edition's operations the console uses, under an instance. */
const enterpriseEndpoints = {
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
} as const satisfies Record<string, Omit<Endpoint, 'edition'>>;

/** The key service (DEW KMS) operations signing needs: keys to pick and their public halves. */
const kmsEndpoints = {
  CreateKey: { method: 'POST', path: '/v1.0/{project_id}/kms/create-key', status: 200 },
  ListKeys: { method: 'POST', path: '/v1.0/{project_id}/kms/list-keys', status: 200 },
  ShowPublicKey: { method: 'POST', path: '/v1.0/{project_id}/kms/get-publickey', status: 200 },
} as const satisfies Record<string, Omit<Endpoint, 'edition'>>;

function inEdition<const T extends Record<string, Omit<Endpoint, 'edition'>>, E extends string>(
  table: T,
  edition: E,
): { [K in keyof T]: T[K] & { edition: E } } {
  return Object.fromEntries(
    Object.entries(table).map(([id, endpoint]) => [id, { ...endpoint, edition }]),
  ) as { [K in keyof T]: T[K] & { edition: E } };
}

export const endpoints = {
  ListApiVersions: { method: 'GET', path: '/', status: 200 },
  ShowApiVersion: { method: 'GET', path: '/{api_version:v[0-9]+}', status: 200 },
  CreateNamespace: { method: 'POST', path: '/v2/manage/namespaces', status: 201 },
  ListNamespaces: { method: 'GET', path: '/v2/manage/namespaces', status: 200 },
  ShowNamespace: { method: 'GET', path: '/v2/manage/namespaces/{namespace}', status: 200 },
  DeleteNamespaces: { method: 'DELETE', path: '/v2/manage/namespaces/{namespace}', status: 204 },
  CreateNamespaceAuth: {
    method: 'POST',
    path: '/v2/manage/namespaces/{namespace}/access',
    status: 200,
  },
  UpdateNamespaceAuth: {
    method: 'PATCH',
    path: '/v2/manage/namespaces/{namespace}/access',
    status: 201,
  },
  DeleteNamespaceAuth: {
    method: 'DELETE',
    path: '/v2/manage/namespaces/{namespace}/access',
    status: 204,
  },
  ShowNamespaceAuth: {
    method: 'GET',
    path: '/v2/manage/namespaces/{namespace}/access',
    status: 200,
  },
  CreateUserRepositoryAuth: {
    method: 'POST',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/access',
    status: 201,
  },
  UpdateUserRepositoryAuth: {
    method: 'PATCH',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/access',
    status: 201,
  },
  DeleteUserRepositoryAuth: {
    method: 'DELETE',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/access',
    status: 204,
  },
  ShowUserRepositoryAuth: {
    method: 'GET',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/access',
    status: 200,
  },
  CreateRepo: { method: 'POST', path: '/v2/manage/namespaces/{namespace}/repos', status: 200 },
  ShowRepository: {
    method: 'GET',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}',
    status: 200,
  },
  UpdateRepo: {
    method: 'PATCH',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}',
    status: 201,
  },
  DeleteRepo: {
    method: 'DELETE',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}',
    status: 204,
  },
  ListReposDetails: { method: 'GET', path: '/v2/manage/repos', status: 200, paged: true },
  ListRepositoryTags: {
    method: 'GET',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/tags',
    status: 200,
    paged: true,
  },
  CreateRepoTag: {
    method: 'POST',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/tags',
    status: 201,
  },
  ShowRepoTag: {
    method: 'GET',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/tags/{tag}',
    status: 200,
  },
  DeleteRepoTag: {
    method: 'DELETE',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/tags/{tag}',
    status: 204,
  },
  ListRepoAccessories: {
    method: 'GET',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/{tag}/accessories',
    status: 200,
  },
  ListReferences: {
    method: 'GET',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/{tag}/references',
    status: 200,
  },
  CreateRepoDomains: {
    method: 'POST',
    path: '/v2/manage/namespaces/{namespace}/repositories/{repository}/access-domains',
    status: 201,
  },
  ListRepoDomains: {
    method: 'GET',
    path: '/v2/manage/namespaces/{namespace}/repositories/{repository}/access-domains',
    status: 200,
  },
  ShowAccessDomain: {
    method: 'GET',
    path: '/v2/manage/namespaces/{namespace}/repositories/{repository}/access-domains/{access_domain}',
    status: 200,
  },
  UpdateRepoDomains: {
    method: 'PATCH',
    path: '/v2/manage/namespaces/{namespace}/repositories/{repository}/access-domains/{access_domain}',
    status: 201,
  },
  DeleteRepoDomains: {
    method: 'DELETE',
    path: '/v2/manage/namespaces/{namespace}/repositories/{repository}/access-domains/{access_domain}',
    status: 204,
  },
  ListSharedReposDetails: {
    method: 'GET',
    path: '/v2/manage/shared-repositories',
    status: 200,
    paged: true,
  },
  CreateImageSyncRepo: {
    method: 'POST',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/sync_repo',
    status: 200,
  },
  ListImageAutoSyncReposDetails: {
    method: 'GET',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/sync_repo',
    status: 200,
  },
  DeleteImageSyncRepo: {
    method: 'DELETE',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/sync_repo',
    status: 200,
  },
  CreateManualImageSyncRepo: {
    method: 'POST',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/sync_images',
    status: 200,
  },
  ShowSyncJob: {
    method: 'GET',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/sync_job',
    status: 200,
    paged: true,
  },
  CreateTrigger: {
    method: 'POST',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/triggers',
    status: 201,
  },
  ListTriggersDetails: {
    method: 'GET',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/triggers',
    status: 200,
  },
  ShowTrigger: {
    method: 'GET',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/triggers/{trigger}',
    status: 200,
  },
  UpdateTrigger: {
    method: 'PATCH',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/triggers/{trigger}',
    status: 201,
  },
  DeleteTrigger: {
    method: 'DELETE',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/triggers/{trigger}',
    status: 204,
  },
  CreateRetention: {
    method: 'POST',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/retentions',
    status: 201,
  },
  ListRetentions: {
    method: 'GET',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/retentions',
    status: 200,
  },
  ListRetentionHistories: {
    method: 'GET',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/retentions/histories',
    status: 200,
    paged: true,
  },
  ShowRetention: {
    method: 'GET',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/retentions/{retention_id}',
    status: 200,
  },
  UpdateRetention: {
    method: 'PATCH',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/retentions/{retention_id}',
    status: 201,
  },
  DeleteRetention: {
    method: 'DELETE',
    path: '/v2/manage/namespaces/{namespace}/repos/{repository}/retentions/{retention_id}',
    status: 200,
  },
  CreateSecret: { method: 'POST', path: '/v2/manage/utils/secret', status: 200 },
  ListQuotas: { method: 'GET', path: '/v2/manage/projects/{project_id}/quotas', status: 200 },
  ShowDomainOverview: { method: 'GET', path: '/v2/manage/overview', status: 200 },
  ShowDomainResourceReports: {
    method: 'GET',
    path: '/v2/manage/reports/{resource_type}/{frequency}',
    status: 200,
  },
  ShowShareFeatureGates: {
    method: 'GET',
    path: '/v2/manage/projects/{project_id}/feature-gates',
    status: 200,
  },
  ...inEdition(enterpriseEndpoints, 'enterprise'),
  ...inEdition(kmsEndpoints, 'kms'),
} as const satisfies Record<string, Endpoint>;

export type EndpointId = keyof typeof endpoints;
