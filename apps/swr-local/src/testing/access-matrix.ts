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
 * - `instance-admin-unscoped`: the same, for the tag operations whose paths name no project: to
 *   another account, the instance does not exist.
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
  | 'instance-admin-unscoped'
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
  UpdateInstanceNamespace: 'instance-admin',
  ListInstanceAllArtifacts: 'instance-admin',
  DeleteInstanceArtifact: 'instance-admin',
  ShowInstanceArtifactAddition: 'instance-admin',
  ListInstanceTags: 'instance-admin-unscoped',
  DeleteInstanceTag: 'instance-admin-unscoped',
  StartManualScanning: 'instance-admin',
  ListInstanceArtifactVulnerabilities: 'instance-admin',
  CreateImmutableRule: 'instance-admin',
  ListImmutableRules: 'instance-admin',
  UpdateImmutableRule: 'instance-admin',
  DeleteImmutableRule: 'instance-admin',
  ListAuditLogs: 'instance-admin',
  CreateInstanceLtCredential: 'instance-admin',
  ListInstanceLtCredentials: 'instance-admin',
  UpdateInstanceLtCredential: 'instance-admin',
  DeleteInstanceLtCredential: 'instance-admin',
  ListInstanceStatistics: 'instance-admin',
  CreateInstanceRegistry: 'instance-admin',
  ListInstanceRegistries: 'instance-admin',
  ShowInstanceRegistry: 'instance-admin',
  UpdateInstanceRegistry: 'instance-admin',
  DeleteInstanceRegistry: 'instance-admin',
  CreateInstanceReplicationPolicy: 'instance-admin',
  ListInstanceReplicationPolicies: 'instance-admin',
  ShowInstanceReplicationPolicy: 'instance-admin',
  UpdateInstanceReplicationPolicy: 'instance-admin',
  DeleteInstanceReplicationPolicy: 'instance-admin',
  ExecuteInstanceReplicationPolicy: 'instance-admin',
  ListInstanceReplicationPolicyExecutions: 'instance-admin',
  StopInstanceReplicationPolicyExecution: 'instance-admin',
  ListInstanceReplicationPolicyExecTasks: 'instance-admin',
  ListInstanceReplicationPolicyExecSubTasks: 'instance-admin',
  CreateInstanceRetentionPolicy: 'instance-admin',
  ListInstanceRetentionPolicies: 'instance-admin',
  ShowInstanceRetentionPolicy: 'instance-admin',
  UpdateInstanceRetentionPolicy: 'instance-admin',
  DeleteInstanceRetentionPolicy: 'instance-admin',
  ExecuteInstanceRetentionPolicy: 'instance-admin',
  ListInstanceRetentionPolicyExecutions: 'instance-admin',
  ListInstanceRetentionPolicyExecTasks: 'instance-admin',
  ListInstanceRetentionPolicyExecSubTasks: 'instance-admin',
  CreateInstanceWebhook: 'instance-admin',
  ListInstanceWebhooks: 'instance-admin',
  ShowInstanceWebhook: 'instance-admin',
  UpdateInstanceWebhook: 'instance-admin',
  DeleteInstanceWebhook: 'instance-admin',
  ListInstanceWebhookJobs: 'instance-admin',
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
const INSTANCE_NOT_FOUND = refused(404, EnterpriseErrorCode.notFound);
const KEYS_FORBIDDEN = refused(403, KmsErrorCode.forbidden);

/** What `caller` gets from an operation under `rule`. */
export function outcome(rule: Rule, caller: Caller): Outcome {
  if (caller === 'anonymous') return refused(401, GatewayErrorCode.authFailed);
  if (rule === 'instance-admin') return INSTANCE_FORBIDDEN;
  if (rule === 'instance-admin-unscoped')
    return caller.startsWith('reader') ? INSTANCE_FORBIDDEN : INSTANCE_NOT_FOUND;
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
  'instance-admin-unscoped': 'the account and its administrators (other accounts: 404)',
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
