import {
  EnterpriseErrorCode,
  GatewayErrorCode,
  KmsErrorCode,
  SwrErrorCode,
  type OperationId,
} from '@swr-console/swr-api';

/**
 * Who may call each operation of the contract: the policy swr-local enforces, written once. The
 * access test walks it with every kind of caller, and docs/swr-local.md shows it as a table
 * rendered from here.
 *
 * - `signed-in`: any signed caller; the answer is about the caller's own account.
 * - `own-project`: the project in the path must be the caller's.
 * - `account-admin`: the account itself, or an IAM user with SWR Admin / Tenant Administrator.
 * - `org-read|edit|manage`: that permission on the organization (administrators hold manage).
 * - `repo-pull`: pull access: read on the repository (or its organization), a public repository,
 *   or a valid share with the caller's account.
 * - `repo-read|edit|manage`: that permission on the repository or its organization, in the
 *   owning account only; a public repository or a share gives none of it.
 * - `sync-admin`: read on the repository, and an administrator of the owning account.
 * - `instance-admin`: the account or its administrators, in the instance's own project.
 * - `kms-read` / `kms-admin`: any user / an administrator, in the caller's own project.
 */
export type Rule =
  | 'signed-in'
  | 'own-project'
  | 'account-admin'
  | 'org-read'
  | 'org-edit'
  | 'org-manage'
  | 'repo-pull'
  | 'repo-read'
  | 'repo-edit'
  | 'repo-manage'
  | 'sync-admin'
  | 'instance-admin'
  | 'kms-read'
  | 'kms-admin';

export const ACCESS: Record<OperationId, Rule> = {
  ListApiVersions: 'signed-in',
  ShowApiVersion: 'signed-in',
  CreateNamespace: 'account-admin',
  ListNamespaces: 'signed-in',
  ShowNamespace: 'org-read',
  DeleteNamespaces: 'org-manage',
  CreateNamespaceAuth: 'org-manage',
  UpdateNamespaceAuth: 'org-manage',
  DeleteNamespaceAuth: 'org-manage',
  ShowNamespaceAuth: 'org-read',
  CreateUserRepositoryAuth: 'repo-manage',
  UpdateUserRepositoryAuth: 'repo-manage',
  DeleteUserRepositoryAuth: 'repo-manage',
  ShowUserRepositoryAuth: 'repo-read',
  CreateRepo: 'org-edit',
  ShowRepository: 'repo-pull',
  UpdateRepo: 'repo-edit',
  DeleteRepo: 'repo-manage',
  ListReposDetails: 'signed-in',
  ListRepositoryTags: 'repo-pull',
  CreateRepoTag: 'repo-edit',
  ShowRepoTag: 'repo-pull',
  DeleteRepoTag: 'repo-manage',
  ListRepoAccessories: 'repo-pull',
  ListReferences: 'repo-pull',
  CreateRepoDomains: 'repo-manage',
  ListRepoDomains: 'repo-read',
  ShowAccessDomain: 'repo-read',
  UpdateRepoDomains: 'repo-manage',
  DeleteRepoDomains: 'repo-manage',
  ListSharedReposDetails: 'signed-in',
  CreateImageSyncRepo: 'sync-admin',
  ListImageAutoSyncReposDetails: 'repo-read',
  DeleteImageSyncRepo: 'sync-admin',
  CreateManualImageSyncRepo: 'sync-admin',
  ShowSyncJob: 'repo-read',
  CreateTrigger: 'repo-manage',
  ListTriggersDetails: 'repo-read',
  ShowTrigger: 'repo-read',
  UpdateTrigger: 'repo-manage',
  DeleteTrigger: 'repo-manage',
  CreateRetention: 'repo-manage',
  ListRetentions: 'repo-read',
  ListRetentionHistories: 'repo-read',
  ShowRetention: 'repo-read',
  UpdateRetention: 'repo-manage',
  DeleteRetention: 'repo-manage',
  CreateSecret: 'signed-in',
  ListQuotas: 'own-project',
  ShowDomainOverview: 'signed-in',
  ShowDomainResourceReports: 'signed-in',
  ShowShareFeatureGates: 'own-project',
  ListInstance: 'instance-admin',
  ShowInstance: 'instance-admin',
  CreateInstanceTempCredential: 'instance-admin',
  CreateInstanceNamespace: 'instance-admin',
  ListInstanceNamespaces: 'instance-admin',
  ShowInstanceNamespace: 'instance-admin',
  DeleteInstanceNamespace: 'instance-admin',
  CreateSubResourceTags: 'instance-admin',
  DeleteSubResourceTags: 'instance-admin',
  ListSubResourceTags: 'instance-admin',
  ListNamespaceTags: 'instance-admin',
  ListSubResourceInstances: 'instance-admin',
  ShowSubResourceInstancesCount: 'instance-admin',
  ListInstanceRepositories: 'instance-admin',
  ListNamespaceRepositories: 'instance-admin',
  ShowInstanceRepository: 'instance-admin',
  DeleteInstanceRepository: 'instance-admin',
  ListInstanceArtifacts: 'instance-admin',
  ShowInstanceArtifact: 'instance-admin',
  ListInstanceAccessories: 'instance-admin',
  ListInstanceSignPolicies: 'instance-admin',
  CreateInstanceSignPolicy: 'instance-admin',
  ShowInstanceSignPolicy: 'instance-admin',
  UpdateInstanceSignPolicy: 'instance-admin',
  DeleteInstanceSignPolicy: 'instance-admin',
  ExecuteInstanceSignPolicy: 'instance-admin',
  ListInstanceSignPolicyExecutions: 'instance-admin',
  ListInstanceSignPolicyExecTasks: 'instance-admin',
  ListInstanceSignatureExecutionSubtasks: 'instance-admin',
  CreateKey: 'kms-admin',
  ListKeys: 'kms-read',
  ShowPublicKey: 'kms-read',
};

/**
 * The callers the test walks, each against a resource of the demo account `swr-demo`:
 * - `other-account`: the account `partner-co`, on the private repository `team-web/frontend`
 *   (not shared with it), with swr-demo's project and instance in paths;
 * - `other-public`: `partner-co` on swr-demo's public `library/alpine-lite`;
 * - `share-grantee`: `partner-co` on `team-web/api/gateway`, which is shared with it;
 * - `reader`: swr-demo's IAM user `dev-reader`, who holds read on the organization `team-web`;
 * - `reader-public`: `dev-reader` on the public `library/alpine-lite`, where it holds no grant;
 * - `anonymous`: no credentials at all.
 */
export const CALLERS = [
  'other-account',
  'other-public',
  'share-grantee',
  'reader',
  'reader-public',
  'anonymous',
] as const;
export type Caller = (typeof CALLERS)[number];

/** An answer the caller must get: allowed, a refusal, or nothing to test (about its own account). */
export type Outcome =
  { kind: 'allowed' } | { kind: 'own' } | { kind: 'refused'; status: number; code: string };

const allowed: Outcome = { kind: 'allowed' };
const own: Outcome = { kind: 'own' };
const refused = (status: number, code: string): Outcome => ({ kind: 'refused', status, code });
const NOT_FOUND = refused(404, SwrErrorCode.namespaceNotFound);
const FORBIDDEN = refused(403, SwrErrorCode.insufficientPermissions);
const INSTANCE_FORBIDDEN = refused(403, EnterpriseErrorCode.forbidden);
const KEYS_FORBIDDEN = refused(403, KmsErrorCode.forbidden);

/** What `caller` gets from an operation under `rule`. */
export function outcome(rule: Rule, caller: Caller): Outcome {
  if (caller === 'anonymous') return refused(401, GatewayErrorCode.authFailed);
  if (rule === 'instance-admin') return INSTANCE_FORBIDDEN;
  if (caller !== 'reader' && caller !== 'reader-public') {
    // partner-co, another account.
    if (rule === 'signed-in' || rule === 'account-admin') return own;
    if (rule === 'own-project') return FORBIDDEN;
    if (rule === 'kms-read' || rule === 'kms-admin') return KEYS_FORBIDDEN;
    return caller !== 'other-account' && rule === 'repo-pull' ? allowed : NOT_FOUND;
  }
  // dev-reader, of the owning account.
  switch (rule) {
    case 'signed-in':
    case 'own-project':
    case 'kms-read':
    case 'repo-pull':
      return allowed;
    case 'org-read':
    case 'repo-read':
      return caller === 'reader' ? allowed : FORBIDDEN;
    case 'kms-admin':
      return KEYS_FORBIDDEN;
    default:
      return FORBIDDEN;
  }
}

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
const POLICY = {
  name: 'matrix-policy',
  description: 'matrix',
  enabled: true,
  signature_method: 'KMS',
  signature_algorithm: 'ECDSA_SHA_256',
  trigger: { type: 'manual' },
  scope_rules: [
    {
      repo_scope_mode: 'regular',
      scope_selectors: {
        repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: '**' }],
      },
      tag_selectors: [{ kind: 'doublestar', decoration: 'matches', pattern: 'v*' }],
    },
  ],
};

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
  const E = `${I}/namespaces/platform`;
  const ER = `${E}/repositories/base-image`;
  const P = `${E}/signature/policies/1`;
  const sync = { remoteRegionId: 'ap-southeast-1', remoteNamespace: 'team-web' };
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
    ListInstanceSignPolicies: { method: 'GET', path: `${I}/signature/policies` },
    CreateInstanceSignPolicy: {
      method: 'POST',
      path: `${E}/signature/policies`,
      body: { ...POLICY, signature_key: t.keyId },
    },
    ShowInstanceSignPolicy: { method: 'GET', path: P },
    UpdateInstanceSignPolicy: {
      method: 'PUT',
      path: P,
      body: { ...POLICY, signature_key: t.keyId },
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

const RULE_WORDS: Record<Rule, string> = {
  'signed-in': 'any signed caller, about its own account',
  'own-project': 'any user of the account in the path’s project',
  'account-admin': 'the account and its administrators',
  'org-read': 'read on the organization',
  'org-edit': 'edit on the organization',
  'org-manage': 'manage on the organization',
  'repo-pull': 'pull: read, a public repository, or a share',
  'repo-read': 'read on the repository (owning account only)',
  'repo-edit': 'edit on the repository',
  'repo-manage': 'manage on the repository',
  'sync-admin': 'the owning account’s administrators',
  'instance-admin': 'the account and its administrators',
  'kms-read': 'any user of the account',
  'kms-admin': 'the account and its administrators',
};

function words(result: Outcome): string {
  if (result.kind === 'allowed') return 'allowed';
  if (result.kind === 'own') return '(its own)';
  return `${result.status} ${result.code}`;
}

/** The matrix as docs/swr-local.md shows it (before formatting). */
export function matrixTable(
  methodAndPath: (id: OperationId) => { method: string; path: string },
): string {
  const head = [
    'operation',
    'who may call it',
    'another account',
    'another account, public repository',
    'account it is shared with',
    'IAM user, read on the organization',
    'IAM user, public repository, no grant',
    'anonymous',
  ];
  const rows = (Object.entries(ACCESS) as [OperationId, Rule][]).map(([id, rule]) => {
    const { method } = methodAndPath(id);
    return [
      `${id} (${method})`,
      RULE_WORDS[rule],
      ...CALLERS.map((caller) => words(outcome(rule, caller))),
    ];
  });
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
