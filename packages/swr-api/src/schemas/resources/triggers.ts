import { z } from 'zod';
import { endpoints } from '../../wire/endpoints.js';
import { defineOperation, timestamp } from '../operation.js';
import { namespaceName, repositoryPathName } from '../names.js';
import { TAG_PATTERN } from '../../wire/patterns.js';
import { regexProblem } from '../../rules/regex.js';
import { repositoryParams } from './repositories.js';

export const triggerParams = z.object({
  namespace: namespaceName,
  repository: repositoryPathName,
  trigger: z.string().min(1).max(64),
});

const k8sName = z
  .string()
  .min(1)
  .max(63)
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    'Use a Kubernetes name: lower-case letters, digits and "-".',
  );

export const createTriggerBody = z
  .object({
    name: z
      .string()
      .regex(
        /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
        'Start with a letter; use letters, digits, "_" or "-"; at most 64 characters.',
      ),
    action: z.literal('update'),
    app_type: z.enum(['deployments', 'statefulsets']),
    application: k8sName.describe('Workload name.'),
    cluster_id: z.string().optional(),
    cluster_name: z.string().optional(),
    cluster_ns: k8sName.describe('Kubernetes namespace of the workload.'),
    condition: z.string().min(1, 'Enter a condition.'),
    container: z
      .string()
      .optional()
      .describe('Container to update; empty for every container using the image.'),
    enable: z.enum(['true', 'false']).describe('A string, as SWR has it.'),
    trigger_mode: z.enum(['cce', 'cci']).optional(),
    trigger_type: z.enum(['all', 'tag', 'regular']),
  })
  .superRefine((body, ctx) => {
    const issue = (message: string) =>
      ctx.addIssue({ code: 'custom', path: ['condition'], message });
    if (body.trigger_type === 'all' && body.condition !== '.*')
      issue('For every tag the condition is ".*".');
    if (
      body.trigger_type === 'tag' &&
      !body.condition.split(';').every((tag) => TAG_PATTERN.test(tag))
    ) {
      issue('List tags separated by ";".');
    }
    if (body.trigger_type === 'regular') {
      const problem = regexProblem(body.condition);
      if (problem) issue(problem);
    }
    if ((body.trigger_mode ?? 'cce') === 'cce' && !body.cluster_id && !body.cluster_name) {
      ctx.addIssue({ code: 'custom', path: ['cluster_name'], message: 'Pick the CCE cluster.' });
    }
  });
export type CreateTriggerBody = z.infer<typeof createTriggerBody>;

export const updateTriggerBody = z.object({ enable: z.enum(['true', 'false']) });

export const triggerHistory = z.looseObject({
  action: z.string(),
  app_type: z.string(),
  application: z.string(),
  cluster_id: z.string(),
  cluster_name: z.string(),
  cluster_ns: z.string(),
  condition: z.string(),
  container: z.string(),
  created_at: timestamp,
  creator_name: z.string(),
  detail: z.string(),
  result: z.string(),
  tag: z.string(),
});

export const trigger = z.looseObject({
  name: z.string(),
  action: z.string(),
  app_type: z.string(),
  application: z.string(),
  cluster_id: z.string(),
  cluster_name: z.string(),
  cluster_ns: z.string(),
  condition: z.string(),
  container: z.string(),
  enable: z.string(),
  trigger_mode: z.string(),
  trigger_type: z.string(),
  created_at: timestamp,
  creator_name: z.string(),
  trigger_history: z.array(triggerHistory),
});
export type Trigger = z.infer<typeof trigger>;

export const triggerOperations = {
  CreateTrigger: defineOperation({
    ...endpoints.CreateTrigger,
    summary: 'Roll a workload to each new image pushed that matches the condition.',
    params: repositoryParams,
    body: createTriggerBody,
  }),
  ListTriggersDetails: defineOperation({
    ...endpoints.ListTriggersDetails,
    summary: 'Triggers of a repository with their history.',
    params: repositoryParams,
    response: z.array(trigger),
  }),
  ShowTrigger: defineOperation({
    ...endpoints.ShowTrigger,
    summary: 'One trigger.',
    params: triggerParams,
    response: trigger,
  }),
  UpdateTrigger: defineOperation({
    ...endpoints.UpdateTrigger,
    summary: 'Switch a trigger on or off.',
    params: triggerParams,
    body: updateTriggerBody,
  }),
  DeleteTrigger: defineOperation({
    ...endpoints.DeleteTrigger,
    summary: 'Delete a trigger.',
    params: triggerParams,
  }),
};

/**
 * Whether a pushed tag fires a trigger: every tag for `all`, a listed tag (`;`-separated) for
 * `tag`, a whole-name match of the regex for `regular`.
 */
export function triggerMatches(triggerType: string, condition: string, tag: string): boolean {
  if (triggerType === 'all') return true;
  if (triggerType === 'tag') return condition.split(';').includes(tag);
  if (triggerType === 'regular') {
    try {
      return new RegExp(`^(?:${condition})$`).test(tag);
    } catch {
      return false;
    }
  }
  return false;
}
