import { z } from 'zod';
import { endpoints } from '../../wire/endpoints.js';
import {
  defineOperation,
  filterParam,
  noParams,
  orderType,
  paging,
  timestamp,
} from '../operation.js';
import { namespaceName, repositoryName, repositoryPathName } from '../names.js';
import { REPOSITORY_CATEGORIES } from '../../wire/patterns.js';
import { namespaceParams } from './namespaces.js';

export const repositoryParams = z.object({
  namespace: namespaceName,
  repository: repositoryPathName,
});

export const repositoryCategory = z.enum(REPOSITORY_CATEGORIES);
export type RepositoryCategory = z.infer<typeof repositoryCategory>;

const description = z.string().max(30000, 'A description has at most 30,000 characters.');

export const createRepoBody = z.object({
  repository: repositoryName,
  is_public: z.boolean().describe('Public repositories can be pulled without a grant.'),
  category: repositoryCategory.optional(),
  description: description.optional(),
});
export type CreateRepoBody = z.infer<typeof createRepoBody>;

export const updateRepoBody = z.object({
  is_public: z.boolean(),
  category: repositoryCategory.optional(),
  description: description.optional(),
});
export type UpdateRepoBody = z.infer<typeof updateRepoBody>;

/** A repository as the list calls return it (also used for repositories shared with me). */
export const repositorySummary = z.looseObject({
  name: z.string(),
  category: z.string(),
  description: z.string(),
  size: z.number().describe('Bytes.'),
  is_public: z.boolean(),
  num_images: z.number().describe('Number of tags.'),
  num_download: z.number(),
  created_at: timestamp,
  updated_at: timestamp,
  logo: z.string(),
  url: z.string(),
  path: z
    .string()
    .describe('Pull address without a tag, e.g. swr.cn-north-4.myhuaweicloud.com/group/app.'),
  internal_path: z.string(),
  domain_name: z.string().describe('Account that owns the repository.'),
  namespace: z.string(),
  tags: z.array(z.string()),
  status: z
    .boolean()
    .describe('In the shared-with-me list: whether the share is still valid; otherwise false.'),
  total_range: z.number(),
});
export type RepositorySummary = z.infer<typeof repositorySummary>;

export const repository = z.looseObject({
  id: z.number(),
  ns_id: z.number(),
  name: z.string(),
  category: z.string(),
  description: z.string(),
  creator_id: z.string(),
  creator_name: z.string(),
  size: z.number(),
  is_public: z.boolean(),
  num_images: z.number(),
  num_download: z.number(),
  url: z.string(),
  path: z.string(),
  internal_path: z.string(),
  created: timestamp,
  updated: timestamp,
  domain_id: z.string(),
  priority: z.number(),
});
export type Repository = z.infer<typeof repository>;

export const repositoryOrderColumn = z.enum([
  'updated_time',
  'name',
  'tag_count',
  'namespace',
  'is_public',
]);

export const listReposQuery = z.object({
  namespace: namespaceName.optional(),
  name: z
    .string()
    .max(128)
    .optional()
    .describe('Part of the repository name ("/" written as "$").'),
  category: repositoryCategory.optional(),
  ...paging,
  order_column: repositoryOrderColumn.optional(),
  order_type: orderType.optional(),
  is_public: z.enum(['true', 'false']).optional(),
  filter: filterParam
    .optional()
    .describe('namespace|name|category|is_public|limit|offset|order_column|order_type'),
});
export type ListReposQuery = z.input<typeof listReposQuery>;

export const repositoryOperations = {
  CreateRepo: defineOperation({
    ...endpoints.CreateRepo,
    summary: 'Create a repository in an organization (a push creates one too).',
    params: namespaceParams,
    body: createRepoBody,
  }),
  ShowRepository: defineOperation({
    ...endpoints.ShowRepository,
    summary: 'One repository.',
    params: repositoryParams,
    response: repository,
  }),
  UpdateRepo: defineOperation({
    ...endpoints.UpdateRepo,
    summary: 'Change visibility, category or description.',
    params: repositoryParams,
    body: updateRepoBody,
  }),
  DeleteRepo: defineOperation({
    ...endpoints.DeleteRepo,
    summary: 'Delete a repository and every tag in it.',
    params: repositoryParams,
  }),
  ListReposDetails: defineOperation({
    ...endpoints.ListReposDetails,
    summary: 'Repositories the caller can see, filtered, sorted and paged.',
    params: noParams,
    query: listReposQuery,
    response: z.array(repositorySummary),
  }),
};
