import { z } from 'zod';
import { endpoints } from '../../wire/endpoints.js';
import { defineOperation, filterParam, timestamp } from '../operation.js';
import { namespaceName, tagName } from '../names.js';
import { parseFilter } from '../../rules/filter.js';
import { repositoryParams } from './repositories.js';

export const regionId = z
  .string()
  .regex(/^[a-z]{2}(?:-[a-z]+)+-[0-9]+$/, 'Not a region id such as cn-north-4.')
  .describe('Region id, e.g. cn-north-4.');

/** The sync APIs use camel-case keys, unlike the rest of SWR. */
export const createAutoSyncBody = z.object({
  remoteRegionId: regionId,
  remoteNamespace: namespaceName,
  syncAuto: z.boolean().optional().describe('Reserved; clients send true.'),
  override: z
    .boolean()
    .optional()
    .describe('Replace a same-named image with different content in the target (default false).'),
});
export type CreateAutoSyncBody = z.infer<typeof createAutoSyncBody>;

export const deleteAutoSyncBody = z.object({
  remoteRegionId: regionId,
  remoteNamespace: namespaceName,
});
export type DeleteAutoSyncBody = z.infer<typeof deleteAutoSyncBody>;

export const manualSyncBody = z.object({
  imageTag: z
    .array(tagName)
    .min(1, 'Pick at least one tag.')
    .refine((tags) => new Set(tags).size === tags.length, { message: 'A tag appears twice.' }),
  remoteRegionId: regionId,
  remoteNamespace: namespaceName,
  override: z.boolean().optional(),
});
export type ManualSyncBody = z.infer<typeof manualSyncBody>;

export const autoSyncTask = z.looseObject({
  id: z.number(),
  domainID: z.string(),
  domainName: z.string(),
  namespace: z.string(),
  repoName: z.string(),
  remoteRegionId: z.string(),
  remoteNamespace: z.string(),
  syncAuto: z.boolean(),
  override: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type AutoSyncTask = z.infer<typeof autoSyncTask>;

export const syncJobStatus = z.enum([
  'waiting',
  'running',
  'success',
  'failed',
  'timeout',
  'cancel',
  'existed',
]);
export type SyncJobStatus = z.infer<typeof syncJobStatus>;

export const syncJob = z.looseObject({
  id: z.number(),
  domainID: z.string(),
  domainName: z.string(),
  namespace: z.string(),
  repoName: z.string(),
  tag: z.string(),
  remoteRegionId: z.string(),
  remoteNamespace: z.string(),
  override: z.boolean(),
  status: syncJobStatus,
  syncOperatorId: z.string(),
  syncOperatorName: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type SyncJob = z.infer<typeof syncJob>;

/** The job list takes paging only through `filter`, and there `limit` and `offset` are required. */
export const syncJobFilter = filterParam.superRefine((value, ctx) => {
  let parsed: Record<string, string>;
  try {
    parsed = parseFilter(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return;
  }
  for (const key of ['limit', 'offset']) {
    if (!/^[0-9]+$/.test(parsed[key] ?? '')) {
      ctx.addIssue({ code: 'custom', message: `The filter needs ${key}::<number>.` });
    }
  }
  if (parsed.order !== undefined && !['asc', 'desc'].includes(parsed.order)) {
    ctx.addIssue({ code: 'custom', message: 'order is asc or desc.' });
  }
});

export const syncOperations = {
  CreateImageSyncRepo: defineOperation({
    ...endpoints.CreateImageSyncRepo,
    summary:
      'Copy every image pushed from now on to an organization in another region (administrators only).',
    params: repositoryParams,
    body: createAutoSyncBody,
  }),
  ListImageAutoSyncReposDetails: defineOperation({
    ...endpoints.ListImageAutoSyncReposDetails,
    summary: 'Automatic sync tasks of a repository.',
    params: repositoryParams,
    response: z.array(autoSyncTask),
  }),
  DeleteImageSyncRepo: defineOperation({
    ...endpoints.DeleteImageSyncRepo,
    summary: 'Stop an automatic sync task, named by target region and organization in the body.',
    params: repositoryParams,
    body: deleteAutoSyncBody,
  }),
  CreateManualImageSyncRepo: defineOperation({
    ...endpoints.CreateManualImageSyncRepo,
    summary: 'Copy chosen tags to another region now; answers the tags that could not be queued.',
    params: repositoryParams,
    body: manualSyncBody,
    response: z.array(z.string()),
  }),
  ShowSyncJob: defineOperation({
    ...endpoints.ShowSyncJob,
    summary: 'Sync jobs of a repository, one per tag copied, newest first by default.',
    params: repositoryParams,
    query: z.object({ filter: syncJobFilter.describe('limit::{n}|offset::{n}[|order::desc|asc]') }),
    response: z.array(syncJob),
  }),
};
