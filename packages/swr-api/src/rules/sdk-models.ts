// Written by `UPDATE_SDK_MODELS=1 npx vitest run sdk-models` from the official Node SDK's
// models; a test fails when they differ. Per model class: wire field → the `with…` setter that
// writes it, and after a colon the model class the setter takes (`[]` for an array of them).
export const SDK_PACKAGE = '@huaweicloud/huaweicloud-sdk-swr';
export const SDK_VERSION = '3.1.128';

export const sdkModels: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  CreateImageSyncRepoRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    body: 'withBody:CreateImageSyncRepoRequestBody',
  },
  CreateImageSyncRepoRequestBody: {
    remoteRegionId: 'withRemoteRegionId',
    remoteNamespace: 'withRemoteNamespace',
    syncAuto: 'withSyncAuto',
    override: 'withOverride',
  },
  CreateManualImageSyncRepoRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    body: 'withBody:CreateManualImageSyncRepoRequestBody',
  },
  CreateManualImageSyncRepoRequestBody: {
    imageTag: 'withImageTag',
    override: 'withOverride',
    remoteNamespace: 'withRemoteNamespace',
    remoteRegionId: 'withRemoteRegionId',
  },
  CreateNamespaceAuthRequest: {
    namespace: 'withNamespace',
    body: 'withBody:UserAuth[]',
  },
  CreateNamespaceRequest: {
    body: 'withBody:CreateNamespaceRequestBody',
  },
  CreateNamespaceRequestBody: {
    namespace: 'withNamespace',
  },
  CreateRepoDomainsRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    body: 'withBody:CreateRepoDomainsRequestBody',
  },
  CreateRepoDomainsRequestBody: {
    access_domain: 'withAccessDomain',
    permit: 'withPermit',
    deadline: 'withDeadline',
    description: 'withDescription',
  },
  CreateRepoRequest: {
    namespace: 'withNamespace',
    body: 'withBody:CreateRepoRequestBody',
  },
  CreateRepoRequestBody: {
    repository: 'withRepository',
    is_public: 'withIsPublic',
    category: 'withCategory',
    description: 'withDescription',
  },
  CreateRepoTagRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    body: 'withBody:CreateRepoTagRequestBody',
  },
  CreateRepoTagRequestBody: {
    source_tag: 'withSourceTag',
    destination_tag: 'withDestinationTag',
    override: 'withOverride',
  },
  CreateRetentionRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    body: 'withBody:CreateRetentionRequestBody',
  },
  CreateRetentionRequestBody: {
    algorithm: 'withAlgorithm',
    rules: 'withRules:Rule[]',
  },
  CreateSecretRequest: {
    projectname: 'withProjectname',
  },
  CreateTriggerRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    body: 'withBody:CreateTriggerRequestBody',
  },
  CreateTriggerRequestBody: {
    action: 'withAction',
    app_type: 'withAppType',
    application: 'withApplication',
    cluster_id: 'withClusterId',
    cluster_name: 'withClusterName',
    cluster_ns: 'withClusterNs',
    condition: 'withCondition',
    container: 'withContainer',
    enable: 'withEnable',
    name: 'withName',
    trigger_mode: 'withTriggerMode',
    trigger_type: 'withTriggerType',
  },
  CreateUserRepositoryAuthRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    body: 'withBody:UserAuth[]',
  },
  DeleteImageSyncRepoRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    body: 'withBody:DeleteImageSyncRepoRequestBody',
  },
  DeleteImageSyncRepoRequestBody: {
    remoteRegionId: 'withRemoteRegionId',
    remoteNamespace: 'withRemoteNamespace',
  },
  DeleteNamespaceAuthRequest: {
    namespace: 'withNamespace',
    body: 'withBody',
  },
  DeleteNamespacesRequest: {
    namespace: 'withNamespace',
  },
  DeleteRepoDomainsRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    access_domain: 'withAccessDomain',
  },
  DeleteRepoRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
  },
  DeleteRepoTagRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    tag: 'withTag',
  },
  DeleteRetentionRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    retention_id: 'withRetentionId',
  },
  DeleteTriggerRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    trigger: 'withTrigger',
  },
  DeleteUserRepositoryAuthRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    body: 'withBody',
  },
  ListApiVersionsRequest: {},
  ListImageAutoSyncReposDetailsRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
  },
  ListNamespacesRequest: {
    namespace: 'withNamespace',
    filter: 'withFilter',
  },
  ListQuotasRequest: {},
  ListRepoDomainsRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
  },
  ListReposDetailsRequest: {
    namespace: 'withNamespace',
    name: 'withName',
    category: 'withCategory',
    limit: 'withLimit',
    offset: 'withOffset',
    order_column: 'withOrderColumn',
    order_type: 'withOrderType',
    filter: 'withFilter',
  },
  ListRepositoryTagsRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    limit: 'withLimit',
    offset: 'withOffset',
    order_column: 'withOrderColumn',
    order_type: 'withOrderType',
    tag: 'withTag',
    filter: 'withFilter',
  },
  ListRetentionHistoriesRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    filter: 'withFilter',
  },
  ListRetentionsRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
  },
  ListSharedReposDetailsRequest: {
    namespace: 'withNamespace',
    name: 'withName',
    center: 'withCenter',
    limit: 'withLimit',
    offset: 'withOffset',
    order_column: 'withOrderColumn',
    order_type: 'withOrderType',
    filter: 'withFilter',
  },
  ListTriggersDetailsRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
  },
  Rule: {
    template: 'withTemplate',
    params: 'withParams',
    tag_selectors: 'withTagSelectors:TagSelector[]',
  },
  ShowAccessDomainRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    access_domain: 'withAccessDomain',
  },
  ShowApiVersionRequest: {
    api_version: 'withApiVersion',
  },
  ShowDomainOverviewRequest: {},
  ShowDomainResourceReportsRequest: {
    resource_type: 'withResourceType',
    frequency: 'withFrequency',
  },
  ShowNamespaceAuthRequest: {
    namespace: 'withNamespace',
  },
  ShowNamespaceRequest: {
    namespace: 'withNamespace',
  },
  ShowRepositoryRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
  },
  ShowRetentionRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    retention_id: 'withRetentionId',
  },
  ShowShareFeatureGatesRequest: {},
  ShowSyncJobRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    filter: 'withFilter',
  },
  ShowTriggerRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    trigger: 'withTrigger',
  },
  ShowUserRepositoryAuthRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
  },
  TagSelector: {
    kind: 'withKind',
    pattern: 'withPattern',
  },
  UpdateNamespaceAuthRequest: {
    namespace: 'withNamespace',
    body: 'withBody:UserAuth[]',
  },
  UpdateRepoDomainsRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    access_domain: 'withAccessDomain',
    body: 'withBody:UpdateRepoDomainsRequestBody',
  },
  UpdateRepoDomainsRequestBody: {
    permit: 'withPermit',
    deadline: 'withDeadline',
    description: 'withDescription',
  },
  UpdateRepoRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    body: 'withBody:UpdateRepoRequestBody',
  },
  UpdateRepoRequestBody: {
    is_public: 'withIsPublic',
    category: 'withCategory',
    description: 'withDescription',
  },
  UpdateRetentionRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    retention_id: 'withRetentionId',
    body: 'withBody:UpdateRetentionRequestBody',
  },
  UpdateRetentionRequestBody: {
    algorithm: 'withAlgorithm',
    rules: 'withRules:Rule[]',
  },
  UpdateTriggerRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    trigger: 'withTrigger',
    body: 'withBody:UpdateTriggerRequestBody',
  },
  UpdateTriggerRequestBody: {
    enable: 'withEnable',
  },
  UpdateUserRepositoryAuthRequest: {
    namespace: 'withNamespace',
    repository: 'withRepository',
    body: 'withBody:UserAuth[]',
  },
  UserAuth: {
    user_id: 'withUserId',
    user_name: 'withUserName',
    auth: 'withAuth',
  },
};
