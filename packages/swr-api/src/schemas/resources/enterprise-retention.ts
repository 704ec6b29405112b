import { z } from 'zod';
import { endpoints } from '../../wire/endpoints.js';
import { POLICY_NAME_PATTERN } from '../../wire/patterns.js';
import { retentionRuleProblems } from '../../rules/enterprise-retention.js';
import { decimal, defineOperation, timestamp } from '../operation.js';
import { enterpriseNamespaceParams, instanceParams, pagedQuery } from './enterprise.js';
import { triggerConfig } from './enterprise-replication.js';
import { executionStatus, globPattern } from './signing.js';

/**
 * Retention policies of an Enterprise namespace: one policy per namespace, up to 15 rules OR-ed
 * together, each retaining by a template (latest pushed K, latest pulled N, N days since the last
 * push or pull) the tags its selectors pick; every other tag of a repository a rule scopes is
 * deleted, immutable tags excepted. Runs by hand or on a schedule, for real or as a dry run.
 */

export const MAX_RETENTION_RULES = 15;

export const retentionTemplate = z.enum([
  'latestPushedK',
  'latestPulledN',
  'nDaysSinceLastPush',
  'nDaysSinceLastPull',
]);
export type RetentionTemplate = z.infer<typeof retentionTemplate>;

const selector = <T extends readonly [string, ...string[]]>(decorations: T) =>
  z.object({
    kind: z.literal('doublestar', 'The only selector kind is doublestar.'),
    decoration: z.enum(decorations),
    pattern: globPattern,
    extras: z.string().max(1024).optional(),
  });

export const enterpriseRetentionRule = z
  .object({
    priority: z.int().min(0).max(1000).optional(),
    disabled: z.boolean().optional(),
    action: z.literal('retain', 'The only action is retain.'),
    template: retentionTemplate,
    params: z.record(z.string(), z.unknown()),
    tag_selectors: z
      .array(selector(['matches', 'excludes']))
      .length(1, 'Give exactly one tag selector.'),
    scope_selectors: z.strictObject(
      {
        repository: z
          .array(selector(['repoMatches', 'repoExcludes']))
          .length(1, 'Give exactly one repository selector.'),
      },
      'The only scope is "repository".',
    ),
    repo_scope_mode: z.enum(['regular', 'selection']),
  })
  .superRefine((rule, context) => {
    for (const problem of retentionRuleProblems(rule))
      if (problem.path.startsWith('params'))
        context.addIssue({
          code: 'custom',
          message: problem.message,
          path: problem.path.split('.'),
        });
  });
export type EnterpriseRetentionRuleBody = z.infer<typeof enterpriseRetentionRule>;

export const retentionPolicyBody = z.object({
  name: z
    .string()
    .min(1, 'Enter a name.')
    .max(256, 'A name has at most 256 characters.')
    .regex(POLICY_NAME_PATTERN, 'Use letters, digits, Chinese characters, "_" and "-".'),
  algorithm: z.literal('or', 'The only algorithm is "or".'),
  enabled: z.boolean(),
  rules: z
    .array(enterpriseRetentionRule)
    .min(1, 'Add at least one rule.')
    .max(MAX_RETENTION_RULES, `A policy has at most ${MAX_RETENTION_RULES} rules.`),
  trigger: triggerConfig(['manual', 'scheduled']),
});
export type RetentionPolicyBody = z.infer<typeof retentionPolicyBody>;

const ruleAnswer = z.looseObject({
  id: z.int(),
  priority: z.int(),
  disabled: z.boolean(),
  action: z.string(),
  template: z.string(),
  params: z.record(z.string(), z.unknown()),
  tag_selectors: z.array(z.looseObject({ decoration: z.string(), pattern: z.string() })),
  scope_selectors: z.record(
    z.string(),
    z.array(z.looseObject({ decoration: z.string(), pattern: z.string() })),
  ),
  repo_scope_mode: z.string(),
});

export const retentionPolicy = z.looseObject({
  id: z.int(),
  name: z.string(),
  algorithm: z.string(),
  enabled: z.boolean(),
  rules: z.array(ruleAnswer),
  trigger: z.looseObject({
    type: z.enum(['manual', 'scheduled']),
    trigger_settings: z.looseObject({ cron: z.string().optional() }).optional(),
  }),
  namespace_id: z.int(),
  namespace_name: z.string(),
});
export type RetentionPolicy = z.infer<typeof retentionPolicy>;

export const retentionExecution = z.looseObject({
  id: z.int(),
  policy_id: z.int(),
  dry_run: z.boolean(),
  status: z.enum(['InProgress', 'Succeed', 'Failed', 'Stopped']),
  trigger: z.enum(['manual', 'scheduled']),
  start_time: timestamp,
  end_time: timestamp.describe('Empty while the run goes on.'),
});
export type RetentionExecution = z.infer<typeof retentionExecution>;

/** One repository of a run: how many tags it considered and kept. */
export const retentionTask = z.looseObject({
  id: z.int(),
  execution_id: z.int(),
  repository: z.string(),
  job_id: z.string(),
  status: executionStatus,
  status_code: z.int(),
  status_revision: z.int(),
  start_time: timestamp,
  end_time: timestamp,
  total: z.int(),
  retained: z.int(),
});
export type RetentionTask = z.infer<typeof retentionTask>;

/** One tag a run deleted, or in a dry run would have deleted. */
export const retentionSubtask = z.looseObject({
  id: z.int(),
  job_id: z.int(),
  namespace: z.string(),
  repository: z.string(),
  tag: z.string(),
  digest: z.string(),
  action: z.literal('DEL'),
  status: executionStatus,
  status_text: z.string(),
  op_time: timestamp,
});
export type RetentionSubtask = z.infer<typeof retentionSubtask>;

const policyParams = enterpriseNamespaceParams.extend({ policy_id: decimal });
const executionParams = policyParams.extend({ execution_id: decimal });
const created = z.looseObject({ id: z.int() });

export const enterpriseRetentionOperations = {
  CreateInstanceRetentionPolicy: defineOperation({
    ...endpoints.CreateInstanceRetentionPolicy,
    summary: 'Give a namespace its retention policy (one per namespace).',
    params: enterpriseNamespaceParams,
    body: retentionPolicyBody,
    response: created,
  }),
  ListInstanceRetentionPolicies: defineOperation({
    ...endpoints.ListInstanceRetentionPolicies,
    summary: 'Retention policies of the instance, optionally of one namespace (by id).',
    params: instanceParams,
    query: pagedQuery({ name: z.string().max(256).optional(), namespace_id: decimal.optional() }),
    response: z.looseObject({ retentions: z.array(retentionPolicy), total: z.int() }),
  }),
  ShowInstanceRetentionPolicy: defineOperation({
    ...endpoints.ShowInstanceRetentionPolicy,
    summary: 'One retention policy.',
    params: policyParams,
    response: retentionPolicy,
  }),
  UpdateInstanceRetentionPolicy: defineOperation({
    ...endpoints.UpdateInstanceRetentionPolicy,
    summary: 'Replace a retention policy.',
    params: policyParams,
    body: retentionPolicyBody,
  }),
  DeleteInstanceRetentionPolicy: defineOperation({
    ...endpoints.DeleteInstanceRetentionPolicy,
    summary: 'Delete a retention policy that is not running; its history goes with it.',
    params: policyParams,
  }),
  ExecuteInstanceRetentionPolicy: defineOperation({
    ...endpoints.ExecuteInstanceRetentionPolicy,
    summary:
      'Run a retention policy now; a dry run lists what it would delete and deletes nothing.',
    params: policyParams,
    body: z.object({ dry_run: z.boolean('Say whether this is a dry run.') }),
    response: created,
  }),
  ListInstanceRetentionPolicyExecutions: defineOperation({
    ...endpoints.ListInstanceRetentionPolicyExecutions,
    summary: 'Runs of a retention policy, newest first.',
    params: policyParams,
    query: pagedQuery({}),
    response: z.looseObject({ executions: z.array(retentionExecution), total: z.int() }),
  }),
  ListInstanceRetentionPolicyExecTasks: defineOperation({
    ...endpoints.ListInstanceRetentionPolicyExecTasks,
    summary: 'The repositories of a run.',
    params: executionParams,
    query: pagedQuery({ status: executionStatus.optional() }),
    response: z.looseObject({ tasks: z.array(retentionTask), total: z.int() }),
  }),
  ListInstanceRetentionPolicyExecSubTasks: defineOperation({
    ...endpoints.ListInstanceRetentionPolicyExecSubTasks,
    summary: 'The tags one repository of a run deleted (or would delete).',
    params: executionParams.extend({ task_id: decimal }),
    query: pagedQuery({ status: executionStatus.optional() }),
    response: z.looseObject({ sub_tasks: z.array(retentionSubtask), total: z.int() }),
  }),
};
