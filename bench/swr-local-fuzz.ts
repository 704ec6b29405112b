// The long run of swr-local's fuzz tests: many more signed API calls and registry-front requests,
// a new seed each time. Run: npx tsx bench/swr-local-fuzz.ts
//   FUZZ_RUNS=10000 FUZZ_SEED=<n>   requests per surface, and a seed to replay a run
import fc from 'fast-check';
import {
  apiCalls,
  frontCalls,
  frontToken,
  send,
  startSandbox,
  type Sent,
} from '@swr-console/swr-local/testing';

const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const sandbox = await startSandbox({ seed: 'demo' });
const admin = sandbox.user();

const token = await frontToken(sandbox, admin);

async function fuzz(name: string, base: string, calls: fc.Arbitrary<Sent>) {
  const statuses = new Map<string, number>();
  const wrong: string[] = [];
  const started = Date.now();
  await fc.assert(
    fc.asyncProperty(calls, async (call) => {
      const answer = await send(base, call);
      const kind = answer.status === undefined ? 'none' : `${String(answer.status)[0]}xx`;
      statuses.set(kind, (statuses.get(kind) ?? 0) + 1);
      if (
        answer.status === undefined ||
        answer.status >= 500 ||
        answer.body.includes(sandbox.dataDir)
      )
        wrong.push(
          `${call.method} ${call.path.slice(0, 160)} → ${answer.status} ${answer.body.slice(0, 160)}`,
        );
    }),
    { seed, numRuns: runs },
  );
  console.log(
    `${name}: ${runs} requests (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(0)} s: ${[
      ...statuses,
    ]
      .sort()
      .map(([kind, count]) => `${count} × ${kind}`)
      .join(', ')}; wrong answers: ${wrong.length}`,
  );
  for (const line of wrong.slice(0, 20)) console.log(`  ${line}`);
  return wrong.length;
}

const failures =
  (await fuzz('SWR API', sandbox.api(), apiCalls(admin, 'cn-north-4', sandbox.api()))) +
  (await fuzz('registry front', `http://${sandbox.registry()}`, frontCalls(token)));
await sandbox.stop();
process.exit(failures === 0 ? 0 : 1);
