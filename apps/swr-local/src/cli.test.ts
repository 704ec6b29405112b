import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readSandboxEndpoints, sandboxUsers } from '@swr-console/contracts/sandbox';
import { signingFetch } from './testing/sandbox.js';
import { waitFor } from './testing/wait.js';

// The operator interface as scripts use it: the command, its flags, endpoints.json and SIGTERM.
const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'swr-local-cli-'));
const endpointsFile = path.join(dataDir, 'endpoints.json');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

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

function start(base: number): ChildProcess {
  rmSync(endpointsFile, { force: true });
  return spawn(
    process.execPath,
    ['--import', 'tsx', cli, '--data-dir', dataDir, '--port', String(base), '--seed', 'demo'],
    {
      env: { ...process.env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('the swr-local command', () => {
  it('when started, then it writes endpoints.json (owner-only) with regions on BASE+i, IAM and two accounts', async () => {
    const base = await freeBase();
    const child = start(base);
    await waitFor(() => existsSync(endpointsFile), 60_000, 'endpoints.json');
    const endpoints = readSandboxEndpoints(endpointsFile);
    expect(statSync(endpointsFile).mode & 0o777).toBe(0o600);
    expect(endpoints.regions.map((r) => [r.id, r.api])).toEqual([
      ['cn-north-4', `http://127.0.0.1:${base}`],
      ['ap-southeast-1', `http://127.0.0.1:${base + 1}`],
    ]);
    expect(endpoints.iam).toBe(`http://127.0.0.1:${base + 2}`);
    expect(endpoints.regions.every((r) => /^127\.0\.0\.1:\d+$/.test(r.registry))).toBe(true);
    expect(endpoints.accounts).toHaveLength(2);
    expect(endpoints.accounts[0]!.users.map((u) => [u.name, u.admin])).toEqual([
      ['swr-demo', true],
      ['ops-admin', true],
      ['dev-reader', false],
    ]);

    // The demo data is there, through the API as a user sees it.
    const [root] = sandboxUsers(endpoints);
    const response = await signingFetch(root!, 'cn-north-4')(
      `${endpoints.regions[0]!.api}/v2/manage/repos`,
      {
        headers: { 'content-type': 'application/json' },
      },
    );
    const repos = (await response.json()) as { name: string; num_images: number }[];
    expect(repos.map((r) => r.name).sort()).toEqual([
      'alpine-lite',
      'api/gateway',
      'busybox-mini',
      'frontend',
    ]);

    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    // The registries went with it.
    await expect(fetch(`http://${endpoints.regions[0]!.registry}/v2/`)).rejects.toThrow();
  }, 90_000);

  it('when started again on the same folder, then the data and the credentials are the same, and the demo is not seeded twice', async () => {
    const before = readSandboxEndpoints(endpointsFile);
    const child = start(await freeBase());
    await waitFor(() => existsSync(endpointsFile), 60_000, 'endpoints.json');
    const after = readSandboxEndpoints(endpointsFile);
    expect(after.accounts).toEqual(before.accounts);
    const [root] = sandboxUsers(after);
    const response = await signingFetch(root!, 'cn-north-4')(
      `${after.regions[0]!.api}/v2/manage/namespaces/team-web/repos/frontend/tags`,
      {
        headers: { 'content-type': 'application/json' },
      },
    );
    expect(((await response.json()) as unknown[]).length).toBe(5);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  }, 90_000);

  it('when a flag is wrong, then it exits 2 naming the flag', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', cli, '--data-dir', dataDir, '--regions', 'mars'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exited(child)).toBe(2);
    expect(stderr).toContain('--regions');
  });
});
