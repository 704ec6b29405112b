import { z } from 'zod';
import { endpoints } from '../../wire/endpoints.js';
import { authLevel, defineOperation } from '../operation.js';
import { namespaceParams } from './namespaces.js';
import { repositoryParams } from './repositories.js';

export const userAuth = z.object({
  user_id: z.string().min(1, 'Pick a user.').describe('IAM user id.'),
  user_name: z.string().min(1).describe('IAM user name.'),
  auth: authLevel,
});
export type UserAuth = z.infer<typeof userAuth>;

/** Grants travel as a bare JSON array of users; one user may appear once. */
export const userAuthList = z
  .array(userAuth)
  .min(1, 'Grant to at least one user.')
  .refine((list) => new Set(list.map((u) => u.user_id)).size === list.length, {
    message: 'A user appears twice.',
  });

/** Revocations travel as a bare JSON array of IAM user ids. */
export const userIdList = z.array(z.string().min(1)).min(1, 'Pick at least one user.');

export const namespaceAuth = z.looseObject({
  id: z.number(),
  name: z.string(),
  creator_name: z.string(),
  self_auth: userAuth,
  others_auths: z.array(userAuth),
});
export type NamespaceAuth = z.infer<typeof namespaceAuth>;

export const repositoryAuth = z.looseObject({
  id: z.number(),
  name: z.string(),
  self_auth: userAuth,
  others_auths: z.array(userAuth),
});
export type RepositoryAuth = z.infer<typeof repositoryAuth>;

export const permissionOperations = {
  CreateNamespaceAuth: defineOperation({
    ...endpoints.CreateNamespaceAuth,
    summary: 'Grant users a permission on an organization (409 when one of them already has one).',
    params: namespaceParams,
    body: userAuthList,
  }),
  UpdateNamespaceAuth: defineOperation({
    ...endpoints.UpdateNamespaceAuth,
    summary: 'Change users’ permissions on an organization.',
    params: namespaceParams,
    body: userAuthList,
  }),
  DeleteNamespaceAuth: defineOperation({
    ...endpoints.DeleteNamespaceAuth,
    summary: 'Revoke users’ permissions on an organization (user ids in the body).',
    params: namespaceParams,
    body: userIdList,
  }),
  ShowNamespaceAuth: defineOperation({
    ...endpoints.ShowNamespaceAuth,
    summary: 'Who holds which permission on an organization.',
    params: namespaceParams,
    response: namespaceAuth,
  }),
  CreateUserRepositoryAuth: defineOperation({
    ...endpoints.CreateUserRepositoryAuth,
    summary: 'Grant users a permission on one repository.',
    params: repositoryParams,
    body: userAuthList,
  }),
  UpdateUserRepositoryAuth: defineOperation({
    ...endpoints.UpdateUserRepositoryAuth,
    summary: 'Change users’ permissions on one repository.',
    params: repositoryParams,
    body: userAuthList,
  }),
  DeleteUserRepositoryAuth: defineOperation({
    ...endpoints.DeleteUserRepositoryAuth,
    summary: 'Revoke users’ permissions on one repository (user ids in the body).',
    params: repositoryParams,
    body: userIdList,
  }),
  ShowUserRepositoryAuth: defineOperation({
    ...endpoints.ShowUserRepositoryAuth,
    summary: 'Who holds which permission on one repository.',
    params: repositoryParams,
    response: repositoryAuth,
  }),
};
