import { z } from 'zod';
import { endpoints } from '../../wire/endpoints.js';
import { decimal, defineOperation, orderType, timestamp } from '../operation.js';
import { ENTERPRISE_NAME_PATTERN, RESOURCE_TAG_LIMITS } from '../../wire/patterns.js';

/**
 * The Enterprise edition: instances with their own registry, namespaces with resource tags,
 * repositories and artifacts (with cosign signatures as accessories). Paths live under
 * `/v2/{project_id}/instances/{instance_id}`; lists page with `offset` and `limit` (default 10,
 * at most 100, offset a multiple of limit) and carry `total` in the body, not Content-Range.
 */

export const ENTERPRISE_PAGE_SIZE = 10;
export const ENTERPRISE_MAX_PAGE_SIZE = 100;

export const enterpriseNamespaceName = z
  .string()
  .min(1, 'Enter a namespace name.')
  .max(64, 'A namespace name has at most 64 characters.')
  .regex(
    ENTERPRISE_NAME_PATTERN,
    'Use lower-case letters and digits with single ".", "_" or "-" between them.',
  );

const stringFlag = z.enum(['true', 'false']);

/** Paging of Enterprise lists; `offset` must be 0 or a multiple of `limit`. */
export const enterprisePaging = {
  offset: decimal.optional().describe('Start index, 0 or a multiple of limit; needs limit.'),
  limit: decimal
    .pipe(
      z
        .number()
        .min(1, 'limit is at least 1.')
        .max(ENTERPRISE_MAX_PAGE_SIZE, 'limit is at most 100.'),
    )
    .optional()
    .describe('Page size, default 10, at most 100; needs offset.'),
};

export function pagedQuery<T extends z.ZodRawShape>(shape: T) {
  return z.object({ ...enterprisePaging, ...shape }).refine(
    (query) => {
      const { offset, limit = ENTERPRISE_PAGE_SIZE } = query as {
        offset?: number;
        limit?: number;
      };
      return offset === undefined || offset % limit === 0;
    },
    { message: 'offset must be 0 or a multiple of limit.', path: ['offset'] },
  );
}

export const instanceParams = z.object({
  project_id: z.string().min(1),
  instance_id: z.string().min(1).max(64),
});
export const enterpriseNamespaceParams = instanceParams.extend({
  namespace_name: enterpriseNamespaceName,
});
/** A repository name inside a namespace, e.g. `team/app` (sent twice percent-encoded). */
export const enterpriseRepositoryParams = enterpriseNamespaceParams.extend({
  repository_name: z
    .string()
    .min(1)
    .max(255)
    .regex(
      /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/,
      'Not a valid repository name.',
    ),
});
export const artifactParams = enterpriseRepositoryParams.extend({
  reference: z.string().regex(/^sha256:[a-f0-9]{64}$/, 'Give the artifact digest, sha256:….'),
});

export const instanceStatus = z.enum(['Initial', 'Creating', 'Running', 'Unavailable']);

export const instance = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: instanceStatus,
  spec: z.string(),
  version: z.string(),
  access_address: z.string().describe('Registry address for docker login and image names.'),
  created_at: timestamp,
  updated_at: timestamp,
  expires_at: z.string(),
  project_id: z.string(),
  enterprise_project_id: z.string(),
  vpc_id: z.string(),
  vpc_name: z.string(),
  vpc_cidr: z.string(),
  subnet_id: z.string(),
  subnet_name: z.string(),
  subnet_cidr: z.string(),
  obs_bucket_name: z.string(),
  user_def_obs: z.boolean(),
  vpcep_service_id: z.string(),
});
export type Instance = z.infer<typeof instance>;

export const namespaceMetadata = z.looseObject({
  public: stringFlag.describe('"true" when anyone may pull, as a string.'),
  auto_scan: stringFlag.optional(),
  prevent_vul: stringFlag.optional(),
  severity: z.enum(['none', 'low', 'medium', 'high', 'critical']).optional(),
});

export const enterpriseNamespace = z.looseObject({
  namespace_id: z.int(),
  name: z.string(),
  metadata: namespaceMetadata,
  repo_count: z.int(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type EnterpriseNamespace = z.infer<typeof enterpriseNamespace>;

export const resourceTag = z.object({
  key: z
    .string()
    .min(1, 'A tag key cannot be empty.')
    .max(RESOURCE_TAG_LIMITS.keyLength, 'A tag key has at most 128 characters.'),
  value: z.string().max(RESOURCE_TAG_LIMITS.valueLength, 'A tag value has at most 255 characters.'),
});
export type ResourceTag = z.infer<typeof resourceTag>;

/** Refuses a list that names a key twice, at the second one (keys are unique on a namespace). */
function uniqueKeys(items: { key: string }[], context: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.key))
      context.addIssue({
        code: 'custom',
        message: `The key "${item.key}" is given twice.`,
        path: [index, 'key'],
      });
    seen.add(item.key);
  });
}

export const resourceTagsBody = z.object({
  tags: z.array(resourceTag).min(1, 'Give at least one tag.').superRefine(uniqueKeys),
});
export type ResourceTagsBody = z.infer<typeof resourceTagsBody>;

export const tagsFilterBody = z.object({
  tags: z
    .array(
      z.object({
        key: resourceTag.shape.key,
        values: z
          .array(resourceTag.shape.value)
          .max(RESOURCE_TAG_LIMITS.filterValues, 'At most 10 values per key.')
          .describe('OR-ed; empty means any value.'),
      }),
    )
    .max(RESOURCE_TAG_LIMITS.filterKeys, 'At most 50 keys.')
    .superRefine(uniqueKeys)
    .optional()
    .describe('AND-ed keys; omitted or empty selects every namespace.'),
});
export type TagsFilterBody = z.infer<typeof tagsFilterBody>;

export const taggedResource = z.looseObject({
  resource_id: z.string().describe('The namespace id, as a string.'),
  resource_name: z.string(),
  resource_detail: z.unknown().optional(),
  tags: z.array(resourceTag),
  sys_tags: z.array(resourceTag),
});

export const enterpriseRepository = z.looseObject({
  id: z.int(),
  name: z.string().describe('Inside the namespace, e.g. team/app.'),
  namespace_name: z.string(),
  namespace_id: z.int(),
  tag_count: z.int(),
  pull_count: z.int(),
  artifact_count: z.int(),
  description: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type EnterpriseRepository = z.infer<typeof enterpriseRepository>;

export const artifactTag = z.looseObject({
  id: z.number(),
  repository_id: z.int(),
  artifact_id: z.int(),
  name: z.string(),
  push_time: timestamp,
  pull_time: z.string(),
});

export const artifact = z.looseObject({
  id: z.int(),
  digest: z.string(),
  repository_id: z.int(),
  repository_name: z.string(),
  namespace_id: z.int(),
  type: z.string().describe('IMAGE, CHART, or SIGNATURE for a cosign signature.'),
  media_type: z.string().describe('Media type of the config blob.'),
  manifest_media_type: z.string(),
  size: z.number(),
  push_time: timestamp,
  pull_time: z.string(),
  tags: z.array(artifactTag),
});
export type Artifact = z.infer<typeof artifact>;

export const artifactAccessory = z.looseObject({
  id: z.number(),
  artifact_id: z.int().describe('The accessory artifact itself.'),
  subject_artifact_id: z.int().describe('The artifact it belongs to.'),
  size: z.number(),
  digest: z.string(),
  type: z.literal('signature.cosign'),
  created_at: timestamp,
});
export type ArtifactAccessory = z.infer<typeof artifactAccessory>;

const repositoryListQuery = pagedQuery({
  order_column: z.enum(['created_at', 'updated_at']).optional(),
  order_type: orderType.optional(),
});

export const enterpriseOperations = {
  ListInstance: defineOperation({
    ...endpoints.ListInstance,
    summary: 'Enterprise instances of the project, each with its own registry.',
    params: z.object({ project_id: z.string().min(1) }),
    query: z.object({
      offset: decimal.optional(),
      limit: decimal.pipe(z.number().min(1).max(100)).optional(),
      status: instanceStatus.optional(),
      enterprise_project_id: z.string().optional(),
    }),
    response: z.looseObject({ instances: z.array(instance), total: z.int() }),
  }),
  ShowInstance: defineOperation({
    ...endpoints.ShowInstance,
    summary: 'One instance.',
    params: instanceParams,
    response: instance,
  }),
  CreateInstanceTempCredential: defineOperation({
    ...endpoints.CreateInstanceTempCredential,
    summary: 'A docker login for the instance registry, valid for 6 hours.',
    params: instanceParams,
    response: z.looseObject({
      auth_token: z.string().describe('The password.'),
      token_id: z.string(),
      user_id: z.string().describe('The user name.'),
      created_at: timestamp,
      expire_date: timestamp,
    }),
  }),
  CreateInstanceNamespace: defineOperation({
    ...endpoints.CreateInstanceNamespace,
    summary: 'Create a namespace in the instance (names are unique per instance).',
    params: instanceParams,
    body: z.object({ namespace_name: enterpriseNamespaceName, metadata: namespaceMetadata }),
    response: z.looseObject({ id: z.int() }),
  }),
  ListInstanceNamespaces: defineOperation({
    ...endpoints.ListInstanceNamespaces,
    summary: 'Namespaces of the instance, newest update first.',
    params: instanceParams,
    query: pagedQuery({
      name: z.string().max(64).optional().describe('Names containing this text.'),
      public: z.string().optional().describe('"true" for public ones, anything else private.'),
      order_column: z.literal('updated_at').optional(),
      order_type: orderType.optional(),
    }),
    response: z.looseObject({ namespaces: z.array(enterpriseNamespace), total: z.int() }),
  }),
  DeleteInstanceNamespace: defineOperation({
    ...endpoints.DeleteInstanceNamespace,
    summary: 'Delete a namespace without repositories, with its tags and signing policies.',
    params: enterpriseNamespaceParams,
  }),
  CreateSubResourceTags: defineOperation({
    ...endpoints.CreateSubResourceTags,
    summary: `Add tags to a namespace, or change the value of a key it has (at most ${RESOURCE_TAG_LIMITS.perNamespace} keys).`,
    params: enterpriseNamespaceParams,
    body: resourceTagsBody,
  }),
  DeleteSubResourceTags: defineOperation({
    ...endpoints.DeleteSubResourceTags,
    summary: 'Remove tags from a namespace by key (and value, when given non-empty).',
    params: enterpriseNamespaceParams,
    body: resourceTagsBody,
  }),
  ListSubResourceTags: defineOperation({
    ...endpoints.ListSubResourceTags,
    summary: 'Tags of one namespace.',
    params: enterpriseNamespaceParams,
    response: z.looseObject({ tags: z.array(resourceTag) }),
  }),
  ListNamespaceTags: defineOperation({
    ...endpoints.ListNamespaceTags,
    summary: 'Every tag key in the instance with its distinct values.',
    params: instanceParams,
    response: z.looseObject({
      tags: z.array(z.looseObject({ key: z.string(), values: z.array(z.string()) })),
    }),
  }),
  ListSubResourceInstances: defineOperation({
    ...endpoints.ListSubResourceInstances,
    summary: 'Namespaces carrying the given tags (keys AND-ed, values of a key OR-ed).',
    params: instanceParams,
    query: z.object({
      offset: decimal.optional(),
      limit: decimal.pipe(z.number().min(1).max(200)).optional(),
    }),
    body: tagsFilterBody,
    response: z.looseObject({ resources: z.array(taggedResource), total_count: z.int() }),
  }),
  ShowSubResourceInstancesCount: defineOperation({
    ...endpoints.ShowSubResourceInstancesCount,
    summary: 'How many namespaces carry the given tags.',
    params: instanceParams,
    body: tagsFilterBody,
    response: z.looseObject({ total_count: z.int() }),
  }),
  ListInstanceRepositories: defineOperation({
    ...endpoints.ListInstanceRepositories,
    summary: 'Repositories of the instance, optionally of one namespace (by id).',
    params: instanceParams,
    query: pagedQuery({
      namespace_id: decimal.optional(),
      order_column: z.enum(['created_at', 'updated_at']).optional(),
      order_type: orderType.optional(),
    }),
    response: z.looseObject({ repositories: z.array(enterpriseRepository), total: z.int() }),
  }),
  ListNamespaceRepositories: defineOperation({
    ...endpoints.ListNamespaceRepositories,
    summary: 'Repositories of one namespace.',
    params: enterpriseNamespaceParams,
    query: repositoryListQuery,
    response: z.looseObject({ repositories: z.array(enterpriseRepository), total: z.int() }),
  }),
  ShowInstanceRepository: defineOperation({
    ...endpoints.ShowInstanceRepository,
    summary: 'One repository.',
    params: enterpriseRepositoryParams,
    response: enterpriseRepository,
  }),
  DeleteInstanceRepository: defineOperation({
    ...endpoints.DeleteInstanceRepository,
    summary: 'Delete a repository with all its artifacts and signatures.',
    params: enterpriseRepositoryParams,
  }),
  ListInstanceArtifacts: defineOperation({
    ...endpoints.ListInstanceArtifacts,
    summary: 'Artifacts of a repository, newest push first; signatures are left out.',
    params: enterpriseRepositoryParams,
    query: pagedQuery({
      type: z.enum(['IMAGE', 'CHART']).optional(),
      tags: z.string().max(128).optional().describe('Artifacts with a tag containing this text.'),
    }),
    response: z.looseObject({ artifacts: z.array(artifact), total: z.int() }),
  }),
  ListInstanceAccessories: defineOperation({
    ...endpoints.ListInstanceAccessories,
    summary: 'Accessories (cosign signatures) of an artifact; none means it is unsigned.',
    params: artifactParams,
    query: pagedQuery({ type: z.literal('signature.cosign').optional() }),
    response: z.looseObject({ accessories: z.array(artifactAccessory), total: z.int() }),
  }),
};
