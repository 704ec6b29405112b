import { z } from 'zod';
import { endpoints } from '../../wire/endpoints.js';
import { decimal, defineOperation, filterParam, timestamp } from '../operation.js';
import { namespaceName, repositoryPathName } from '../names.js';
import { regexProblem } from '../../rules/regex.js';
import { repositoryParams } from './repositories.js';

export const retentionParams = z.object({
  namespace: namespaceName,
  repository: repositoryPathName,
  retention_id: decimal.describe('Retention rule id.'),
});

/** Tags a rule never touches: one exact tag (`label`) or every tag matching a regex (`regexp`). */
export const retentionTagSelector = z
  .object({
    kind: z.enum(['label', 'regexp']),
    pattern: z.string().min(1, 'Enter a tag or a pattern.').max(256),
  })
  .superRefine((selector, ctx) => {
    if (selector.kind !== 'regexp') return;
    const problem = regexProblem(selector.pattern);
    if (problem) ctx.addIssue({ code: 'custom', path: ['pattern'], message: problem });
  });
export type RetentionTagSelector = z.infer<typeof retentionTagSelector>;

const wholeNumber = (min: number, max: number, what: string) =>
  z
    .string()
    .regex(/^[0-9]+$/, `${what} is a whole number.`)
    .refine(
      (value) => Number(value) >= min && Number(value) <= max,
      `${what} is between ${min} and ${max}.`,
    );

/**
 * `date_rule` deletes tags last updated more than `days` ago; `tag_rule` keeps the `num` most
 * recently updated tags. The numbers travel as strings.
 */
export const retentionRule = z.discriminatedUnion('template', [
  z.object({
    template: z.literal('date_rule'),
    params: z.object({ days: wholeNumber(1, 365, 'The number of days') }),
    tag_selectors: z.array(retentionTagSelector).max(50),
  }),
  z.object({
    template: z.literal('tag_rule'),
    params: z.object({ num: wholeNumber(1, 1000, 'The number of tags') }),
    tag_selectors: z.array(retentionTagSelector).max(50),
  }),
]);
export type RetentionRule = z.infer<typeof retentionRule>;

export const retentionBody = z.object({
  algorithm: z.literal('or'),
  rules: z.array(retentionRule).length(1, 'A repository has exactly one retention rule.'),
});
export type RetentionBody = z.infer<typeof retentionBody>;

export const retention = z.looseObject({
  id: z.number(),
  algorithm: z.string(),
  rules: z.array(
    z.looseObject({
      template: z.string(),
      params: z.record(z.string(), z.string()),
      tag_selectors: z.array(z.looseObject({ kind: z.string(), pattern: z.string() })),
    }),
  ),
  scope: z.string(),
});
export type Retention = z.infer<typeof retention>;

export const retentionLog = z.looseObject({
  id: z.number(),
  retention_id: z.number(),
  namespace: z.string(),
  repo: z.string(),
  tag: z.string().describe('The tag that was deleted.'),
  rule_type: z.string().describe('The rule that deleted it, as JSON text.'),
  created_at: timestamp,
});
export type RetentionLog = z.infer<typeof retentionLog>;

export const retentionOperations = {
  CreateRetention: defineOperation({
    ...endpoints.CreateRetention,
    summary: 'Set the repository’s retention rule; it runs at once, and again after changes.',
    params: repositoryParams,
    body: retentionBody,
    response: z.looseObject({ id: z.number() }),
  }),
  ListRetentions: defineOperation({
    ...endpoints.ListRetentions,
    summary: 'The retention rule of a repository (an array of at most one).',
    params: repositoryParams,
    response: z.array(retention),
  }),
  ListRetentionHistories: defineOperation({
    ...endpoints.ListRetentionHistories,
    summary: 'Tags deleted by retention, newest first.',
    params: repositoryParams,
    query: z.object({
      limit: decimal.optional(),
      offset: decimal.optional(),
      filter: filterParam.optional().describe('limit::{n}|offset::{n}'),
    }),
    response: z.looseObject({ retention_log: z.array(retentionLog), total: z.number() }),
  }),
  ShowRetention: defineOperation({
    ...endpoints.ShowRetention,
    summary: 'One retention rule.',
    params: retentionParams,
    response: retention,
  }),
  UpdateRetention: defineOperation({
    ...endpoints.UpdateRetention,
    summary: 'Change a retention rule (same template); it runs again at once.',
    params: retentionParams,
    body: retentionBody,
  }),
  DeleteRetention: defineOperation({
    ...endpoints.DeleteRetention,
    summary: 'Remove a retention rule (400 SVCSTG.SWR.4000306 when there is none).',
    params: retentionParams,
  }),
};
