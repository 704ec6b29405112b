import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImage } from '../images/build.js';
import { ociImage, ociIndex } from '../testing/images.js';
import { RegistryClient } from './client.js';
import {
  loginKey,
  registryUser,
  startSandbox,
  type Sandbox,
  type SandboxUser,
} from '../testing/sandbox.js';
import { waitFor } from '../testing/wait.js';

// A real client (skopeo) against the registry front, as a user would use SWR's registry.
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

const as = (user?: SandboxUser) => registryUser(sandbox, user);

describe('docker login with SWR’s credentials', () => {
  it('when the long-term login key is used, then login succeeds', async () => {
    expect((await as(admin).login()).ok).toBe(true);
  });

  it('when the login key is wrong, then login is refused', async () => {
    const result = await as(admin).login(undefined, '0'.repeat(64));
    expect(result).toMatchObject({
      ok: false,
      stderr: expect.stringContaining('invalid username/password'),
    });
  });

  it('when the user names another region, then login is refused', async () => {
    expect(
      (await as(admin).login(undefined, loginKey(admin), `ap-southeast-1@${admin.access_key}`)).ok,
    ).toBe(false);
  });

  it('when the temporary secret from utils/secret is used, then login and pull work', async () => {
    const secret = await sandbox.client(reader).request('CreateSecret', {});
    const [, username, password] = / -u (\S+) -p (\S+) /.exec(
      secret.headers.get('x-swr-dockerlogin')!,
    )!;
    const client = as();
    expect((await client.login(undefined, password, username)).ok).toBe(true);
    expect((await client.inspect('team-web/frontend:latest')).ok).toBe(true);
    expect((await as().login(undefined, 'f'.repeat(64), username)).ok).toBe(false);
  });
});

describe('pushing', () => {
  it('when an administrator pushes to a new organization, then SWR creates it and the tag shows with its digest at once', async () => {
    const client = as(admin);
    await client.login();
    expect((await client.push(ociImage('fresh'), 'fresh-org/tools/cli:1.0')).stderr).toBe('');
    const tag = await sandbox.client(admin).request('ShowRepoTag', {
      path: { namespace: 'fresh-org', repository: 'tools/cli', tag: '1.0' },
    });
    const raw = await client.inspect('fresh-org/tools/cli:1.0');
    expect(tag.data).toMatchObject({ tag: '1.0', tag_type: 0, size: expect.any(Number) });
    expect(tag.data.manifest).toBe(raw.stdout);
    const repo = await sandbox
      .client(admin)
      .request('ShowRepository', { path: { namespace: 'fresh-org', repository: 'tools/cli' } });
    expect(repo.data).toMatchObject({ is_public: false, creator_name: admin.name, num_images: 1 });
  });

  it('when a multi-arch index is pushed, then the tag is an index whose size adds up its images', async () => {
    const client = as(admin);
    await client.login();
    expect((await client.push(ociIndex('multi'), 'fresh-org/multi:1')).stderr).toBe('');
    const tag = await sandbox
      .client(admin)
      .request('ShowRepoTag', { path: { namespace: 'fresh-org', repository: 'multi', tag: '1' } });
    expect(tag.data.tag_type).toBe(1);
    const children = (JSON.parse(tag.data.manifest) as { manifests: { digest: string }[] })
      .manifests;
    expect(children).toHaveLength(2);
    expect(tag.data.size).toBeGreaterThan(0);
  });

  it('when a reader pushes, then docker is told it does not have the permission', async () => {
    const client = as(reader);
    await client.login();
    const result = await client.push(ociImage('nope'), 'team-web/frontend:reader');
    expect(result).toMatchObject({
      ok: false,
      stderr: expect.stringMatching(/denied|permission/i),
    });
    await expect(
      sandbox.client(admin).request('ShowRepoTag', {
        path: { namespace: 'team-web', repository: 'frontend', tag: 'reader' },
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('when another account pushes into an organization it does not own, then it is denied', async () => {
    const client = as(partner);
    await client.login();
    expect((await client.push(ociImage('intruder'), 'team-web/frontend:intruder')).ok).toBe(false);
  });

  it('when a non-administrator pushes to an organization nobody owns, then it is denied (it cannot create one)', async () => {
    const client = as(reader);
    await client.login();
    expect((await client.push(ociImage('x'), 'readers-org/app:1')).ok).toBe(false);
  });
});

describe('pulling', () => {
  it('when a reader pulls in its organization, then it may', async () => {
    const client = as(reader);
    await client.login();
    expect((await client.inspect('team-web/frontend:v1.0.0')).ok).toBe(true);
  });

  it('when nobody is logged in, then public repositories pull and private ones do not', async () => {
    expect((await as().inspect('library/alpine-lite:3.20')).ok).toBe(true);
    expect((await as().inspect('team-web/frontend:latest')).stderr).toMatch(/denied|unauthorized/i);
  });

  it('when a repository is shared with another account, then that account pulls it until the share ends', async () => {
    const client = as(partner);
    await client.login();
    expect((await client.inspect('team-web/api/gateway:2.0.1')).ok).toBe(true);

    const share = { namespace: 'team-web', repository: 'api/gateway', access_domain: 'partner-co' };
    await sandbox.client(admin).request('UpdateRepoDomains', {
      path: share,
      body: { permit: 'read', deadline: new Date(Date.now() - 2 * 86_400_000).toISOString() },
    });
    expect((await client.inspect('team-web/api/gateway:2.0.1')).ok).toBe(false);

    await sandbox
      .client(admin)
      .request('UpdateRepoDomains', { path: share, body: { permit: 'read', deadline: 'forever' } });
    expect((await client.inspect('team-web/api/gateway:2.0.1')).ok).toBe(true);
    await sandbox.client(admin).request('DeleteRepoDomains', { path: share });
    expect((await client.inspect('team-web/api/gateway:2.0.1')).ok).toBe(false);
  });

  it('when an image is pulled, then the download count grows', async () => {
    const before = (
      await sandbox
        .client(admin)
        .request('ShowRepository', { path: { namespace: 'library', repository: 'alpine-lite' } })
    ).data.num_download;
    await as().inspect('library/alpine-lite:3.19');
    const after = (
      await sandbox
        .client(admin)
        .request('ShowRepository', { path: { namespace: 'library', repository: 'alpine-lite' } })
    ).data.num_download;
    expect(after).toBe(before + 1);
  });
});

describe('tag changes through the registry', () => {
  it('when a tag sharing its image with another is deleted through the API, then the other still pulls', async () => {
    const api = sandbox.client(admin);
    const frontend = { namespace: 'team-web', repository: 'frontend' };
    await api.request('CreateRepoTag', {
      path: frontend,
      body: { source_tag: 'v1.1.0', destination_tag: 'twin' },
    });
    await api.request('DeleteRepoTag', { path: { ...frontend, tag: 'twin' } });
    const client = as(admin);
    await client.login();
    expect((await client.inspect('team-web/frontend:twin')).ok).toBe(false);
    expect((await client.inspect('team-web/frontend:v1.1.0')).ok).toBe(true);
  });

  it('when a client deletes a manifest through the registry, then the API forgets its tags', async () => {
    const client = as(admin);
    await client.login();
    await client.push(ociImage('doomed'), 'fresh-org/doomed:1');
    expect(
      (
        await client.run(
          'delete',
          '--tls-verify=false',
          `docker://${sandbox.registry()}/fresh-org/doomed:1`,
        )
      ).stderr,
    ).toBe('');
    const tags = await sandbox
      .client(admin)
      .request('ListRepositoryTags', { path: { namespace: 'fresh-org', repository: 'doomed' } });
    expect(tags.data).toEqual([]);
  });

  it('when an image reaches the registry without the front, then its notification brings it into the API', async () => {
    // A client of its own (not swr-local's agent) writing straight to the region's registry.
    const direct = new RegistryClient(
      sandbox.services.registries.get('cn-north-4')!.url,
      'test-direct-client',
    );
    const image = buildImage('direct');
    for (const blob of image.blobs)
      await direct.pushBlob('fresh-org/multi', blob.digest, blob.data, blob.size);
    await direct.putManifest(
      'fresh-org/multi',
      'direct',
      image.manifest.body,
      image.manifest.mediaType,
    );
    await waitFor(
      () =>
        sandbox
          .client(admin)
          .request('ShowRepoTag', {
            path: { namespace: 'fresh-org', repository: 'multi', tag: 'direct' },
          })
          .then(() => true)
          .catch(() => false),
      // Distribution sends notifications from a queue of its own and retries each after 1 s: on
      // a loaded machine the first tries can time out, so the wait is for its retries too.
      30_000,
      'the notification to be recorded',
    );
  }, 40_000);
});
