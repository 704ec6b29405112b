// The long run of the BFF's fuzz test: many more hostile requests, a new seed each time, against
// the built BFF and swr-local in processes of their own. Run: npx tsx bench/bff-fuzz.ts
//   FUZZ_RUNS=20000 FUZZ_SEED=<n>   how many requests, and a seed to replay a run
import fc from 'fast-check';
import {
  fuzzRequests,
  judge,
  sandboxNames,
  sendRaw,
  type FuzzSession,
} from '@swr-console/bff/testing';
import { signIn, startBff, startSandbox } from './stack.js';

const runs = Number(process.env.FUZZ_RUNS ?? 20_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

const sandbox = await startSandbox(29800);
const account = sandbox.endpoints.accounts[0]!;
// The fuzzer fails sign-ins on purpose; the limit is not what is under test.
const { base, child: bff } = await startBff(sandbox, 29880, { SIGN_IN_ATTEMPTS: '1000' });
const swrLocal = sandbox.child;

/** The read-only user: whatever is sent, the sandbox's data stays as it was. */
let session: FuzzSession | undefined;
async function signedIn(): Promise<FuzzSession> {
  if (session) {
    const check = await fetch(`${base}/api/session`, {
      headers: { cookie: `__Host-swr-console=${session.cookie}` },
    });
    if (check.status === 200) return session;
  }
  const { cookie, csrf } = await signIn(base, {
    method: 'sandbox',
    account: account.domain_name,
    userName: 'dev-reader',
  });
  session = { cookie: cookie.split('=')[1]!, csrf };
  return session;
}

const known = await sandboxNames(base, await signedIn(), account.projects['cn-north-4']!);

const statuses = new Map<string, number>();
const wrong: string[] = [];
const started = Date.now();
await fc.assert(
  fc.asyncProperty(fuzzRequests(known), async (request) => {
    const answer = await sendRaw(base, request, await signedIn());
    const kind = answer.status === undefined ? 'none' : `${String(answer.status)[0]}xx`;
    statuses.set(kind, (statuses.get(kind) ?? 0) + 1);
    const problem = judge(request, answer);
    if (problem)
      wrong.push(
        `${request.method} ${request.path.slice(0, 160)} (body ${request.body.length} B): ${problem}`,
      );
  }),
  { seed, numRuns: runs },
);
const alive = [swrLocal, bff].every(
  (child) => child.exitCode === null && child.signalCode === null,
);
console.log(
  `${runs} requests (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(0)} s: ${[
    ...statuses,
  ]
    .sort()
    .map(([kind, count]) => `${count} × ${kind}`)
    .join(', ')}; wrong answers: ${wrong.length}; processes alive: ${alive}`,
);
for (const line of wrong.slice(0, 20)) console.log(`  ${line}`);
process.exit(wrong.length === 0 && alive ? 0 : 1);
