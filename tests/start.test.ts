import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm start` as a newcomer runs it (on its own ports and data folder, without the build: the
 * test command has built the servers already), with its processes killed from outside.
 */
const root = path.resolve(import.meta.dirname, '..');
const port = 21_000 + Math.floor(Math.random() * 1000);
const swrLocalPort = 23_000 + Math.floor(Math.random() * 1000) * 4;
const consoleUrl = `http://127.0.0.1:${port}`;
let dataDir: string;
let start: ChildProcess;
let output = '';

/**
 * The processes of this console: those that run with its data folder (in their environment or on
 * their command line), whoever their parent is now, apart from `npm start` itself.
 */
function children(): { pid: number; command: string }[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
        const environment = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
        const ours = command.includes(dataDir) || environment.includes(`DATA_DIR=${dataDir}`);
        return ours && !command.includes('scripts/start.mjs')
          ? [{ pid: Number(entry), command }]
          : [];
      } catch {
        return []; // gone meanwhile
      }
    });
}

const count = (what: string) => children().filter((c) => c.command.includes(what)).length;

async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  ms = 60_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`${what} did not happen; npm start said:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Signs in as the demo administrator and lists organizations: the whole console works. */
async function consoleWorks(): Promise<true | undefined> {
  const csrf = await fetch(`${consoleUrl}/api/csrf`);
  const cookie = csrf.headers.getSetCookie()[0]!.split(';')[0]!;
  const signIn = await fetch(`${consoleUrl}/api/session`, {
    method: 'POST',
    headers: {
      cookie,
      origin: consoleUrl,
      'x-csrf-token': ((await csrf.json()) as { csrfToken: string }).csrfToken,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ method: 'sandbox', account: 'swr-demo', userName: 'swr-demo' }),
  });
  const session = signIn.headers.getSetCookie()[0]?.split(';')[0];
  if (signIn.status !== 201 || !session) return undefined;
  const list = await fetch(`${consoleUrl}/api/swr/cn-north-4/v2/manage/namespaces`, {
    headers: { cookie: session },
  });
  return list.status === 200 ? true : undefined;
}

/** Runs `npm start` (the script itself) for this test's ports and data folder. */
function launch(): ChildProcess {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      SWR_LOCAL_PORT: String(swrLocalPort),
      DATA_DIR: dataDir,
      SKIP_BUILD: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return child;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'npm-start-'));
  start = launch();
  await eventually('the console starting', consoleWorks, 120_000);
}, 150_000);

afterAll(() => {
  if (start?.exitCode === null) start.kill('SIGKILL');
  for (const child of dataDir ? children() : []) process.kill(child.pid, 'SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('when the BFF is killed, then it is started again and the console works', async () => {
    const bff = children().find((c) => c.command.includes('apps/bff/dist/server.js'))!;
    expect(bff).toBeDefined();
    process.kill(bff.pid, 'SIGKILL');
    await eventually('the BFF coming back', async () =>
      children().some((c) => c.command.includes('server.js') && c.pid !== bff.pid)
        ? true
        : undefined,
    );
    await eventually('the console working again', consoleWorks);
    expect(output).toMatch(/bff stopped unexpectedly \(SIGKILL\); starting it again/);
  }, 90_000);

  it('when swr-local is killed, then it comes back without leaving its registries behind', async () => {
    const swrLocal = children().find((c) => c.command.includes('swr-local.js'))!;
    const registries = children().filter((c) => c.command.includes('docker-registry'));
    expect(registries.length).toBeGreaterThan(0);
    process.kill(swrLocal.pid, 'SIGKILL');
    await eventually('swr-local coming back', async () =>
      children().some((c) => c.command.includes('swr-local.js') && c.pid !== swrLocal.pid)
        ? true
        : undefined,
    );
    await eventually('the console working again', consoleWorks);
    const running = children().map((c) => c.pid);
    expect(registries.filter((r) => running.includes(r.pid))).toEqual([]);
    expect(output).toMatch(/swr-local stopped unexpectedly \(SIGKILL\); starting it again/);
  }, 90_000);

  it('when npm start itself is killed, then the next one ends what it left running and starts clean', async () => {
    const left = children();
    const registries = count('docker-registry');
    expect(count('swr-local.js')).toBe(1);
    expect(count('apps/bff/dist/server.js')).toBe(1);
    const killed = new Promise((resolve) => start.once('exit', resolve));
    start.kill('SIGKILL');
    await killed;
    // Nothing stopped the processes it ran: they are still there, holding their ports.
    expect(
      children()
        .map((c) => c.pid)
        .sort(),
    ).toEqual(left.map((c) => c.pid).sort());

    start = launch();
    await eventually('the leftovers stopping', async () => {
      const now = children().map((c) => c.pid);
      return left.every((c) => !now.includes(c.pid)) ? true : undefined;
    });
    await eventually('the console starting again', consoleWorks, 120_000);
    expect(count('swr-local.js')).toBe(1);
    expect(count('apps/bff/dist/server.js')).toBe(1);
    expect(count('docker-registry')).toBe(registries);
    expect(output).toMatch(/Stopping what an earlier npm start left running/);
  }, 150_000);

  it('when it is stopped, then everything it started stops with it', async () => {
    const exited = new Promise<number | null>((resolve) => start.once('exit', resolve));
    start.kill('SIGINT');
    expect(await exited).toBe(0);
    await eventually(
      'every process of the console ending',
      async () => (children().length === 0 ? true : undefined),
      15_000,
    );
  }, 30_000);
});
