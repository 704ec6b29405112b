import { createServer, type Server } from 'node:net';
import type { SyncJob } from '@swr-console/swr-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ociImage } from '../testing/images.js';
import {
  registryUser,
  startSandbox,
  type RegistryUser,
  type Sandbox,
  type SandboxUser,
} from '../testing/sandbox.js';
import { waitFor } from '../testing/wait.js';

let sandbox: Sandbox;
let admin: SandboxUser;
let registry: RegistryUser;
const HOME = 'cn-north-4';
const AWAY = 'ap-southeast-1';
const repo = { namespace: 'ship', repository: 'app' };

beforeAll(async () => {
  sandbox = await startSandbox();
  admin = sandbox.user();
  registry = registryUser(sandbox, admin);
  for (const region of [HOME, AWAY]) {
    await registry.login(region);
    await sandbox.client(admin, region).request('CreateNamespace', { body: { namespace: 'ship' } });
  }
  expect((await registry.push(ociImage('supervised'), 'ship/app:v1')).stderr).toBe('');
}, 60_000);
afterAll(() => sandbox?.stop());

/**
 * Kills a region's registry the hard way and keeps it down: its port is taken (before the 0.25 s
 * restart) by something that drops every connection, as a registry that is down would, until
 * `release` frees it and the restart can succeed.
 */
async function holdDown(region: string): Promise<{ killed: number; release: () => Promise<void> }> {
  const supervised = sandbox.registries.get(region)!;
  const port = Number(new URL(supervised.url).port);
  const killed = supervised.pid!;
  process.kill(killed, 'SIGKILL');
  await waitFor(() => !supervised.up, 5_000, `the ${region} registry to be seen down`);
  const squatter: Server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
  return { killed, release: () => new Promise((resolve) => squatter.close(() => resolve())) };
}

describe('a registry process that dies', () => {
  it('when it is killed and stays down a while, then calls that need it get 503 meanwhile, and within seconds pulls and retags work again, without a restart of swr-local', async () => {
    const { killed, release } = await holdDown(HOME);
    try {
      await expect(
        sandbox.client(admin).request('CreateRepoTag', {
          path: repo,
          body: { source_tag: 'v1', destination_tag: 'v1-copy' },
        }),
      ).rejects.toMatchObject({ status: 503, code: 'SVCSTG.SWR.5030001' });
      const pull = await registry.inspect('ship/app:v1');
      expect(pull.ok).toBe(false);
      expect(pull.stderr).toContain('503');
    } finally {
      await release();
    }

    await waitFor(async () => (await registry.inspect('ship/app:v1')).ok, 15_000, 'a pull again');
    const back = sandbox.registries.get(HOME)!;
    // Seen up by its supervisor once it answers, which a client can notice a moment sooner.
    await waitFor(() => back.up, 5_000, 'the registry to be seen up');
    expect(back.pid).not.toBe(killed);
    await sandbox.client(admin).request('CreateRepoTag', {
      path: repo,
      body: { source_tag: 'v1', destination_tag: 'v1-after' },
    });
    expect((await registry.inspect('ship/app:v1-after')).ok).toBe(true);
  });

  it('when a sync meets the target registry down for a while, then the job waits and retries, and succeeds once it is back', async () => {
    const { release } = await holdDown(AWAY);
    try {
      await sandbox.client(admin).request('CreateManualImageSyncRepo', {
        path: repo,
        body: { imageTag: ['v1'], remoteRegionId: AWAY, remoteNamespace: 'ship', override: false },
      });
      // It was tried, met the registry down, and waits to be tried again (not failed).
      const tried = await waitFor(
        () =>
          sandbox.services.db
            .prepare(
              "SELECT status, attempts, reason FROM sync_jobs WHERE tag = 'v1' AND remote_region = ? AND attempts > 0 AND status <> 'running'",
            )
            .get(AWAY) as { status: string; attempts: number; reason: string } | undefined,
        15_000,
        'the job to meet the registry down',
      );
      expect(tried).toMatchObject({
        status: 'waiting',
        reason: expect.stringContaining('restarted'),
      });
    } finally {
      await release();
    }
    const done = await waitFor(
      async () =>
        (await jobs()).find((j) => j.tag === 'v1' && !['waiting', 'running'].includes(j.status)),
      60_000,
      'the job to end',
    );
    expect(done.status).toBe('success');
    expect((await registry.inspect('ship/app:v1', AWAY)).ok).toBe(true);
  }, 90_000);
});

async function jobs(): Promise<SyncJob[]> {
  return (
    await sandbox
      .client(admin)
      .request('ShowSyncJob', { path: repo, query: { filter: 'limit::100|offset::0' } })
  ).data;
}
