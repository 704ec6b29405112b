import { z } from 'zod';
import { endpoints } from '../../wire/endpoints.js';
import {
  decimal,
  defineOperation,
  filterParam,
  orderType,
  paging,
  timestamp,
} from '../operation.js';
import { namespaceName, repositoryPathName, tagName } from '../names.js';
import { repositoryParams } from './repositories.js';

export const tagParams = z.object({
  namespace: namespaceName,
  repository: repositoryPathName,
  tag: z.string().min(1).max(128),
});

/** 0 a single image manifest, 1 a manifest list / OCI index, 2 a cosign signature. */
export const tagType = z.union([z.literal(0), z.literal(1), z.literal(2)]);

/** A tag in the list: note the capital `Tag` key, as SWR sends it. */
export const tagListItem = z.looseObject({
  id: z.number(),
  repo_id: z.number(),
  Tag: z.string(),
  image_id: z.string(),
  manifest: z.string().describe('The manifest JSON, as a string.'),
  digest: z.string(),
  schema: z.number(),
  path: z.string().describe('Pull address with the tag.'),
  internal_path: z.string(),
  size: z.number(),
  is_trusted: z.boolean(),
  created: timestamp,
  updated: timestamp,
  deleted: z.string().nullable(),
  domain_id: z.string(),
  scanned: z.boolean(),
  tag_type: tagType,
});
export type TagListItem = z.infer<typeof tagListItem>;

/** One tag read by name: the same facts, with a lower-case `tag` key. */
export const tagDetail = z.looseObject({
  id: z.number(),
  repo_id: z.number(),
  tag: z.string(),
  image_id: z.string(),
  manifest: z.string(),
  digest: z.string(),
  schema: z.number(),
  path: z.string(),
  internal_path: z.string(),
  size: z.number(),
  is_trusted: z.boolean(),
  created: timestamp,
  updated: timestamp,
  domain_id: z.string(),
  tag_type: tagType,
});
export type TagDetail = z.infer<typeof tagDetail>;

export const tagOrderColumn = z.enum(['updated_at', 'tag']);

export const listTagsQuery = z.object({
  ...paging,
  order_column: tagOrderColumn.optional(),
  order_type: orderType.optional(),
  tag: z.string().max(128).optional().describe('Part of the tag name.'),
  filter: filterParam.optional().describe('offset|limit|order_column|order_type|tag'),
});
export type ListTagsQuery = z.input<typeof listTagsQuery>;

export const createRepoTagBody = z.object({
  source_tag: tagName,
  destination_tag: tagName,
  override: z
    .boolean()
    .optional()
    .describe('Replace the destination tag when it exists instead of 409.'),
});
export type CreateRepoTagBody = z.infer<typeof createRepoTagBody>;

export const accessory = z.looseObject({
  id: z.number(),
  domain_id: z.string(),
  namespace_name: z.string(),
  repo_name: z.string(),
  sig_tag: z.string().describe('sha256-<hex>.sig'),
  sig_digest: z.string(),
  target_digest: z.string(),
  size: z.number(),
  type: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type Accessory = z.infer<typeof accessory>;

export const tagOperations = {
  ListRepositoryTags: defineOperation({
    ...endpoints.ListRepositoryTags,
    summary: 'Tags of a repository, filtered, sorted and paged.',
    params: repositoryParams,
    query: listTagsQuery,
    response: z.array(tagListItem),
  }),
  CreateRepoTag: defineOperation({
    ...endpoints.CreateRepoTag,
    summary: 'Point a new tag at the image of an existing tag, without pulling.',
    params: repositoryParams,
    body: createRepoTagBody,
  }),
  ShowRepoTag: defineOperation({
    ...endpoints.ShowRepoTag,
    summary: 'One tag.',
    params: tagParams,
    response: tagDetail,
  }),
  DeleteRepoTag: defineOperation({
    ...endpoints.DeleteRepoTag,
    summary: 'Remove a tag; other tags of the same image stay.',
    params: tagParams,
  }),
  ListRepoAccessories: defineOperation({
    ...endpoints.ListRepoAccessories,
    summary: 'Signatures attached to the image of a tag.',
    params: tagParams,
    query: z.object({
      limit: decimal.optional().describe('1–100, default 10.'),
      offset: decimal.optional(),
    }),
    response: z.looseObject({ total: z.number(), accessories: z.array(accessory) }),
  }),
  ListReferences: defineOperation({
    ...endpoints.ListReferences,
    summary: 'Tags of the images a signature (sha256-<hex>.sig) refers to, by cursor.',
    params: tagParams,
    query: z.object({
      limit: decimal.optional().describe('1–10, default 10.'),
      marker: z.string().optional().describe('next_marker of the previous page.'),
    }),
    response: z.looseObject({
      next_marker: z.string().optional(),
      has_more: z.boolean(),
      tags: z.array(z.string()),
    }),
  }),
};
