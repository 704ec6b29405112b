import { z } from 'zod';
import { endpoints } from '../../wire/endpoints.js';
import { POLICY_NAME_PATTERN } from '../../wire/patterns.js';
import { parseAuthHeader, webhookAddressProblem } from '../../rules/webhook-target.js';
import { decimal, defineOperation, orderType, timestamp } from '../operation.js';
import { enterpriseNamespaceParams, instanceParams, pagedQuery } from './enterprise.js';
import { executionStatus, signScopeRule } from './signing.js';

/**
 * Webhooks of an Enterprise namespace: on every push of a tag the scope rules select, a JSON event
 * is POSTed to each target, retried when the receiver fails, and each delivery kept as a job.
 */

export const MAX_WEBHOOK_TARGETS = 5;
export const webhookEventType = z.literal('PUSH_ARTIFACT', 'The only event is PUSH_ARTIFACT.');

export const webhookTarget = z
  .object({
    type: z.literal('http', 'The only target type is http.'),
    address: z.string().min(1, 'Enter the address to call.').max(512),
    auth_header: z.string().max(4096).optional(),
    skip_cert_verify: z.boolean().optional(),
    address_type: z.enum(['internal', 'internet']),
  })
  .superRefine((target, context) => {
    const problem = webhookAddressProblem(target.address, target.address_type);
    if (problem) context.addIssue({ code: 'custom', message: problem, path: ['address'] });
    const header = target.auth_header ? parseAuthHeader(target.auth_header) : undefined;
    if (header && 'problem' in header)
      context.addIssue({ code: 'custom', message: header.problem, path: ['auth_header'] });
  });
export type WebhookTarget = z.infer<typeof webhookTarget>;

const webhookFields = {
  name: z
    .string()
    .min(1, 'Enter a name.')
    .max(256, 'A name has at most 256 characters.')
    .regex(POLICY_NAME_PATTERN, 'Use letters, digits, Chinese characters, "_" and "-".'),
  description: z.string().max(1024, 'A description has at most 1024 characters.').optional(),
  targets: z
    .array(webhookTarget)
    .min(1, 'Add a target.')
    .max(MAX_WEBHOOK_TARGETS, `A webhook has at most ${MAX_WEBHOOK_TARGETS} targets.`),
  scope_rules: z.array(signScopeRule).min(1, 'Add a scope rule.').max(20),
  enabled: z.boolean(),
};
const eventTypes = z.array(webhookEventType).min(1, 'Pick an event.').max(1);

export const webhookBody = z.object({ ...webhookFields, event_types: eventTypes });
export type WebhookBody = z.infer<typeof webhookBody>;
export const webhookUpdateBody = z.object({ ...webhookFields, event_types: eventTypes.optional() });

export const webhookPolicy = z.looseObject({
  id: z.int(),
  name: z.string(),
  description: z.string(),
  targets: z.array(
    z.looseObject({
      type: z.string(),
      address: z.string(),
      auth_header: z.string().optional(),
      skip_cert_verify: z.boolean().optional(),
      address_type: z.string(),
    }),
  ),
  event_types: z.array(z.string()),
  enabled: z.boolean(),
  namespace_id: z.int(),
  namespace_name: z.string(),
  creator: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
  scope_rules: z.array(signScopeRule),
});
export type WebhookPolicy = z.infer<typeof webhookPolicy>;

/** One delivery of one event to one target; `job_detail` is JSON text (request and response). */
export const webhookJob = z.looseObject({
  id: z.int(),
  policy_id: z.int(),
  event_type: z.string(),
  notify_type: z.string(),
  status: executionStatus,
  status_text: z.string(),
  job_detail: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type WebhookJob = z.infer<typeof webhookJob>;

const policyParams = enterpriseNamespaceParams.extend({ policy_id: decimal });

export const enterpriseWebhookOperations = {
  CreateInstanceWebhook: defineOperation({
    ...endpoints.CreateInstanceWebhook,
    summary: 'Call addresses when images are pushed to the namespace.',
    params: enterpriseNamespaceParams,
    body: webhookBody,
    response: z.looseObject({ id: z.int() }),
  }),
  ListInstanceWebhooks: defineOperation({
    ...endpoints.ListInstanceWebhooks,
    summary: 'Webhooks of the instance, optionally of one namespace (by id).',
    params: instanceParams,
    query: pagedQuery({
      order_column: z.enum(['created_at', 'updated_at', 'name']).optional(),
      order_type: orderType.optional(),
      name: z.string().max(256).optional(),
      namespace_id: decimal.optional(),
    }),
    response: z.looseObject({ policies: z.array(webhookPolicy), total: z.int() }),
  }),
  ShowInstanceWebhook: defineOperation({
    ...endpoints.ShowInstanceWebhook,
    summary: 'One webhook.',
    params: policyParams,
    response: webhookPolicy,
  }),
  UpdateInstanceWebhook: defineOperation({
    ...endpoints.UpdateInstanceWebhook,
    summary: 'Replace a webhook; a target’s address cannot change.',
    params: policyParams,
    body: webhookUpdateBody,
  }),
  DeleteInstanceWebhook: defineOperation({
    ...endpoints.DeleteInstanceWebhook,
    summary: 'Delete a webhook and its delivery history.',
    params: policyParams,
  }),
  ListInstanceWebhookJobs: defineOperation({
    ...endpoints.ListInstanceWebhookJobs,
    summary: 'Deliveries of a webhook, newest first.',
    params: policyParams,
    query: pagedQuery({ status: executionStatus.optional() }),
    response: z.looseObject({ jobs: z.array(webhookJob), total: z.int() }),
  }),
};
