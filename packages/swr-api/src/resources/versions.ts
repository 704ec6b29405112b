import { z } from 'zod';
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
    method: 'GET',
    path: '/',
    summary: 'The API versions the endpoint offers.',
    params: noParams,
    response: z.looseObject({ versions: z.array(versionDetail) }),
    status: 200,
  }),
  ShowApiVersion: defineOperation({
    method: 'GET',
    path: '/{api_version:v[0-9]+}',
    summary: 'One API version.',
    params: z.object({ api_version: z.string().regex(/^v[0-9]+$/) }),
    response: z.looseObject({ version: versionDetail }),
    status: 200,
  }),
};
