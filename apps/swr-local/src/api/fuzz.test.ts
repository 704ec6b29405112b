import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCalls, send } from '../testing/fuzz.js';
import { startSandbox, type Sandbox } from '../testing/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
}, 60_000);
afterAll(() => sandbox?.stop());

describe('fuzzing the SWR API', () => {
  // Signed as the account itself, on a sandbox of this file's own: the calls may change anything.
  it('when signed calls carry wrong parameters, paging, filters, bodies and encodings, then none gets a 5xx', async () => {
    const wrong: string[] = [];
    let answeredOk = 0;
    const admin = sandbox.user();
    await fc.assert(
      fc.asyncProperty(apiCalls(admin, 'cn-north-4', sandbox.api()), async (call) => {
        const answer = await send(sandbox.api(), call);
        if (answer.status === undefined || answer.status >= 500)
          wrong.push(
            `${call.method} ${call.path.slice(0, 160)} → ${answer.status} ${answer.body.slice(0, 200)}`,
          );
        if (answer.status !== undefined && answer.status < 300) answeredOk += 1;
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 13), numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
    expect(wrong).toEqual([]);
    // Past the signature and the validation too: some calls did what they asked.
    expect(answeredOk).toBeGreaterThan(10);
  }, 120_000);
});
