import { z } from 'zod';
import { endpoints } from '../../wire/endpoints.js';
import { decimal, defineOperation, timestamp } from '../operation.js';
import { globProblem, MAX_GLOB_LENGTH } from '../../rules/glob.js';
import { POLICY_NAME_PATTERN } from '../../wire/patterns.js';
import { extrasProblem } from '../../rules/signing-scope.js';
import { enterpriseNamespaceParams, instanceParams, pagedQuery } from './enterprise.js';

/**
 * Image signing policies of an Enterprise namespace: a key from the key service, a trigger (manual,
 * or also on every push), and scope rules choosing repositories and tags by doublestar glob.
 */

export const globPattern = z
  .string()
  .min(1, 'Enter a pattern.')
  .max(MAX_GLOB_LENGTH, `A pattern has at most ${MAX_GLOB_LENGTH} characters.`)
  .superRefine((pattern, context) => {
    const problem = globProblem(pattern);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

const extras = z
  .string()
  .optional()
  .superRefine((value, context) => {
    const problem = extrasProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

export const repositorySelector = z.object({
  kind: z.literal('doublestar'),
  decoration: z.literal('repoMatches'),
  pattern: globPattern,
  extras,
});

export const tagSelector = z.object({
  kind: z.literal('doublestar'),
  decoration: z.enum(['matches', 'excludes']),
  pattern: globPattern,
  extras,
});

export const signScopeRule = z.object({
  repo_scope_mode: z.enum(['regular', 'selection']),
  scope_selectors: z.object({
    repository: z.array(repositorySelector).length(1, 'Give exactly one repository selector.'),
  }),
  tag_selectors: z.array(tagSelector).length(1, 'Give exactly one tag selector.'),
});

export const signTrigger = z.object({
  type: z.enum(['manual', 'event_based']),
  trigger_settings: z.looseObject({ cron: z.string().optional() }).optional(),
});

export const signatureAlgorithm = z.enum(['ECDSA_SHA_256', 'ECDSA_SHA_384', 'SM2DSA_SM3']);

export const signPolicyBody = z.object({
  name: z
    .string()
    .min(1, 'Enter a name.')
    .max(256, 'A name has at most 256 characters.')
    .regex(POLICY_NAME_PATTERN, 'Use letters, digits, Chinese characters, "_" and "-".'),
  description: z.string().max(1024, 'A description has at most 1024 characters.').optional(),
  enabled: z.boolean(),
  signature_method: z.literal('KMS'),
  signature_algorithm: signatureAlgorithm,
  signature_key: z.string().min(1, 'Pick a key.').max(128),
  trigger: signTrigger,
  scope_rules: z.array(signScopeRule).min(1, 'Add at least one scope rule.').max(20),
});
export type SignPolicyBody = z.infer<typeof signPolicyBody>;

export const signPolicy = z.looseObject({
  id: z.int(),
  name: z.string(),
  description: z.string(),
  namespace_id: z.int(),
  namespace_name: z.string(),
  trigger: z.looseObject({
    type: z.enum(['manual', 'scheduled', 'event_based']),
    trigger_settings: z.looseObject({ cron: z.string().optional() }).optional(),
  }),
  creator: z.string(),
  enabled: z.boolean(),
  scope_rules: z.array(signScopeRule),
  created_at: timestamp,
  updated_at: timestamp,
  signature_algorithm: z.string(),
  signature_key: z.string(),
  signature_method: z.string(),
});
export type SignPolicy = z.infer<typeof signPolicy>;

export const executionStatus = z.enum([
  'Initialized',
  'Pending',
  'InProgress',
  'Succeed',
  'Failed',
  'Stopped',
]);

export const signExecution = z.looseObject({
  id: z.int(),
  policy_id: z.int(),
  status: executionStatus,
  status_text: z.string(),
  total: z.int(),
  failed: z.int(),
  succeed: z.int(),
  in_progress: z.int(),
  stopped: z.int(),
  trigger: z.enum(['manual', 'scheduled', 'event_based']),
  created_at: timestamp,
  updated_at: timestamp,
});
export type SignExecution = z.infer<typeof signExecution>;

export const signTask = z.looseObject({
  id: z.int(),
  execution_id: z.int(),
  job_id: z.string(),
  status: executionStatus,
  status_text: z.string(),
  namespace: z.string(),
  repository: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
});

export const signSubtask = z.looseObject({
  id: z.int(),
  job_id: z.string(),
  namespace: z.string(),
  repository: z.string(),
  tags: z.string().describe('The tags that selected the artifact, comma-separated.'),
  digest: z.string(),
  status: executionStatus,
  status_text: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type SignSubtask = z.infer<typeof signSubtask>;

const policyParams = enterpriseNamespaceParams.extend({
  policy_id: decimal.describe('Policy id.'),
});
const executionParams = policyParams.extend({ execution_id: decimal });
const pageQuery = pagedQuery({});

export const signingOperations = {
  ListInstanceSignPolicies: defineOperation({
    ...endpoints.ListInstanceSignPolicies,
    summary: 'Signing policies of every namespace of the instance.',
    params: instanceParams,
    query: pageQuery,
    response: z.looseObject({ policies: z.array(signPolicy), total: z.int() }),
  }),
  CreateInstanceSignPolicy: defineOperation({
    ...endpoints.CreateInstanceSignPolicy,
    summary:
      'Create a signing policy (names unique per namespace; the key must suit the algorithm).',
    params: enterpriseNamespaceParams,
    body: signPolicyBody,
    response: z.looseObject({ id: z.int() }),
  }),
  ShowInstanceSignPolicy: defineOperation({
    ...endpoints.ShowInstanceSignPolicy,
    summary: 'One signing policy.',
    params: policyParams,
    response: signPolicy,
  }),
  UpdateInstanceSignPolicy: defineOperation({
    ...endpoints.UpdateInstanceSignPolicy,
    summary: 'Replace a signing policy.',
    params: policyParams,
    body: signPolicyBody,
  }),
  DeleteInstanceSignPolicy: defineOperation({
    ...endpoints.DeleteInstanceSignPolicy,
    summary: 'Delete a signing policy; signatures it made stay.',
    params: policyParams,
  }),
  ExecuteInstanceSignPolicy: defineOperation({
    ...endpoints.ExecuteInstanceSignPolicy,
    summary: 'Sign every artifact the policy selects now; answers the execution id.',
    params: policyParams,
    response: z.looseObject({ id: z.int() }),
  }),
  ListInstanceSignPolicyExecutions: defineOperation({
    ...endpoints.ListInstanceSignPolicyExecutions,
    summary: 'Executions of a policy, newest first.',
    params: policyParams,
    query: pageQuery,
    response: z.looseObject({ executions: z.array(signExecution), total: z.int() }),
  }),
  ListInstanceSignPolicyExecTasks: defineOperation({
    ...endpoints.ListInstanceSignPolicyExecTasks,
    summary: 'Tasks of an execution, one per repository.',
    params: executionParams,
    query: pageQuery,
    response: z.looseObject({ tasks: z.array(signTask), total: z.int() }),
  }),
  ListInstanceSignatureExecutionSubtasks: defineOperation({
    ...endpoints.ListInstanceSignatureExecutionSubtasks,
    summary: 'Subtasks of a task, one per artifact signed.',
    params: executionParams.extend({ task_id: decimal }),
    query: pagedQuery({ status: executionStatus.optional() }),
    response: z.looseObject({ sub_tasks: z.array(signSubtask), total: z.int() }),
  }),
};
