// Benchmark: the BFF's overhead on a small GET (ListNamespaces), direct to swr-local against
// through the BFF, same run, same load. Run: npx tsx bench/bff-proxy.ts
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signRequest } from '@swr-console/apig-signer';
import autocannon from 'autocannon';

const duration = Number(process.env.DURATION ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 10);
const children: ChildProcess[] = [];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('exit', stop);

// The compiled apps, as they run in production (npm run build first).
function start(args: string[], env: Record<string, string> = {}): void {
  children.push(
    spawn(process.execPath, args, {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
}
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 100));
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-bff-'));
const endpointsFile = path.join(dataDir, 'swr-local', 'endpoints.json');
start([
  'apps/swr-local/dist/cli.js',
  '--data-dir',
  path.join(dataDir, 'swr-local'),
  '--port',
  '29500',
  '--seed',
  'demo',
]);
await until(() => existsSync(endpointsFile));
const endpoints = JSON.parse(readFileSync(endpointsFile, 'utf8')) as {
  regions: { api: string }[];
  accounts: {
    projects: Record<string, string>;
    users: { access_key: string; secret_key: string }[];
  }[];
};
const user = endpoints.accounts[0]!.users[0]!;
const bff = 'http://127.0.0.1:29580';
start(
  [
    ...(process.env.PROFILE_BFF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/bffprof'] : []),
    'apps/bff/dist/server.js',
  ],
  { PORT: '29580', DATA_DIR: dataDir, SWR_LOCAL_ENDPOINTS: endpointsFile },
);
await until(() =>
  fetch(`${bff}/healthz`)
    .then((r) => r.ok)
    .catch(() => false),
);

// Through the BFF: a signed-in browser session.
const csrf = await fetch(`${bff}/api/csrf`);
const cookie = csrf.headers.getSetCookie()[0]!.split(';')[0]!;
const signIn = await fetch(`${bff}/api/session`, {
  method: 'POST',
  headers: {
    cookie,
    origin: bff,
    'x-csrf-token': ((await csrf.json()) as { csrfToken: string }).csrfToken,
    'content-type': 'application/json',
  },
  body: JSON.stringify({ method: 'aksk', accessKey: user.access_key, secretKey: user.secret_key }),
});
const session = signIn.headers.getSetCookie()[0]!.split(';')[0]!;

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

/** CPU seconds a process has used (user + system), from /proc; clock ticks are 1/100 s. */
function cpuSeconds(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
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
stop();
process.exit(0);
