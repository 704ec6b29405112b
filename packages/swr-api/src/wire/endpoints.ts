/**
 * Where each operation lives and what it answers on success: method, path template, documented
 * status, and whether it is paged with Content-Range. Kept free of schemas, so a browser can build
 * URLs and route calls without loading the validation code; `operations.ts` adds the schemas.
 *
 * Path templates use `{name}`; `{name:regex}` narrows a segment (so `/{api_version}` does not
 * swallow other one-segment paths).
 */
import { enterpriseEndpoints } from './enterprise-endpoints.js';

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
