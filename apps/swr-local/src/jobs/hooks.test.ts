import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ociImage } from '../testing/images.js';
import {
  registryUser,
  startSandbox,
  type RegistryUser,
  type Sandbox,
  type SandboxUser,
} from '../testing/sandbox.js';

let sandbox: Sandbox;
let admin: SandboxUser;
let registry: RegistryUser;
const repo = { namespace: 'hooks', repository: 'web' };

beforeAll(async () => {
  sandbox = await startSandbox();
  admin = sandbox.user();
  registry = registryUser(sandbox, admin);
  await registry.login();
  await registry.push(ociImage('first'), 'hooks/web:first');
}, 30_000);
afterAll(() => sandbox?.stop());

const trigger = (
  name: string,
  trigger_type: 'all' | 'tag' | 'regular',
  condition: string,
  enable: 'true' | 'false' = 'true',
) => ({
  name,
  action: 'update' as const,
  app_type: 'deployments' as const,
  application: 'web',
  cluster_name: 'prod',
  cluster_ns: 'default',
  condition,
  enable,
  trigger_type,
});

describe('triggers', () => {
  it('when tags are pushed, then each enabled trigger whose condition matches records a firing, and no other', async () => {
    const client = sandbox.client(admin);
    await client.request('CreateTrigger', { path: repo, body: trigger('every', 'all', '.*') });
    await client.request('CreateTrigger', {
      path: repo,
      body: trigger('releases', 'regular', 'v[0-9]+\\.[0-9]+'),
    });
    await client.request('CreateTrigger', {
      path: repo,
      body: trigger('latest-only', 'tag', 'latest;stable'),
    });
    await client.request('CreateTrigger', {
      path: repo,
      body: trigger('switched-off', 'all', '.*', 'false'),
    });
    for (const tag of ['v1.2', 'latest', 'v1.2-rc']) {
      expect((await registry.push(ociImage(tag), `hooks/web:${tag}`)).stderr).toBe('');
    }
    const fired = Object.fromEntries(
      (await client.request('ListTriggersDetails', { path: repo })).data.map((t) => [
        t.name,
        t.trigger_history.map((h) => h.tag).sort(),
      ]),
    );
    expect(fired).toEqual({
      every: ['latest', 'v1.2', 'v1.2-rc'],
      releases: ['v1.2'],
      'latest-only': ['latest'],
      'switched-off': [],
    });
    const history = (
      await client.request('ShowTrigger', { path: { ...repo, trigger: 'releases' } })
    ).data.trigger_history[0]!;
    expect(history).toMatchObject({
      tag: 'v1.2',
      result: 'success',
      detail: expect.stringContaining(`${sandbox.registry()}/hooks/web:v1.2`),
    });
  });

  it('when a trigger with the same name is created again, then 400', async () => {
    await expect(
      sandbox
        .client(admin)
        .request('CreateTrigger', { path: repo, body: trigger('every', 'all', '.*') }),
    ).rejects.toMatchObject({
      status: 400,
      code: 'SVCSTG.SWR.4000014',
    });
  });
});
