import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    swrLocalEndpoints: string;
  }
}

const cli = fileURLToPath(new URL('../../../swr-local/src/cli.ts', import.meta.url));

async function freeBase(): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    const free = await Promise.all(
      [0, 1, 2].map(
        (i) =>
          new Promise<boolean>((resolve) => {
            const probe = createServer().once('error', () => resolve(false));
            probe.listen(base + i, '127.0.0.1', () => probe.close(() => resolve(true)));
          }),
      ),
    );
    if (free.every(Boolean)) return base;
  }
}

let child: ChildProcess | undefined;
let dataDir: string | undefined;

/** Starts swr-local (demo data) as its own process for every BFF test, and stops it after. */
export async function setup(project: TestProject): Promise<void> {
  dataDir = mkdtempSync(path.join(tmpdir(), 'bff-swr-local-'));
  const endpoints = path.join(dataDir, 'endpoints.json');
  child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      cli,
      '--data-dir',
      dataDir,
      '--port',
      String(await freeBase()),
      '--seed',
      'demo',
    ],
    {
      env: { ...process.env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const deadline = Date.now() + 60_000;
  while (!existsSync(endpoints)) {
    if (child.exitCode !== null) throw new Error(`swr-local exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('swr-local did not start within a minute');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  project.provide('swrLocalEndpoints', endpoints);
}

export async function teardown(): Promise<void> {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
