#!/usr/bin/env node
// Starts the console on the local sandbox: installs and builds what is missing, starts swr-local
// with demo data, then the BFF, and keeps both running: a process that dies is started again
// (after a pause that grows while it keeps dying). Ctrl+C or SIGTERM stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** A restart waits 1 s, then twice as long each time the process dies again soon, up to 30 s. */
const FIRST_PAUSE_MS = 1_000;
const LONGEST_PAUSE_MS = 30_000;
/** A process that ran this long before dying is healthy again: its next restart is quick. */
const HEALTHY_AFTER_MS = 60_000;

let stopping = false;
const services = [];

/**
 * One process of the console, kept running. swr-local runs in a process group of its own so that
 * when it dies, the registries it started die with it rather than living on beside its successor.
 */
function supervise(name, args, { env = {}, group = false, onStart = () => {} } = {}) {
  const service = {
    name,
    group,
    child: undefined,
    pause: FIRST_PAUSE_MS,
    timer: undefined,
    restart,
  };
  const start = () => {
    if (stopping) return;
    const startedAt = Date.now();
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: 'inherit',
      detached: group,
    });
    service.child = child;
    recordPids();
    child.on('exit', (code, signal) => {
      if (group) killGroup(child.pid, 'SIGTERM');
      if (stopping) return;
      if (service.restarting) {
        service.restarting = false;
        return start();
      }
      if (Date.now() - startedAt > HEALTHY_AFTER_MS) service.pause = FIRST_PAUSE_MS;
      console.error(
        `${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); starting it again in ${service.pause / 1000} s.`,
      );
      service.timer = setTimeout(start, service.pause);
      service.pause = Math.min(service.pause * 2, LONGEST_PAUSE_MS);
    });
    onStart(child, startedAt);
  };
  /** Stops the process on purpose and starts it again at once. */
  function restart() {
    if (service.child && service.child.exitCode === null && service.child.signalCode === null) {
      service.restarting = true;
      service.child.kill('SIGTERM');
    } else {
      // Already down and waiting out its pause: no need to wait any longer.
      clearTimeout(service.timer);
      start();
    }
  }
  services.push(service);
  start();
  return service;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}

/** How long the processes may take to stop before they are killed. */
const STOP_WITHIN_MS = 20_000;

/** Stops everything; a second Ctrl+C, or processes that take too long, kill what is left. */
function stop() {
  const running = services.filter(
    (s) => s.child && s.child.exitCode === null && !s.child.signalCode,
  );
  const kill = (signal) => {
    for (const { child, group } of running) {
      child.kill(signal);
      // Asked to stop, swr-local stops its registries itself (a signal to its whole group would
      // reach them first, and it would report them as crashed); killed, its group goes with it.
      if (group && signal === 'SIGKILL') killGroup(child.pid, signal);
    }
  };
  if (stopping) {
    console.error('Stopping at once.');
    return kill('SIGKILL');
  }
  stopping = true;
  for (const service of services) clearTimeout(service.timer);
  kill('SIGTERM');
  setTimeout(() => {
    console.error(`Still running after ${STOP_WITHIN_MS / 1000} s; killing what is left.`);
    kill('SIGKILL');
  }, STOP_WITHIN_MS).unref();
  Promise.all(running.map((s) => new Promise((resolve) => s.child.once('exit', resolve)))).then(
    () => {
      rmSync(pidsFile, { force: true });
      process.exit(0);
    },
  );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// A closed terminal stops the console too, rather than leaving it running unseen.
process.on('SIGHUP', stop);
process.on('uncaughtException', (error) => {
  console.error('npm start failed:', error);
  stop();
});

/**
 * The processes of this console, kept in the data folder: when `npm start` itself was killed,
 * the next one ends what it left running on this folder before it starts its own.
 */
const pidsFile = path.join(dataDir, 'console.pids');

function recordPids() {
  const pids = services.filter((s) => s.child?.pid).map((s) => s.child.pid);
  writeFileSync(pidsFile, JSON.stringify(pids));
}

async function stopLeftovers() {
  let pids = [];
  try {
    pids = JSON.parse(readFileSync(pidsFile, 'utf8'));
  } catch {
    return;
  }
  const ours = (pid) => {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return /swr-local|apps\/bff/.test(command);
    } catch {
      return false;
    }
  };
  const left = pids.filter(ours);
  if (left.length === 0) return;
  console.error(`Stopping what an earlier npm start left running (${left.join(', ')}).`);
  for (const pid of left) {
    killGroup(pid, 'SIGTERM');
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // gone already
    }
  }
  const deadline = Date.now() + 10_000;
  while (left.some(ours) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const pid of left.filter(ours)) killGroup(pid, 'SIGKILL');
}
await stopLeftovers();

/** Resolves once swr-local has written its endpoints after `since` (it does so when ready). */
async function endpointsWritten(since) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (stopping) throw new Error('stopping');
    if (existsSync(endpointsFile) && statSync(endpointsFile).mtimeMs >= since - 1000)
      return readFileSync(endpointsFile, 'utf8');
    if (Date.now() > deadline) throw new Error('swr-local did not become ready within two minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let bff;
let announced;
supervise(
  'swr-local',
  [
    'apps/swr-local/bin/swr-local.js',
    '--data-dir',
    path.join(dataDir, 'swr-local'),
    '--port',
    swrLocalPort,
    '--seed',
    'demo',
  ],
  {
    group: true,
    onStart: (_child, startedAt) => {
      endpointsWritten(startedAt).then(
        (endpoints) => {
          if (stopping) return;
          if (!bff) {
            bff = startBff();
            announce(JSON.parse(endpoints));
          } else if (endpoints !== announced) {
            // Its registries came back on other ports: the BFF reads the endpoints at start.
            console.error(
              'swr-local came back on other addresses; restarting the BFF to use them.',
            );
            bff.restart();
          }
          announced = endpoints;
        },
        (error) => {
          if (stopping) return;
          console.error(error.message);
          stop();
        },
      );
    },
  },
);

function startBff() {
  return supervise('bff', ['apps/bff/dist/server.js'], {
    env: { PORT: port, DATA_DIR: dataDir, SWR_LOCAL_ENDPOINTS: endpointsFile },
  });
}

function announce(endpoints) {
  const [demo] = endpoints.accounts;
  console.log(`
SWR Console: http://127.0.0.1:${port}
Local SWR regions: ${endpoints.regions.map((r) => `${r.id} (API ${r.api}, registry ${r.registry})`).join(', ')}
Sign in as account "${demo.domain_name}", user ${demo.users.map((u) => `"${u.name}"`).join(' / ')}:
the passwords and access keys are in ${endpointsFile} (readable by you only).
Stop with Ctrl+C.`);
}
