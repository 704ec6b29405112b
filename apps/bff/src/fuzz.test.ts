import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzRequests, sandboxNames, type FuzzSession } from './testing/fuzz.js';
import { judge, sendRaw } from './testing/raw.js';
import { Browser, sandboxUser, startBff, type RunningBff } from './testing/harness.js';

let bff: RunningBff;
let reader: Browser;

/** A signed-in session of the read-only user, signed in again when a request signed it out. */
async function session(): Promise<FuzzSession> {
  if ((await reader.request('GET', '/api/session')).status !== 200) {
    reader = new Browser(bff.url);
    expect((await reader.signInWithKey(sandboxUser('dev-reader'))).status).toBe(201);
  }
  return { cookie: reader.cookie!, csrf: reader.csrf! };
}

beforeAll(async () => {
  const webDir = mkdtempSync(path.join(tmpdir(), 'web-'));
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>SWR Console</title>');
  writeFileSync(path.join(webDir, 'assets', 'index.js'), 'console.log(1)');
  // Failed sign-ins are limited per account and address; the fuzzer fails many on purpose.
  bff = await startBff({ webDir, signInAttempts: 1000, upstreamTimeoutMs: 5000 });
  reader = new Browser(bff.url);
});
afterAll(() => bff?.stop());

describe('fuzzing every route', () => {
  // The read-only user: whatever the fuzzer sends, it cannot change the sandbox other tests use.
  it('when hostile requests arrive at any route, then each gets an answer, never a 5xx of the BFF’s own', async () => {
    const wrong: string[] = [];
    const reached = new Map<string, number>();
    let answeredBySwr = 0;
    const known = await sandboxNames(
      bff.url,
      await session(),
      sandboxUser().projects['cn-north-4']!,
    );
    await fc.assert(
      fc.asyncProperty(fuzzRequests(known), async (request) => {
        const answer = await sendRaw(bff.url, request, await session());
        const problem = judge(request, answer);
        const key = `${request.path.split('?')[0]!.split('/').slice(0, 3).join('/')} ${answer.status}`;
        reached.set(key, (reached.get(key) ?? 0) + 1);
        if (/"code":"(SVCSTG\.SWR|SWR)\./.test(answer.body)) answeredBySwr += 1;
        // Every run is judged, so a failure lists all it found rather than the first.
        if (problem) wrong.push(`${request.method} ${request.path.slice(0, 200)}: ${problem}`);
      }),
      {
        seed: Number(process.env.FUZZ_SEED ?? 20_261_203),
        numRuns: Number(process.env.FUZZ_RUNS ?? 400),
      },
    );
    expect(wrong).toEqual([]);
    // The fuzzer got past the BFF's own checks too: many calls reached SWR and were judged there.
    expect(answeredBySwr).toBeGreaterThan(20);
    expect([...reached.keys()].filter((key) => key.startsWith('/api/swr 2'))).not.toEqual([]);
    expect((await fetch(`${bff.url}/healthz`)).status).toBe(200);
    expect(bff.logs.filter((line) => line.includes('"request failed"'))).toEqual([]);
  });
});
