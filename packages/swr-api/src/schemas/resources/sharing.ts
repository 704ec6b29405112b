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
import { namespaceName, repositoryPathName } from '../names.js';
import { repositoryParams, repositorySummary } from './repositories.js';

export const shareParams = z.object({
  namespace: namespaceName,
  repository: repositoryPathName,
  access_domain: z.string().min(1).max(64),
});

/** `forever`, or a UTC time: the share stays valid through that day and ends at the next midnight. */
export const shareDeadline = z.union([
  z.literal('forever'),
  z.iso.datetime({
    offset: true,
    message: 'Use "forever" or a UTC time such as 2026-12-31T00:00:00Z.',
  }),
]);

const shareDescription = z.string().max(1000, 'A description has at most 1,000 characters.');

export const createShareBody = z.object({
  access_domain: z
    .string()
    .min(1, 'Enter the account name to share with.')
    .max(64)
    .describe('Name of the account that may pull.'),
  permit: z.literal('read').describe('Only pull access can be shared.'),
  deadline: shareDeadline,
  description: shareDescription.optional(),
});
export type CreateShareBody = z.infer<typeof createShareBody>;

export const updateShareBody = z.object({
  permit: z.literal('read'),
  deadline: shareDeadline,
  description: shareDescription.optional(),
});
export type UpdateShareBody = z.infer<typeof updateShareBody>;

export const share = z.looseObject({
  namespace: z.string(),
  repository: z.string(),
  access_domain: z.string(),
  permit: z.string(),
  deadline: z.string(),
  description: z.string(),
  creator_id: z.string(),
  creator_name: z.string(),
  created: timestamp,
  updated: timestamp,
  status: z.boolean().describe('false once the deadline has passed.'),
});
export type Share = z.infer<typeof share>;

/** The existence check answers 200 with `exist: false` rather than 404 when there is no share. */
export const shareCheck = share.partial().extend({ exist: z.boolean() });
export type ShareCheck = z.infer<typeof shareCheck>;

export const sharedRepoOrderColumn = z.enum([
  'updated_at',
  'name',
  'tag_count',
  'namespace',
  'domain_name',
]);

export const listSharedReposQuery = z.object({
  center: z
    .enum(['self', 'thirdparty'])
    .describe('self: shared by me; thirdparty: shared with me.'),
  namespace: namespaceName.optional(),
  name: z.string().max(128).optional(),
  ...paging,
  order_column: sharedRepoOrderColumn.optional(),
  order_type: orderType.optional(),
  domain_name: z.string().optional().describe('Owner account.'),
  status: z.enum(['true', 'false']).optional().describe('true: valid shares; false: expired ones.'),
  filter: filterParam.optional(),
});

export type ListSharedReposQuery = z.input<typeof listSharedReposQuery>;

export const sharingOperations = {
  CreateRepoDomains: defineOperation({
    ...endpoints.CreateRepoDomains,
    summary: 'Let another account of the region pull a private repository.',
    params: repositoryParams,
    body: createShareBody,
  }),
  ListRepoDomains: defineOperation({
    ...endpoints.ListRepoDomains,
    summary: 'Accounts a repository is shared with.',
    params: repositoryParams,
    response: z.array(share),
  }),
  ShowAccessDomain: defineOperation({
    ...endpoints.ShowAccessDomain,
    summary: 'Whether a repository is shared with an account, and how.',
    params: shareParams,
    response: shareCheck,
  }),
  UpdateRepoDomains: defineOperation({
    ...endpoints.UpdateRepoDomains,
    summary: 'Change the deadline or description of a share.',
    params: shareParams,
    body: updateShareBody,
  }),
  DeleteRepoDomains: defineOperation({
    ...endpoints.DeleteRepoDomains,
    summary: 'Stop sharing a repository with an account.',
    params: shareParams,
  }),
  ListSharedReposDetails: defineOperation({
    ...endpoints.ListSharedReposDetails,
    summary: 'Repositories I share, or that other accounts share with me.',
    params: noParams,
    query: listSharedReposQuery,
    response: z.array(repositorySummary),
  }),
};
