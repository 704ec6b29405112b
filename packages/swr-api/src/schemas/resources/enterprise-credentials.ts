import { z } from 'zod';
import { endpoints } from '../../wire/endpoints.js';
import { LT_CREDENTIAL_NAME_PATTERN } from '../../wire/patterns.js';
import { decimal, defineOperation, timestamp } from '../operation.js';
import { ENTERPRISE_MAX_PAGE_SIZE, instanceParams } from './enterprise.js';

/**
 * Long-term credentials of an Enterprise instance: a docker login that does not expire, whose
 * secret is shown once at creation, that can be disabled and deleted; and the instance's counts
 * against its quotas.
 */

export const MAX_LT_CREDENTIALS = 100;

export const ltCredentialBody = z.object({
  name: z
    .string()
    .min(1, 'Enter a name.')
    .max(64, 'A name has at most 64 characters.')
    .regex(
      LT_CREDENTIAL_NAME_PATTERN,
      'Use lowercase letters and digits, with single ".", "_" or "-" between them.',
    ),
});

export const createdLtCredential = z.looseObject({
  auth_token: z.string().describe('The secret (docker login password), answered only here.'),
  user_id: z.string().describe('The docker login user name.'),
  token_id: z.string(),
  created_at: timestamp,
  expire_date: z.string().describe('Empty: a long-term credential does not expire.'),
});
export type CreatedLtCredential = z.infer<typeof createdLtCredential>;

export const ltCredential = z.looseObject({
  name: z.string(),
  token_id: z.string(),
  user_id: z.string(),
  instance_id: z.string(),
  enable: z.boolean(),
  created_at: timestamp,
  expire_date: z.string(),
  user_profile: z.string().describe('What the credential may do: the rights of its user.'),
  last_used_at: timestamp
    .optional()
    .describe('swr-local’s own field: the last docker login with it; absent when never used.'),
});
export type LtCredential = z.infer<typeof ltCredential>;

const limit = decimal.pipe(
  z.number().min(1, 'limit is at least 1.').max(ENTERPRISE_MAX_PAGE_SIZE, 'limit is at most 100.'),
);

export const instanceStatistics = z.looseObject({
  storage_used: z.int().describe('Bytes of the registry’s blobs.'),
  total_namespace_count: z.int(),
  total_image_count: z.int(),
  namespace_quota: z.int(),
  image_repo_quota: z.int(),
  replica_policy_quota: z.int(),
  retention_policy_quota: z.int(),
  notify_policy_quota: z.int(),
  replica_registry_quota: z.int(),
  sign_policy_quota: z.int(),
  replica_policy_count: z.int(),
  retention_policy_count: z.int(),
  notify_policy_count: z.int(),
  replica_registry_count: z.int(),
  intranet_endpoint_quota: z.int(),
  intranet_endpoint_count: z.int(),
  long_term_quota: z.int(),
  sign_policy_count: z.int(),
});
export type InstanceStatistics = z.infer<typeof instanceStatistics>;

const credentialParams = instanceParams.extend({
  credential_id: z.string().min(1).max(64),
});

export const enterpriseCredentialOperations = {
  CreateInstanceLtCredential: defineOperation({
    ...endpoints.CreateInstanceLtCredential,
    summary: 'A docker login that does not expire; the secret is answered once, here.',
    params: instanceParams,
    body: ltCredentialBody,
    response: createdLtCredential,
  }),
  ListInstanceLtCredentials: defineOperation({
    ...endpoints.ListInstanceLtCredentials,
    summary: 'Your long-term credentials (self_only=false: everyone’s, for administrators).',
    params: instanceParams,
    query: z
      .object({
        offset: decimal.optional(),
        limit: limit.optional(),
        self_only: z.enum(['true', 'false']).optional(),
      })
      .refine(({ offset, limit = ENTERPRISE_MAX_PAGE_SIZE }) => !offset || offset % limit === 0, {
        message: 'offset must be 0 or a multiple of limit.',
        path: ['offset'],
      }),
    response: z.looseObject({ auth_tokens: z.array(ltCredential), total: z.int() }),
  }),
  UpdateInstanceLtCredential: defineOperation({
    ...endpoints.UpdateInstanceLtCredential,
    summary: 'Enable or disable a long-term credential.',
    params: credentialParams,
    body: z.object({ enable: z.boolean('Say whether the credential is enabled.') }),
  }),
  DeleteInstanceLtCredential: defineOperation({
    ...endpoints.DeleteInstanceLtCredential,
    summary: 'Delete a long-term credential: logins with it stop at once.',
    params: credentialParams,
  }),
  ListInstanceStatistics: defineOperation({
    ...endpoints.ListInstanceStatistics,
    summary: 'What the instance holds, against its quotas.',
    params: instanceParams,
    response: instanceStatistics,
  }),
};
