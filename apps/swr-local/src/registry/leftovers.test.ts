import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../testing/wait.js';

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'swr-local-leftovers-'));
const endpointsFile = path.join(dataDir, 'endpoints.json');
const port = 24_000 + Math.floor(Math.random() * 1000) * 4;
let running: ChildProcess | undefined;

/** swr-local as its own process (as `npm start` runs it), ready once it wrote its endpoints. */
async function start(): Promise<ChildProcess> {
  const since = existsSync(endpointsFile) ? statSync(endpointsFile).mtimeMs : 0;
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', cli, '--data-dir', dataDir, '--port', String(port)],
    { env: { ...process.env, LOG_LEVEL: 'warn', LOG_FORMAT: 'json' }, stdio: 'ignore' },
  );
  await waitFor(
    () => existsSync(endpointsFile) && statSync(endpointsFile).mtimeMs > since,
    60_000,
    'swr-local to be ready',
  );
  return child;
}

/** The docker-registry processes serving this data folder, from /proc. */
function registriesOfFolder(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        return command.includes('registry') && command.includes(dataDir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

afterAll(() => {
  running?.kill('SIGKILL');
  for (const pid of registriesOfFolder()) process.kill(pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('registries of a swr-local that was killed', () => {
  it('when swr-local is killed and started again, then its old registries are stopped and each storage has one registry', async () => {
    running = await start();
    const first = registriesOfFolder();
    // Two regions and each account's Enterprise instance.
    expect(first.length).toBeGreaterThanOrEqual(3);

    running.kill('SIGKILL');
    await new Promise((resolve) => running!.once('exit', resolve));
    // Nothing stopped them: they still hold their storage folders.
    expect(registriesOfFolder().sort()).toEqual([...first].sort());

    running = await start();
    const second = registriesOfFolder();
    expect(second.filter((pid) => first.includes(pid))).toEqual([]);
    expect(second.length).toBe(first.length);

    const stopped = new Promise((resolve) => running!.once('exit', resolve));
    running.kill('SIGTERM');
    await stopped;
    await waitFor(() => registriesOfFolder().length === 0, 10_000, 'the registries to stop');
  }, 150_000);
});
