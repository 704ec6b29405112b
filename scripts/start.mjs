#!/usr/bin/env node
// Starts the console on the local sandbox: installs and builds what is missing, starts swr-local
// with demo data, then the BFF, and stops both together.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const port = process.env.PORT ?? '8080';
const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data/local');
const swrLocalPort = process.env.SWR_LOCAL_PORT ?? '9100';

// Debian packages and npm dependencies first (only what is missing), then an incremental build.
const prepare = spawnSync(process.execPath, ['scripts/ensure-deps.mjs'], {
  cwd: root,
  stdio: 'inherit',
});
if (prepare.status !== 0) process.exit(prepare.status ?? 1);
if (process.env.SKIP_BUILD !== '1') {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// FRESH_DATA=1 starts from the demo seed again (the end-to-end tests use it for repeatable runs).
if (process.env.FRESH_DATA === '1') rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
const endpointsFile = path.join(dataDir, 'swr-local', 'endpoints.json');
rmSync(endpointsFile, { force: true });

const children = [];
function run(name, args, env = {}) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? code}); stopping the console.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null)),
  ).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

run('swr-local', [
  'apps/swr-local/bin/swr-local.js',
  '--data-dir',
  path.join(dataDir, 'swr-local'),
  '--port',
  swrLocalPort,
  '--seed',
  'demo',
]);

const deadline = Date.now() + 60_000;
while (!existsSync(endpointsFile)) {
  if (Date.now() > deadline) {
    console.error('swr-local did not become ready within a minute.');
    stop(1);
  }
  await new Promise((r) => setTimeout(r, 100));
}
const endpoints = JSON.parse(readFileSync(endpointsFile, 'utf8'));

run('bff', ['apps/bff/dist/server.js'], {
  PORT: port,
  DATA_DIR: dataDir,
  SWR_LOCAL_ENDPOINTS: endpointsFile,
});
const [demo] = endpoints.accounts;
console.log(`
SWR Console: http://127.0.0.1:${port}
Local SWR regions: ${endpoints.regions.map((r) => `${r.id} (API ${r.api}, registry ${r.registry})`).join(', ')}
Sign in as account "${demo.domain_name}", user ${demo.users.map((u) => `"${u.name}"`).join(' / ')}:
the passwords and access keys are in ${endpointsFile} (readable by you only).
Stop with Ctrl+C.`);
