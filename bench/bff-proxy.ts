// Benchmark: the BFF's overhead on a small GET (ListNamespaces), direct to swr-local against
// through the BFF, same run, same load. Run: npx tsx bench/bff-proxy.ts
import type { ChildProcess } from 'node:child_process';
import { signRequest } from '@swr-console/apig-signer';
import autocannon from 'autocannon';
import { cpuSeconds, signIn, startBff, startSandbox } from './stack.js';

const duration = Number(process.env.DURATION ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 10);

const sandbox = await startSandbox(29500);
const { endpoints } = sandbox;
const user = endpoints.accounts[0]!.users[0]!;
const { base: bff, child: bffProcess } = await startBff(
  sandbox,
  29580,
  {},
  process.env.PROFILE_BFF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/bffprof'] : [],
);
const children: ChildProcess[] = [sandbox.child, bffProcess];

// Through the BFF: a signed-in browser session.
const { cookie: session } = await signIn(bff, {
  method: 'aksk',
  accessKey: user.access_key,
  secretKey: user.secret_key,
});

// Direct: one request signed now and replayed (valid for 15 minutes), so signing costs nothing here.
const direct = `${endpoints.regions[0]!.api}/v2/manage/namespaces`;
const signed = signRequest(
  { method: 'GET', url: direct, headers: { 'content-type': 'application/json' } },
  {
    accessKey: user.access_key,
    secretKey: user.secret_key,
    projectId: endpoints.accounts[0]!.projects['cn-north-4'],
  },
);

async function load(url: string, headers: Record<string, string>) {
  await autocannon({ url, headers, connections, duration: 2 }); // warm-up
  const before = children.map(cpuSeconds);
  const result = await autocannon({ url, headers, connections, duration });
  const used = children.map((child, i) => cpuSeconds(child) - before[i]!);
  return {
    ...result,
    cpuMicrosPerRequest: used.map((seconds) => (seconds * 1e6) / result.requests.total),
  };
}
// Alternate the two paths a few times and keep the median of each figure: a 2-core machine
// shared by three processes is noisy.
const rounds = Number(process.env.ROUNDS ?? 3);
const results: {
  direct: Awaited<ReturnType<typeof load>>;
  bff: Awaited<ReturnType<typeof load>>;
}[] = [];
for (let round = 0; round < rounds; round++) {
  results.push({
    direct: await load(direct, signed),
    bff: await load(`${bff}/api/swr/cn-north-4/v2/manage/namespaces`, { cookie: session }),
  });
}
const median = (values: number[]) =>
  [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const pick = (path: 'direct' | 'bff', figure: (r: Awaited<ReturnType<typeof load>>) => number) =>
  median(results.map((r) => figure(r[path])));
if (results.some((r) => r.direct.non2xx + r.bff.non2xx > 0)) throw new Error('non-2xx answers');

const row = (path: 'direct' | 'bff') => ({
  p50: pick(path, (r) => r.latency.p50),
  p99: pick(path, (r) => r.latency.p99),
  rps: pick(path, (r) => r.requests.average),
});
const a = row('direct');
const b = row('bff');
const ratio = median(results.map((r) => r.bff.requests.average / r.direct.requests.average));
console.log(
  `${connections} connections, ${rounds} rounds of ${duration} s per path, GET ListNamespaces, medians`,
);
console.log('| path | p50 | p99 | requests/s |');
console.log('|---|---|---|---|');
console.log(`| direct to swr-local | ${a.p50} ms | ${a.p99} ms | ${a.rps.toFixed(0)} |`);
console.log(`| through the BFF | ${b.p50} ms | ${b.p99} ms | ${b.rps.toFixed(0)} |`);
console.log(
  `added p50 ${b.p50 - a.p50} ms, p99 ${b.p99 - a.p99} ms; throughput ${(ratio * 100).toFixed(0)} % of direct`,
);
console.log(
  `CPU per request: swr-local ${pick('direct', (r) => r.cpuMicrosPerRequest[0]!).toFixed(0)} µs direct; behind the BFF swr-local ${pick('bff', (r) => r.cpuMicrosPerRequest[0]!).toFixed(0)} µs and the BFF ${pick('bff', (r) => r.cpuMicrosPerRequest[1]!).toFixed(0)} µs`,
);
process.exit(0);
