import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox, type SandboxUser } from '../testing/sandbox.js';

// The demo grants dev-reader read on team-web; ops-admin holds SWR Admin; partner-co is another account.
let sandbox: Sandbox;
let admin: SandboxUser;
let reader: SandboxUser;
let partner: SandboxUser;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  admin = sandbox.user();
  reader = sandbox.user('dev-reader');
  partner = sandbox.user(undefined, 1);
}, 60_000);
afterAll(() => sandbox?.stop());

const frontend = { namespace: 'team-web', repository: 'frontend' };

describe('a non-administrator IAM user with read on an organization', () => {
  it('when listing, then only that organization and its repositories show', async () => {
    const client = sandbox.client(reader);
    expect(
      (await client.request('ListNamespaces')).data.namespaces.map((n) => [n.name, n.auth]),
    ).toEqual([['team-web', 1]]);
    const repos = await client.request('ListReposDetails');
    expect(repos.data.map((r) => r.name).sort()).toEqual(['api/gateway', 'frontend']);
  });

  it('when reading tags, then it may', async () => {
    const tags = await sandbox.client(reader).request('ListRepositoryTags', { path: frontend });
    expect(tags.data.length).toBeGreaterThan(0);
  });

  it('when deleting a tag, creating a repository or retagging, then 403 with SWR’s code', async () => {
    const client = sandbox.client(reader);
    for (const attempt of [
      client.request('DeleteRepoTag', { path: { ...frontend, tag: 'v1.0.0' } }),
      client.request('CreateRepo', {
        path: { namespace: 'team-web' },
        body: { repository: 'mine', is_public: false },
      }),
      client.request('CreateRepoTag', {
        path: frontend,
        body: { source_tag: 'v1.0.0', destination_tag: 'x' },
      }),
    ]) {
      await expect(attempt).rejects.toMatchObject({ status: 403, code: 'SVCSTG.SWR.4030170' });
    }
  });

  it('when setting up sync, then 403 says only administrators can', async () => {
    const attempt = sandbox.client(reader).request('CreateImageSyncRepo', {
      path: frontend,
      body: { remoteRegionId: 'ap-southeast-1', remoteNamespace: 'team-web', syncAuto: true },
    });
    await expect(attempt).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('administrators'),
    });
  });

  it('when creating an organization, then 403', async () => {
    await expect(
      sandbox.client(reader).request('CreateNamespace', { body: { namespace: 'readers-own' } }),
    ).rejects.toMatchObject({
      status: 403,
    });
  });

  it('when looking at an organization without any grant, then 403 (it is the same account)', async () => {
    await expect(
      sandbox.client(reader).request('ShowNamespace', { path: { namespace: 'library' } }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('when edit is granted on the repository, then retag works but delete still does not', async () => {
    await sandbox.client(admin).request('CreateUserRepositoryAuth', {
      path: frontend,
      body: [{ user_id: reader.id, user_name: reader.name, auth: 3 }],
    });
    const client = sandbox.client(reader);
    await client.request('CreateRepoTag', {
      path: frontend,
      body: { source_tag: 'v1.0.0', destination_tag: 'reader-copy' },
    });
    await expect(
      client.request('DeleteRepoTag', { path: { ...frontend, tag: 'reader-copy' } }),
    ).rejects.toMatchObject({ status: 403 });
    await sandbox
      .client(admin)
      .request('DeleteRepoTag', { path: { ...frontend, tag: 'reader-copy' } });
    await sandbox
      .client(admin)
      .request('DeleteUserRepositoryAuth', { path: frontend, body: [reader.id] });
  });

  it('when granting permissions to others, then 403 without manage', async () => {
    const attempt = sandbox.client(reader).request('CreateNamespaceAuth', {
      path: { namespace: 'team-web' },
      body: [{ user_id: sandbox.user('ops-admin').id, user_name: 'ops-admin', auth: 7 }],
    });
    await expect(attempt).rejects.toMatchObject({ status: 403 });
  });
});

describe('an administrator IAM user (SWR Admin)', () => {
  it('when acting on any organization of the account, then it manages it without a grant', async () => {
    const opsAdmin = sandbox.client(sandbox.user('ops-admin'));
    expect(
      (await opsAdmin.request('ShowNamespace', { path: { namespace: 'library' } })).data.auth,
    ).toBe(7);
    await opsAdmin.request('CreateRepo', {
      path: { namespace: 'data-lab' },
      body: { repository: 'scratch', is_public: false },
    });
    await opsAdmin.request('DeleteRepo', {
      path: { namespace: 'data-lab', repository: 'scratch' },
    });
  });
});

describe('another account', () => {
  it('when it asks for this account’s private repository, then it does not exist for it', async () => {
    await expect(
      sandbox.client(partner).request('ShowRepository', { path: frontend }),
    ).rejects.toMatchObject({
      status: 404,
      code: 'SVCSTG.SWR.4040058',
    });
  });

  it('when the repository is shared with it, then it can read it but not change it', async () => {
    const gateway = { namespace: 'team-web', repository: 'api/gateway' };
    const client = sandbox.client(partner);
    await expect(client.request('ShowRepository', { path: gateway })).resolves.toMatchObject({
      status: 200,
    });
    await expect(client.request('DeleteRepo', { path: gateway })).rejects.toMatchObject({
      status: 404,
    });
    const shared = await client.request('ListSharedReposDetails', {
      query: { center: 'thirdparty' },
    });
    expect(shared.data.map((r) => [r.namespace, r.name, r.domain_name, r.status])).toEqual([
      ['team-web', 'api/gateway', 'swr-demo', true],
    ]);
  });

  it('when a public repository is read, then it may', async () => {
    await expect(
      sandbox.client(partner).request('ListRepositoryTags', {
        path: { namespace: 'library', repository: 'alpine-lite' },
      }),
    ).resolves.toMatchObject({ status: 200 });
  });
});
