import { z } from 'zod';
import { endpoints } from '../../wire/endpoints.js';
import { POLICY_NAME_PATTERN } from '../../wire/patterns.js';
import { cronProblem } from '../../rules/cron.js';
import { decimal, defineOperation, orderType, timestamp } from '../operation.js';
import { instanceParams, pagedQuery } from './enterprise.js';
import { executionStatus, globPattern } from './signing.js';

/**
 * Replication of an Enterprise instance: target registries (another Enterprise instance, SWR
 * Basic, or a self-built Harbor or Distribution registry) and policies that push images to one of
 * them or pull from it, run by hand, on a schedule or on every push, followed as executions →
 * tasks (one per repository) → sub-tasks (one per tag). Shapes follow the official SDK's models.
 */

export const registryType = z.enum(['swr-pro', 'swr-pro-internal', 'huawei-SWR']);
export type RegistryType = z.infer<typeof registryType>;

const resourceName = (max: number) =>
  z
    .string()
    .min(1, 'Enter a name.')
    .max(max, `A name has at most ${max} characters.`)
    .regex(POLICY_NAME_PATTERN, 'Use letters, digits, Chinese characters, "_" and "-".');

const description = z.string().max(1024, 'A description has at most 1024 characters.').optional();

/** An http(s) address without user information, as a registry or webhook target is given. */
export const registryUrl = z
  .string()
  .min(1, 'Enter the registry address.')
  .max(512, 'An address has at most 512 characters.')
  .superRefine((value, context) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({
        code: 'custom',
        message: 'Enter a full address, e.g. https://host:5000.',
      });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      context.addIssue({ code: 'custom', message: 'Use an http:// or https:// address.' });
    else if (url.username || url.password)
      context.addIssue({
        code: 'custom',
        message: 'Give the user name and secret as the credential.',
      });
    else if (url.search || url.hash)
      context.addIssue({ code: 'custom', message: 'An address has no query or fragment.' });
  });

export const registryCredential = z.object({
  type: z.literal('basic', 'The only credential type is basic.'),
  access_key: z.string().max(256, 'A user name has at most 256 characters.'),
  access_secret: z.string().max(4096, 'A secret has at most 4096 characters.'),
});

export const registryBody = z
  .object({
    name: resourceName(64),
    description,
    type: registryType,
    project_id: z.string().max(64).optional(),
    region_id: z.string().max(64).optional(),
    instance_id: z.string().max(64).optional(),
    url: registryUrl,
    credential: registryCredential,
    dns_conf: z
      .object({ hosts: z.record(z.string().max(253), z.string().max(45)).optional() })
      .optional(),
    insecure: z.boolean(),
  })
  .superRefine((body, context) => {
    if (body.type !== 'swr-pro-internal') return;
    for (const key of ['project_id', 'region_id', 'instance_id'] as const)
      if (!body[key])
        context.addIssue({
          code: 'custom',
          message: `An Enterprise instance target needs its ${key}.`,
          path: [key],
        });
  });
export type RegistryBody = z.infer<typeof registryBody>;

export const registry = z.looseObject({
  id: z.int(),
  name: z.string(),
  description: z.string(),
  region_id: z.string(),
  instance_id: z.string(),
  type: z.string(),
  url: z.string(),
  credential: registryCredential
    .extend({ access_secret: z.string() })
    .optional()
    .describe('Absent when the registry is reached without a user name.'),
  insecure: z.boolean(),
  status: z.enum(['healthy', 'unhealthy']),
  status_text: z
    .string()
    .optional()
    .describe('swr-local’s own: why the last check of the registry failed.'),
  created_at: timestamp,
  updated_at: timestamp,
});
export type Registry = z.infer<typeof registry>;

export const triggerType = z.enum(['manual', 'scheduled', 'event_based']);

/** A trigger: by hand only, on a cron schedule (6 fields, seconds first, UTC), or on every push. */
export function triggerConfig<const T extends readonly [string, ...string[]]>(types: T) {
  return z
    .object({
      type: z.enum(types),
      trigger_settings: z.object({ cron: z.string().max(128).optional() }).optional(),
    })
    .superRefine((trigger, context) => {
      if (trigger.type !== 'scheduled') return;
      const cron = trigger.trigger_settings?.cron ?? '';
      const problem = cron ? cronProblem(cron) : 'A scheduled trigger needs a cron schedule.';
      if (problem)
        context.addIssue({ code: 'custom', message: problem, path: ['trigger_settings', 'cron'] });
    });
}

export const replicationFilter = z.object({
  type: z.enum(['name', 'tag']),
  value: globPattern,
});

const registryRef = z.object({ id: z.int().positive('Pick a registry.') });

export const replicationPolicyBody = z
  .object({
    name: resourceName(256),
    description,
    src_registry: registryRef.optional(),
    dest_registry: registryRef.optional(),
    dest_namespace: z
      .string()
      .max(255, 'A namespace has at most 255 characters.')
      .regex(/^([a-z0-9]+(?:[._-][a-z0-9]+)*(\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*)?$/, {
        message: 'Use a namespace name: lowercase letters, digits and ". _ -" between them.',
      })
      .optional(),
    filters: z.array(replicationFilter).max(2, 'Give at most a name and a tag filter.'),
    repo_scope_mode: z.enum(['regular', 'selection']),
    trigger: triggerConfig(['manual', 'scheduled', 'event_based']),
    override: z.boolean().optional(),
    enabled: z.boolean(),
  })
  .superRefine((body, context) => {
    if (!body.src_registry === !body.dest_registry)
      context.addIssue({
        code: 'custom',
        message: 'Give a source registry (pull) or a destination registry (push), not both.',
        path: ['dest_registry'],
      });
    if (body.src_registry && body.trigger.type === 'event_based')
      context.addIssue({
        code: 'custom',
        message: 'Pulling from another registry runs by hand or on a schedule, not on push.',
        path: ['trigger', 'type'],
      });
    const types = body.filters.map((filter) => filter.type);
    types.forEach((type, index) => {
      if (types.indexOf(type) !== index)
        context.addIssue({
          code: 'custom',
          message: `There is already a ${type} filter.`,
          path: ['filters', index, 'type'],
        });
    });
  });
export type ReplicationPolicyBody = z.infer<typeof replicationPolicyBody>;

export const replicationPolicy = z.looseObject({
  id: z.int(),
  name: z.string(),
  description: z.string(),
  src_registry: z.looseObject({ id: z.int() }).optional(),
  dest_registry: z.looseObject({ id: z.int() }).optional(),
  dest_namespace: z.string(),
  filters: z.array(z.looseObject({ type: z.string(), value: z.string() })),
  repo_scope_mode: z.string(),
  trigger: z.looseObject({
    type: triggerType,
    trigger_settings: z.looseObject({ cron: z.string().optional() }).optional(),
  }),
  override: z.boolean(),
  enabled: z.boolean(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type ReplicationPolicy = z.infer<typeof replicationPolicy>;

export const replicationExecution = z.looseObject({
  id: z.int(),
  policy_id: z.int(),
  status: executionStatus,
  status_text: z.string(),
  total: z.int(),
  failed: z.int(),
  succeed: z.int(),
  in_progress: z.int(),
  stopped: z.int(),
  trigger: triggerType,
  created_at: timestamp,
  updated_at: timestamp,
});
export type ReplicationExecution = z.infer<typeof replicationExecution>;

/** One repository of an execution. `StatusRevision` really is spelled so on the wire. */
export const replicationTask = z.looseObject({
  id: z.int(),
  execution_id: z.int(),
  resource_type: z.string(),
  src_resource: z.string(),
  dst_resource: z.string(),
  operation: z.string(),
  job_id: z.string(),
  status: executionStatus,
  StatusRevision: z.int(),
  start_time: timestamp,
  end_time: timestamp,
});
export type ReplicationTask = z.infer<typeof replicationTask>;

/** One tag copied (or not) by a task. */
export const replicationSubtask = z.looseObject({
  id: z.int(),
  job_id: z.string(),
  namespace: z.string(),
  repository: z.string(),
  tag: z.string(),
  digest: z.string(),
  status: executionStatus,
  status_text: z.string(),
  start_time: timestamp,
  end_time: timestamp,
});
export type ReplicationSubtask = z.infer<typeof replicationSubtask>;

const listQuery = <T extends z.ZodRawShape>(extra: T) =>
  pagedQuery({
    order_column: z.enum(['created_at', 'updated_at', 'name']).optional(),
    order_type: orderType.optional(),
    name: z.string().max(256).optional(),
    ...extra,
  });
const registryParams = instanceParams.extend({ registry_id: decimal });
const policyParams = instanceParams.extend({ policy_id: decimal });
const executionParams = instanceParams.extend({ execution_id: decimal });
const created = z.looseObject({ id: z.int() });

export const enterpriseReplicationOperations = {
  CreateInstanceRegistry: defineOperation({
    ...endpoints.CreateInstanceRegistry,
    summary: 'Add a registry to replicate to or from.',
    params: instanceParams,
    body: registryBody,
    response: created,
  }),
  ListInstanceRegistries: defineOperation({
    ...endpoints.ListInstanceRegistries,
    summary: 'Registries of the instance, with whether each answered its last check.',
    params: instanceParams,
    query: listQuery({ type: z.string().max(32).optional() }),
    response: z.looseObject({ registries: z.array(registry), total: z.int() }),
  }),
  ShowInstanceRegistry: defineOperation({
    ...endpoints.ShowInstanceRegistry,
    summary: 'One registry; its secret reads as *****.',
    params: registryParams,
    response: registry,
  }),
  UpdateInstanceRegistry: defineOperation({
    ...endpoints.UpdateInstanceRegistry,
    summary: 'Replace a registry; a secret of ***** keeps the stored one.',
    params: registryParams,
    body: registryBody,
  }),
  DeleteInstanceRegistry: defineOperation({
    ...endpoints.DeleteInstanceRegistry,
    summary: 'Remove a registry no replication policy uses.',
    params: registryParams,
  }),
  CreateInstanceReplicationPolicy: defineOperation({
    ...endpoints.CreateInstanceReplicationPolicy,
    summary: 'Replicate the matching repositories and tags to or from a registry.',
    params: instanceParams,
    body: replicationPolicyBody,
    response: created,
  }),
  ListInstanceReplicationPolicies: defineOperation({
    ...endpoints.ListInstanceReplicationPolicies,
    summary: 'Replication policies of the instance, optionally of one registry.',
    params: instanceParams,
    query: listQuery({ registry_id: decimal.optional() }),
    response: z.looseObject({ policies: z.array(replicationPolicy), total: z.int() }),
  }),
  ShowInstanceReplicationPolicy: defineOperation({
    ...endpoints.ShowInstanceReplicationPolicy,
    summary: 'One replication policy.',
    params: policyParams,
    response: replicationPolicy,
  }),
  UpdateInstanceReplicationPolicy: defineOperation({
    ...endpoints.UpdateInstanceReplicationPolicy,
    summary: 'Replace a replication policy.',
    params: policyParams,
    body: replicationPolicyBody,
  }),
  DeleteInstanceReplicationPolicy: defineOperation({
    ...endpoints.DeleteInstanceReplicationPolicy,
    summary: 'Delete a replication policy that is not running; its history goes with it.',
    params: policyParams,
  }),
  ExecuteInstanceReplicationPolicy: defineOperation({
    ...endpoints.ExecuteInstanceReplicationPolicy,
    summary: 'Run a replication policy now.',
    params: instanceParams,
    body: z.object({ policy_id: z.int().positive('Give a policy id.') }),
    response: created,
  }),
  ListInstanceReplicationPolicyExecutions: defineOperation({
    ...endpoints.ListInstanceReplicationPolicyExecutions,
    summary: 'Runs of the instance’s replication policies, newest first.',
    params: instanceParams,
    query: pagedQuery({ policy_id: decimal.optional() }),
    response: z.looseObject({ executions: z.array(replicationExecution), total: z.int() }),
  }),
  StopInstanceReplicationPolicyExecution: defineOperation({
    ...endpoints.StopInstanceReplicationPolicyExecution,
    summary: 'Stop a run: tags being copied finish or are abandoned, the rest are not started.',
    params: executionParams,
  }),
  ListInstanceReplicationPolicyExecTasks: defineOperation({
    ...endpoints.ListInstanceReplicationPolicyExecTasks,
    summary: 'The repositories of a run.',
    params: executionParams,
    query: pagedQuery({}),
    response: z.looseObject({ tasks: z.array(replicationTask), total: z.int() }),
  }),
  ListInstanceReplicationPolicyExecSubTasks: defineOperation({
    ...endpoints.ListInstanceReplicationPolicyExecSubTasks,
    summary: 'The tags of one repository of a run.',
    params: executionParams.extend({ task_id: decimal }),
    query: pagedQuery({ status: executionStatus.optional() }),
    response: z.looseObject({ subtasks: z.array(replicationSubtask), total: z.int() }),
  }),
};
