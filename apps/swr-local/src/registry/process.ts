import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';

export interface RegistryProcessOptions {
  region: string;
  /** Where the registry keeps its blobs and manifests. */
  dataDir: string;
  /** The URL clients reach it through (the region's registry front), for Location headers. */
  publicUrl: string;
  /** Where the registry reports pushes and deletions. */
  notificationUrl: string;
  notificationToken: string;
  binary?: string;
  log: Logger;
}

export interface RegistryProcess {
  /** `http://127.0.0.1:port`, without authentication: only swr-local talks to it directly. */
  url: string;
  /** False while the process is down and being started again. */
  readonly up: boolean;
  /** The process id, while it runs (tests kill it to see it come back). */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/** A restart waits this long, doubling while the registry keeps dying, up to the longest. */
const FIRST_PAUSE_MS = 250;
const LONGEST_PAUSE_MS = 10_000;
/** A registry that ran this long before dying is healthy again: its next restart is quick. */
const HEALTHY_AFTER_MS = 60_000;
const START_WITHIN_MS = 20_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function config(options: RegistryProcessOptions, port: number): string {
  // JSON is YAML; the registry reads either.
  return JSON.stringify(
    {
      version: 0.1,
      log: { level: 'warn', formatter: 'text', accesslog: { disabled: true } },
      storage: {
        filesystem: { rootdirectory: path.join(options.dataDir, 'storage') },
        delete: { enabled: true },
        cache: { blobdescriptor: 'inmemory' },
        maintenance: { uploadpurging: { enabled: false } },
      },
      http: {
        addr: `127.0.0.1:${port}`,
        host: options.publicUrl,
        headers: { 'X-Content-Type-Options': ['nosniff'] },
      },
      notifications: {
        endpoints: [
          {
            name: 'swr-local',
            url: options.notificationUrl,
            headers: { Authorization: [`Bearer ${options.notificationToken}`] },
            timeout: '2s',
            threshold: 10,
            backoff: '1s',
            ignoredmediatypes: ['application/octet-stream'],
          },
        ],
      },
    },
    null,
    2,
  );
}

/** Whether `pid` is a registry serving the configuration in `configFile`. */
function servesConfig(pid: number, configFile: string): boolean {
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return command.includes(configFile) && command.some((arg) => arg.endsWith('registry'));
  } catch {
    return false;
  }
}

/**
 * A registry that a swr-local before this one started on the same folder and did not stop (it was
 * killed): it is stopped now, so that two never serve one storage.
 */
async function stopLeftover(pidFile: string, configFile: string, log: Logger): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8'));
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !servesConfig(pid, configFile)) return;
  log.warn({ pid, configFile }, 'stopping a registry left running by an earlier swr-local');
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 5_000;
  while (servesConfig(pid, configFile) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  if (servesConfig(pid, configFile)) process.kill(pid, 'SIGKILL');
}

/** Starts the process and resolves once it answers; rejects with its output when it cannot. */
async function launch(
  options: RegistryProcessOptions,
  configFile: string,
  url: string,
): Promise<{ child: ChildProcess; output: () => string }> {
  const child: ChildProcess = spawn(options.binary ?? 'docker-registry', ['serve', configFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let failed: Error | undefined;
  child.once('error', (error) => (failed = error));
  const deadline = Date.now() + START_WITHIN_MS;
  for (;;) {
    if (failed)
      throw new Error(`The registry of ${options.region} did not start: ${failed.message}`);
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `The registry of ${options.region} exited (${child.exitCode ?? child.signalCode}): ${output.trim()}`,
      );
    try {
      const response = await fetch(`${url}/v2/`);
      await response.body?.cancel();
      if (response.ok) return { child, output: () => output };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `The registry of ${options.region} did not answer within ${START_WITHIN_MS / 1000} s: ${output.trim()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Starts a CNCF Distribution registry (Debian's `docker-registry`) for a region and keeps it
 * running: a registry that dies is started again on the same port and storage (nothing is lost),
 * after a pause that grows while it keeps dying. Its process id is kept in its folder, so that a
 * registry left behind by a killed swr-local is stopped before a new one starts there.
 */
export async function startRegistry(options: RegistryProcessOptions): Promise<RegistryProcess> {
  mkdirSync(options.dataDir, { recursive: true });
  const configFile = path.join(options.dataDir, 'config.yml');
  const pidFile = path.join(options.dataDir, 'registry.pid');
  await stopLeftover(pidFile, configFile, options.log);
  const port = await freePort();
  writeFileSync(configFile, config(options, port), { mode: 0o600 });
  const url = `http://127.0.0.1:${port}`;

  let stopping = false;
  let up = false;
  let child: ChildProcess | undefined;
  let pause = FIRST_PAUSE_MS;
  let timer: NodeJS.Timeout | undefined;

  const run = async (): Promise<void> => {
    const started = await launch(options, configFile, url);
    child = started.child;
    writeFileSync(pidFile, String(child.pid));
    up = true;
    const startedAt = Date.now();
    child.once('exit', (code, signal) => {
      up = false;
      if (stopping) return;
      if (Date.now() - startedAt > HEALTHY_AFTER_MS) pause = FIRST_PAUSE_MS;
      options.log.error(
        { region: options.region, code, signal, output: started.output(), restartInMs: pause },
        'registry stopped unexpectedly; starting it again',
      );
      restartLater();
    });
  };
  const restartLater = () => {
    timer = setTimeout(() => {
      run().then(
        () => options.log.info({ region: options.region, url }, 'registry is back'),
        (error: unknown) => {
          if (stopping) return;
          options.log.error(
            { region: options.region, err: error, restartInMs: pause },
            'registry did not come back; trying again',
          );
          restartLater();
        },
      );
    }, pause);
    pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
  };

  await run();
  options.log.info({ region: options.region, url }, 'registry ready');
  return {
    url,
    get up() {
      return up;
    },
    get pid() {
      return up ? child?.pid : undefined;
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      const current = child;
      if (current && current.exitCode === null && current.signalCode === null) {
        const exited = new Promise((resolve) => current.once('exit', resolve));
        current.kill('SIGTERM');
        const kill = setTimeout(() => current.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(kill);
      }
      rmSync(pidFile, { force: true });
    },
  };
}
