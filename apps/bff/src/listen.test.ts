import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRaw } from './testing/raw.js';
import { startBff, type RunningBff } from './testing/harness.js';

let bff: RunningBff;
beforeAll(async () => {
  bff = await startBff();
});
afterAll(() => bff?.stop());

describe('requests Node cannot parse', () => {
  it.each([
    ['an unknown method', 'BREW', [] as [string, string][], 400],
    [
      'a header line without a colon',
      'GET',
      [['x-broken header', 'no']] as [string, string][],
      400,
    ],
    [
      'headers past the size limit',
      'GET',
      [['x-huge', 'h'.repeat(20_000)]] as [string, string][],
      431,
    ],
  ])(
    'when a request has %s, then it is refused in problem details, even with a large body still coming',
    async (_what, method, headers, status) => {
      const answer = await sendRaw(
        bff.url,
        {
          method,
          path: '/api/session',
          headers,
          body: Buffer.alloc(2_000_000, 'a'),
          session: 'none',
        },
        undefined,
      );
      expect(answer.status).toBe(status);
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(answer.body)).toMatchObject({ status, code: 'MALFORMED_REQUEST' });
      expect((await fetch(`${bff.url}/healthz`)).status).toBe(200);
    },
  );
});
