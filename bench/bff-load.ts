// Benchmark: many signed-in sessions reading lists at once, through the BFF and straight to
// swr-local, in the same run. Run: npx tsx bench/bff-load.ts (after npm run build).
//   SESSIONS=200 DURATION=60   the load: sessions (one connection each) and seconds per path
//   SOCKETS=8,16,32,64         upstream pool sizes to compare (one BFF run each); default: 32
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { signRequest } from '@swr-console/apig-signer';
import autocannon from 'autocannon';
import { cpuSeconds, signIn, startBff, startSandbox } from './stack.js';

const sessions = Number(process.env.SESSIONS ?? 200);
const duration = Number(process.env.DURATION ?? 60);
const poolSizes = (process.env.SOCKETS ?? '32').split(',').map(Number);

/** Peak and current resident memory of a process, in MiB, from /proc. */
function memory(child: ChildProcess): { peak: number; now: number } {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]);
  return { peak: kib('VmHWM') / 1024, now: kib('VmRSS') / 1024 };
}
const sandbox = await startSandbox(29600);
const { endpoints } = sandbox;
const swrLocal = sandbox.child;
const account = endpoints.accounts[0]!;
const user = account.users[0]!;

/** The list calls a console page makes: organizations, repositories, a page of tags. */
const lists = [
  '/v2/manage/namespaces',
  '/v2/manage/repos?namespace=team-web&limit=20&offset=0',
  '/v2/manage/namespaces/team-web/repos/frontend/tags?limit=20&offset=0',
];

interface Outcome {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  answers: number;
  errors: Record<string, number>;
  cpuMsPerCall: number[];
}

/** `sessions` connections, each cycling through the lists with its own headers, for `duration` s. */
async function load(
  base: string,
  prefix: string,
  headersOf: (client: number, list: string) => Record<string, string>,
  measured: ChildProcess[],
  seconds: number,
): Promise<Outcome> {
  let next = 0;
  const before = measured.map(cpuSeconds);
  const result = await autocannon({
    url: base,
    connections: sessions,
    duration: seconds,
    // A call is an error only when unanswered for 30 s; slow answers show in the latencies.
    timeout: 30,
    setupClient: (client) => {
      const id = next++;
      client.setRequests(
        lists.map((list) => ({
          method: 'GET',
          path: `${prefix}${list}`,
          headers: headersOf(id, list),
        })),
      );
    },
  });
  const errors: Record<string, number> = {};
  for (const [status, { count = 0 }] of Object.entries(result.statusCodeStats ?? {}))
    if (Number(status) >= 300 && count > 0) errors[status] = count;
  if (result.errors > result.timeouts) errors['connection error'] = result.errors - result.timeouts;
  if (result.timeouts > 0) errors['no answer in 30 s'] = result.timeouts;
  const total = result.requests.total;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    answers: total,
    errors,
    cpuMsPerCall: measured.map((child, i) => ((cpuSeconds(child) - before[i]!) * 1000) / total),
  };
}

// Direct: each list signed once now and replayed (signatures hold for 15 minutes).
const region = endpoints.regions[0]!;
const signed = new Map(
  lists.map((list) => [
    list,
    signRequest(
      {
        method: 'GET',
        url: `${region.api}${list}`,
        headers: { 'content-type': 'application/json' },
      },
      {
        accessKey: user.access_key,
        secretKey: user.secret_key,
        projectId: account.projects[region.id],
      },
    ),
  ]),
);
const directly = (seconds: number) =>
  load(region.api, '', (_client, list) => signed.get(list)!, [swrLocal], seconds);
await directly(5); // warm-up
const direct = await directly(duration);

const rows: { sockets: number; bff: Outcome; memory: { peak: number; now: number } }[] = [];
for (const [i, sockets] of poolSizes.entries()) {
  const { base, child: bffProcess } = await startBff(sandbox, 29680 + i, {
    UPSTREAM_SOCKETS: String(sockets),
  });
  const cookies: string[] = [];
  for (let s = 0; s < sessions; s++)
    cookies.push(
      (await signIn(base, { method: 'sandbox', account: account.domain_name, userName: user.name }))
        .cookie,
    );
  const through = (client: number) => ({ cookie: cookies[client % cookies.length]! });
  const viaBff = (seconds: number) =>
    load(base, `/api/swr/${region.id}`, through, [swrLocal, bffProcess], seconds);
  await viaBff(5); // warm-up
  const bff = await viaBff(duration);
  rows.push({ sockets, bff, memory: memory(bffProcess) });
  bffProcess.kill('SIGTERM');
}

const errorText = (errors: Record<string, number>) =>
  Object.keys(errors).length === 0
    ? '0'
    : Object.entries(errors)
        .map(([status, count]) => `${count} × ${status}`)
        .join(', ');
console.log(
  `${sessions} sessions (one connection each), ${duration} s per path, GET of three lists in turn`,
);
console.log(
  '| path | sockets to SWR | requests/s | vs direct | p50 | p99 | slowest | p99 vs direct | errors | BFF memory peak / end | CPU per call: swr-local / BFF |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
console.log(
  `| direct to swr-local | — | ${direct.rps.toFixed(0)} | — | ${direct.p50} ms | ${direct.p99} ms | ${direct.max} ms | — | ${errorText(direct.errors)} | — | ${direct.cpuMsPerCall[0]!.toFixed(2)} ms / — |`,
);
for (const { sockets, bff, memory: mem } of rows)
  console.log(
    `| through the BFF | ${sockets} | ${bff.rps.toFixed(0)} | ${((bff.rps / direct.rps) * 100).toFixed(0)} % | ${bff.p50} ms | ${bff.p99} ms | ${bff.max} ms | ${(bff.p99 / direct.p99).toFixed(2)}× | ${errorText(bff.errors)} | ${mem.peak.toFixed(0)} / ${mem.now.toFixed(0)} MiB | ${bff.cpuMsPerCall[0]!.toFixed(2)} ms / ${bff.cpuMsPerCall[1]!.toFixed(2)} ms |`,
  );
process.exit(0);
