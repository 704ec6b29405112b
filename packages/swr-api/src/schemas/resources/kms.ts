import { z } from 'zod';
import { endpoints } from '../../wire/endpoints.js';
import { defineOperation } from '../operation.js';

/**
 * The key service (DEW KMS) as far as image signing needs it: create a signing key, list the keys,
 * read a key's public half. Private keys never leave the service. In Huawei Cloud it answers at
 * `kms.{region}.myhuaweicloud.com`; the sandbox answers the same paths on each region's SWR API.
 */

export const keySpec = z.enum(['EC_P256', 'EC_P384', 'SM2']);

const projectParams = z.object({ project_id: z.string().min(1) });

export const kmsKey = z.looseObject({
  key_id: z.string(),
  domain_id: z.string(),
  key_alias: z.string(),
  realm: z.string(),
  key_spec: z.string(),
  key_usage: z.string(),
  key_description: z.string(),
  creation_date: z.string().describe('Milliseconds since the epoch, as a string.'),
  scheduled_deletion_date: z.string(),
  key_state: z.string().describe('"2" enabled, "3" disabled, "4" pending deletion.'),
  default_key_flag: z.string(),
  key_type: z.string(),
  origin: z.string(),
});
export type KmsKey = z.infer<typeof kmsKey>;

export const kmsOperations = {
  CreateKey: defineOperation({
    ...endpoints.CreateKey,
    summary: 'Create a key; signing keys use key_usage SIGN_VERIFY.',
    params: projectParams,
    body: z.object({
      key_alias: z
        .string()
        .regex(/^[a-zA-Z0-9:/_-]{1,255}$/, 'Use 1–255 letters, digits, ":", "/", "_" or "-".'),
      key_spec: keySpec,
      key_usage: z.literal('SIGN_VERIFY'),
      key_description: z.string().max(255).optional(),
    }),
    response: z.looseObject({
      key_info: z.looseObject({ key_id: z.string(), domain_id: z.string() }),
    }),
  }),
  ListKeys: defineOperation({
    ...endpoints.ListKeys,
    summary: 'Keys of the account in this region, oldest first.',
    params: projectParams,
    body: z.object({
      limit: z
        .string()
        .regex(/^[1-9][0-9]{0,3}$/, 'limit is a whole number from 1 to 9999, as a string.')
        .optional(),
      marker: z
        .string()
        .regex(/^[0-9]*$/)
        .optional(),
      key_spec: z.string().optional(),
      key_state: z.string().optional(),
    }),
    response: z.looseObject({
      keys: z.array(z.string()),
      key_details: z.array(kmsKey),
      next_marker: z.string(),
      truncated: z.enum(['true', 'false']),
      total: z.int(),
    }),
  }),
  ShowPublicKey: defineOperation({
    ...endpoints.ShowPublicKey,
    summary: 'The public key of an asymmetric key, PEM-encoded.',
    params: projectParams,
    body: z.object({ key_id: z.string().min(1).max(64) }),
    response: z.looseObject({ key_id: z.string(), public_key: z.string() }),
  }),
};
