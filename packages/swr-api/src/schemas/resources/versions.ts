import { z } from 'zod';
import { endpoints } from '../../wire/endpoints.js';
import { defineOperation, noParams } from '../operation.js';

export const versionDetail = z.looseObject({
  id: z.string(),
  links: z.looseObject({ href: z.string(), rel: z.string() }).optional(),
  version: z.string().describe('Highest micro-version, empty when micro-versions are not used.'),
  status: z.enum(['CURRENT', 'SUPPORTED', 'DEPRECATED']),
  updated: z.string(),
  min_version: z.string(),
});
export type VersionDetail = z.infer<typeof versionDetail>;

export const versionOperations = {
  ListApiVersions: defineOperation({
    ...endpoints.ListApiVersions,
    summary: 'The API versions the endpoint offers.',
    params: noParams,
    response: z.looseObject({ versions: z.array(versionDetail) }),
  }),
  ShowApiVersion: defineOperation({
    ...endpoints.ShowApiVersion,
    summary: 'One API version.',
    params: z.object({ api_version: z.string().regex(/^v[0-9]+$/) }),
    response: z.looseObject({ version: versionDetail }),
  }),
};
