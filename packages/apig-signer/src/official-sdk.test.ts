import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { HttpRequestBuilder } from '@huaweicloud/huaweicloud-sdk-core/http/IHttpRequestBuilder.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signRequest, verifyRequest } from './index.js';
import * as arb from './testing/arbitraries.js';

const endpoint = 'https://swr-api.cn-north-4.myhuaweicloud.com';

// The official Node SDK signs through BasicCredentials.processAuthRequest; drive that exact path.
async function signWithOfficialSdk(input: {
  method: string;
  segments: string[];
  query: Record<string, string>;
  headers: Record<string, string>;
  data: object | undefined;
  credentials: {
    accessKey: string;
    secretKey: string;
    projectId?: string | undefined;
    securityToken?: string | undefined;
  };
}): Promise<Record<string, string>> {
  let credentials = new BasicCredentials()
    .withAk(input.credentials.accessKey)
    .withSk(input.credentials.secretKey);
  if (input.credentials.projectId)
    credentials = credentials.withProjectId(input.credentials.projectId);
  if (input.credentials.securityToken)
    credentials = credentials.withSecurityToken(input.credentials.securityToken);
  const request = new HttpRequestBuilder()
    .withEndpoint(endpoint)
    .withUrl(`/${input.segments.join('/')}`)
    .withMethod(input.method)
    .withHeaders({ ...input.headers })
    .withQueryParams({ ...input.query })
    .withData(input.data)
    .build();
  const signed = await credentials.processAuthRequest(request);
  return signed.headers as Record<string, string>;
}

const requestArb = fc.record({
  method: arb.method,
  segments: arb.pathSegments,
  query: arb.queryParams,
  headers: arb.extraHeaders,
  data: fc.option(
    fc.oneof(fc.object({ maxDepth: 2 }), fc.array(fc.object({ maxDepth: 1 }), { minLength: 1 })),
    {
      nil: undefined,
    },
  ),
  credentials: fc.record({
    accessKey: fc.stringMatching(/^[A-Z0-9]{20}$/),
    secretKey: fc.stringMatching(/^[A-Za-z0-9]{40}$/),
    projectId: fc.option(fc.stringMatching(/^[0-9a-f]{32}$/), { nil: undefined }),
    securityToken: fc.option(fc.stringMatching(/^[A-Za-z0-9+/=]{20,60}$/), { nil: undefined }),
  }),
  date: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
});

describe('agreement with the official @huaweicloud/huaweicloud-sdk-core signer', () => {
  it('when 300 generated SWR-shaped requests are signed by both, then the signatures are identical', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(requestArb, async (input) => {
        const sdkDate = input.date
          .toISOString()
          .replace(/[-:]/g, '')
          .replace(/\.\d{3}/, '');
        const headers = {
          'content-type': 'application/json',
          'X-Sdk-Date': sdkDate,
          ...input.headers,
        };
        const official = await signWithOfficialSdk({ ...input, headers });
        const body = input.data === undefined ? undefined : JSON.stringify(input.data);
        const ours = signRequest(
          {
            method: input.method,
            url: arb.wireUrl(endpoint, input.segments, input.query),
            headers,
            body,
          },
          input.credentials,
        );
        expect(ours.Authorization).toBe(official.Authorization);

        // And the official SDK's request, as the server receives it, passes our verifier.
        const received = Object.fromEntries(
          Object.entries(official).map(([k, v]) => [k.toLowerCase(), v]),
        );
        const result = await verifyRequest(
          {
            method: input.method,
            url: arb.wireUrl('', input.segments, input.query),
            headers: received,
            body,
          },
          (ak) => (ak === input.credentials.accessKey ? input.credentials.secretKey : undefined),
          input.date,
        );
        expect(result).toEqual({ ok: true, accessKey: input.credentials.accessKey });
        compared++;
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThanOrEqual(200);
  });
});
