import { z } from 'zod';
import { endpoints } from '../../wire/endpoints.js';
import { defineOperation, noParams } from '../operation.js';

export const projectParams = z.object({ project_id: z.string().min(1).max(64) });

/** A docker config: registry host → base64 of `user:password`. */
export const secretResponse = z.looseObject({
  auths: z.record(z.string(), z.looseObject({ auth: z.string() })),
});
export type SecretResponse = z.infer<typeof secretResponse>;

export const quota = z.looseObject({
  quota_key: z.string().describe('What is counted, e.g. namespace.'),
  quota_limit: z.number(),
  used: z.number(),
  unit: z.string(),
});
export type Quota = z.infer<typeof quota>;

/** Note the key `namspace_num`, misspelt as SWR spells it. */
export const domainOverview = z.looseObject({
  domain_id: z.string(),
  domain_name: z.string(),
  namspace_num: z.number(),
  repo_num: z.number(),
  image_num: z.number(),
  store_space: z.number().describe('Bytes stored.'),
  downflow_size: z.number().describe('Bytes downloaded.'),
});
export type DomainOverview = z.infer<typeof domainOverview>;

export const reportPoint = z.looseObject({ date: z.string(), value: z.number() });

export const featureGates = z.looseObject({
  enable_experience: z.boolean(),
  enable_hss_service: z.boolean(),
  enable_image_scan: z.boolean(),
  enable_sm3: z.boolean(),
  enable_image_sync: z.boolean(),
  enable_cci_service: z.boolean(),
  enable_image_label: z.boolean(),
  enable_pipeline: z.boolean(),
});
export type FeatureGates = z.infer<typeof featureGates>;

export const accountOperations = {
  CreateSecret: defineOperation({
    ...endpoints.CreateSecret,
    summary:
      'A temporary docker login; the full command comes in the X-Swr-Dockerlogin header, its expiry in X-Swr-Expireat.',
    params: noParams,
    query: z.object({
      projectname: z.string().optional().describe('Region project name, e.g. cn-north-4.'),
      duration_seconds: z
        .union([z.int(), z.string().regex(/^[0-9]+$/)])
        .transform(Number)
        .refine((s) => s >= 900 && s <= 86400, 'Between 15 minutes (900) and 24 hours (86400).')
        .optional(),
    }),
    response: secretResponse,
  }),
  ListQuotas: defineOperation({
    ...endpoints.ListQuotas,
    summary: 'Quotas of the account and how much of each is used.',
    params: projectParams,
    response: z.looseObject({ quotas: z.array(quota) }),
  }),
  ShowDomainOverview: defineOperation({
    ...endpoints.ShowDomainOverview,
    summary: 'Counts and storage of the account.',
    params: noParams,
    response: domainOverview,
  }),
  ShowDomainResourceReports: defineOperation({
    ...endpoints.ShowDomainResourceReports,
    summary: 'Daily storage or download figures of the account.',
    params: z.object({
      resource_type: z.enum(['store', 'downflow']),
      frequency: z.literal('daily'),
    }),
    response: z.array(reportPoint),
  }),
  ShowShareFeatureGates: defineOperation({
    ...endpoints.ShowShareFeatureGates,
    summary: 'Which optional features the service offers this project.',
    params: projectParams,
    response: featureGates,
  }),
};
