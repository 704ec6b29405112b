import { z } from 'zod';
import { endpoints } from '../../wire/endpoints.js';
import { authLevel, defineOperation, filterParam, noParams } from '../operation.js';
import { namespaceName } from '../names.js';

export const namespaceParams = z.object({ namespace: namespaceName });

export const createNamespaceBody = z.object({ namespace: namespaceName });
export type CreateNamespaceBody = z.infer<typeof createNamespaceBody>;

export const namespace = z.looseObject({
  id: z.int(),
  name: z.string(),
  creator_name: z.string(),
  auth: authLevel.describe("The caller's own permission on the organization."),
  access_user_count: z.int().optional().describe('Users granted a permission on it.'),
  repo_count: z.int().optional().describe('Repositories inside.'),
});
export type Namespace = z.infer<typeof namespace>;

export const namespaceOperations = {
  CreateNamespace: defineOperation({
    ...endpoints.CreateNamespace,
    summary: 'Create an organization (at most 5 per account; names are unique per region).',
    params: noParams,
    body: createNamespaceBody,
  }),
  ListNamespaces: defineOperation({
    ...endpoints.ListNamespaces,
    summary:
      'Organizations the caller holds a permission on; with filter mode::visible also those where only a repository grant exists.',
    params: noParams,
    query: z.object({
      namespace: namespaceName
        .optional()
        .describe('Only this organization (404 when it is not visible).'),
      mode: z
        .literal('visible')
        .optional()
        .describe(
          'Also organizations where the caller holds only repository grants (SWR reads it from filter).',
        ),
      filter: filterParam.optional().describe('namespace::{name}|mode::visible'),
    }),
    response: z.looseObject({ namespaces: z.array(namespace) }),
  }),
  ShowNamespace: defineOperation({
    ...endpoints.ShowNamespace,
    summary: 'One organization, with the caller’s permission on it.',
    params: namespaceParams,
    response: namespace,
  }),
  DeleteNamespaces: defineOperation({
    ...endpoints.DeleteNamespaces,
    summary: 'Delete an empty organization (406 while it holds repositories).',
    params: namespaceParams,
  }),
};
