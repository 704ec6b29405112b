import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ociImage } from '../testing/images.js';
import { registryUser, startSandbox, type Sandbox, type SandboxUser } from '../testing/sandbox.js';

// The official Node SDK, unchanged, drives all 49 of its operations against swr-local.
let sandbox: Sandbox;
let admin: SandboxUser;
const called = new Set<string>();
type Sdk = Record<string, (request?: unknown) => Promise<Record<string, unknown>>>;
let sdk: Sdk;
let away: Sdk;

/** Records which SDK methods the scenario used, to prove it used all of them. */
function recording(client: object): Sdk {
  return new Proxy(client, {
    get(target, name: string) {
      const value = (target as Record<string, unknown>)[name];
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        called.add(name);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as Sdk;
}

const list = (response: Record<string, unknown>) =>
  Object.keys(response)
    .filter((key) => /^\d+$/.test(key))
    .map((key) => response[key] as Record<string, unknown>);

beforeAll(async () => {
  sandbox = await startSandbox();
  admin = sandbox.user();
  sdk = recording(sandbox.sdk(admin));
  away = recording(sandbox.sdk(admin, 'ap-southeast-1'));
  const client = registryUser(sandbox, admin);
  expect((await client.login()).ok).toBe(true);
  for (const tag of ['v1', 'v2']) {
    expect((await client.push(ociImage(`sdk ${tag}`), `sdk-org/app/api:${tag}`)).stderr).toBe('');
  }
}, 60_000);

afterAll(async () => {
  await sandbox?.stop();
});

const ns = 'sdk-org';
const repository = 'app$api';

describe('the official SDK against swr-local', () => {
  it('when versions are asked, then v2 is current', async () => {
    expect((await sdk.listApiVersions!({})).versions).toEqual([
      expect.objectContaining({ id: 'v2', status: 'CURRENT' }),
    ]);
    expect((await sdk.showApiVersion!({ api_version: 'v2' })).version).toEqual(
      expect.objectContaining({ id: 'v2' }),
    );
  });

  it('when organizations are created, listed, shown and deleted, then each call answers as SWR', async () => {
    expect((await sdk.createNamespace!({ body: { namespace: 'sdk-extra' } })).httpStatusCode).toBe(
      201,
    );
    const listed = (await sdk.listNamespaces!({})).namespaces as { name: string; auth: number }[];
    expect(listed.map((n) => n.name).sort()).toEqual(['sdk-extra', 'sdk-org']);
    expect(await sdk.showNamespace!({ namespace: 'sdk-extra' })).toMatchObject({
      name: 'sdk-extra',
      auth: 7,
      creator_name: admin.name,
    });
    expect((await sdk.deleteNamespaces!({ namespace: 'sdk-extra' })).httpStatusCode).toBe(204);
    await expect(sdk.showNamespace!({ namespace: 'sdk-extra' })).rejects.toMatchObject({
      httpStatusCode: 404,
      errorCode: 'SVCSTG.SWR.4040058',
    });
  });

  it('when repositories are created, shown, updated and listed, then the fields follow', async () => {
    expect(
      (
        await sdk.createRepo!({
          namespace: ns,
          body: { repository: 'tools', is_public: false, category: 'linux' },
        })
      ).httpStatusCode,
    ).toBe(200);
    expect(
      (
        await sdk.updateRepo!({
          namespace: ns,
          repository: 'tools',
          body: { is_public: true, description: 'CLI tools' },
        })
      ).httpStatusCode,
    ).toBe(201);
    expect(await sdk.showRepository!({ namespace: ns, repository: 'tools' })).toMatchObject({
      name: 'tools',
      category: 'linux',
      description: 'CLI tools',
      is_public: true,
      num_images: 0,
    });
    const page = await sdk.listReposDetails!({
      namespace: ns,
      order_column: 'name',
      order_type: 'asc',
      limit: '10',
      offset: '0',
    });
    expect(list(page).map((r) => r.name)).toEqual(['app/api', 'tools']);
    expect(list(page)[0]).toMatchObject({
      num_images: 2,
      tags: expect.arrayContaining(['v1', 'v2']),
      path: `${sandbox.registry()}/sdk-org/app/api`,
    });
    expect((await sdk.deleteRepo!({ namespace: ns, repository: 'tools' })).httpStatusCode).toBe(
      204,
    );
  });

  it('when tags are listed, copied and deleted, then the repository follows', async () => {
    const tags = list(
      await sdk.listRepositoryTags!({
        namespace: ns,
        repository,
        order_column: 'tag',
        order_type: 'asc',
        limit: '10',
        offset: '0',
      }),
    );
    expect(tags.map((t) => t.Tag)).toEqual(['v1', 'v2']);
    expect(tags[0]).toMatchObject({
      digest: expect.stringMatching(/^sha256:/),
      tag_type: 0,
      path: `${sandbox.registry()}/sdk-org/app/api:v1`,
    });
    expect(
      (
        await sdk.createRepoTag!({
          namespace: ns,
          repository,
          body: { source_tag: 'v1', destination_tag: 'stable' },
        })
      ).httpStatusCode,
    ).toBe(201);
    const stable = list(
      await sdk.listRepositoryTags!({ namespace: ns, repository, tag: 'stable' }),
    );
    expect(stable.map((t) => [t.Tag, t.digest])).toEqual([['stable', tags[0]!.digest]]);
    expect(
      (await sdk.deleteRepoTag!({ namespace: ns, repository, tag: 'stable' })).httpStatusCode,
    ).toBe(204);
    expect(
      list(await sdk.listRepositoryTags!({ namespace: ns, repository }))
        .map((t) => t.Tag)
        .sort(),
    ).toEqual(['v1', 'v2']);
  });

  it('when permissions are granted, changed and revoked on the organization and the repository, then they show', async () => {
    const reader = sandbox.user('dev-reader');
    const grant = [{ user_id: reader.id, user_name: reader.name, auth: 1 }];
    for (const [create, update, remove, show, where] of [
      [
        'createNamespaceAuth',
        'updateNamespaceAuth',
        'deleteNamespaceAuth',
        'showNamespaceAuth',
        { namespace: ns },
      ],
      [
        'createUserRepositoryAuth',
        'updateUserRepositoryAuth',
        'deleteUserRepositoryAuth',
        'showUserRepositoryAuth',
        { namespace: ns, repository },
      ],
    ] as const) {
      await sdk[create]!({ ...where, body: grant });
      expect((await sdk[show]!(where)).others_auths).toEqual([
        { user_id: reader.id, user_name: reader.name, auth: 1 },
      ]);
      await sdk[update]!({ ...where, body: [{ ...grant[0], auth: 3 }] });
      expect((await sdk[show]!(where)).others_auths).toEqual([
        expect.objectContaining({ auth: 3 }),
      ]);
      expect((await sdk[show]!(where)).self_auth).toEqual({
        user_id: admin.id,
        user_name: admin.name,
        auth: 7,
      });
      await sdk[remove]!({ ...where, body: [reader.id] });
      expect((await sdk[show]!(where)).others_auths).toEqual([]);
    }
  });

  it('when a repository is shared, then the share can be checked, changed, listed and removed', async () => {
    const partner = sandbox.user(undefined, 1);
    const body = {
      access_domain: partner.account,
      permit: 'read',
      deadline: 'forever',
      description: 'integration',
    };
    expect((await sdk.createRepoDomains!({ namespace: ns, repository, body })).httpStatusCode).toBe(
      201,
    );
    expect(list(await sdk.listRepoDomains!({ namespace: ns, repository }))).toEqual([
      expect.objectContaining({
        access_domain: partner.account,
        permit: 'read',
        deadline: 'forever',
        status: true,
      }),
    ]);
    expect(
      await sdk.showAccessDomain!({ namespace: ns, repository, access_domain: partner.account }),
    ).toMatchObject({ exist: true });
    expect(
      await sdk.showAccessDomain!({ namespace: ns, repository, access_domain: 'nobody-account' }),
    ).toMatchObject({ exist: false });
    await sdk.updateRepoDomains!({
      namespace: ns,
      repository,
      access_domain: partner.account,
      body: { permit: 'read', deadline: '2099-12-31T00:00:00Z' },
    });
    const mine = list(await sdk.listSharedReposDetails!({ center: 'self' }));
    expect(mine.map((r) => r.name)).toEqual(['app/api']);
    const theirs = list(
      await recording(sandbox.sdk(partner)).listSharedReposDetails!({ center: 'thirdparty' }),
    );
    expect(theirs).toEqual([
      expect.objectContaining({ name: 'app/api', domain_name: admin.account, status: true }),
    ]);
    expect(
      (await sdk.deleteRepoDomains!({ namespace: ns, repository, access_domain: partner.account }))
        .httpStatusCode,
    ).toBe(204);
  });

  it('when sync is set up, run and removed, then tasks and jobs show it', async () => {
    await away.createNamespace!({ body: { namespace: ns } });
    const target = { remoteRegionId: 'ap-southeast-1', remoteNamespace: ns };
    expect(
      (
        await sdk.createImageSyncRepo!({
          namespace: ns,
          repository,
          body: { ...target, syncAuto: true, override: false },
        })
      ).httpStatusCode,
    ).toBe(200);
    expect(list(await sdk.listImageAutoSyncReposDetails!({ namespace: ns, repository }))).toEqual([
      expect.objectContaining({ ...target, repoName: 'app/api', syncAuto: true, override: false }),
    ]);
    const failed = await sdk.createManualImageSyncRepo!({
      namespace: ns,
      repository,
      body: { ...target, imageTag: ['v1', 'missing'] },
    });
    // The answer lists the tags that could not be queued.
    expect(list(failed)).toEqual(['missing']);
    const jobs = list(
      await sdk.showSyncJob!({
        namespace: ns,
        repository,
        filter: 'limit::10|offset::0|order::desc',
      }),
    );
    expect(jobs).toEqual([
      expect.objectContaining({ tag: 'v1', ...target, syncOperatorName: admin.name }),
    ]);
    expect(
      (await sdk.deleteImageSyncRepo!({ namespace: ns, repository, body: target })).httpStatusCode,
    ).toBe(200);
    expect(list(await sdk.listImageAutoSyncReposDetails!({ namespace: ns, repository }))).toEqual(
      [],
    );
  });

  it('when a trigger is created, listed, shown, switched off and deleted, then it follows', async () => {
    const body = {
      name: 'redeploy',
      action: 'update',
      app_type: 'deployments',
      application: 'api',
      cluster_name: 'prod',
      cluster_ns: 'default',
      condition: '.*',
      enable: 'true',
      trigger_type: 'all',
    };
    expect((await sdk.createTrigger!({ namespace: ns, repository, body })).httpStatusCode).toBe(
      201,
    );
    expect(list(await sdk.listTriggersDetails!({ namespace: ns, repository }))).toEqual([
      expect.objectContaining({ name: 'redeploy', enable: 'true' }),
    ]);
    await sdk.updateTrigger!({
      namespace: ns,
      repository,
      trigger: 'redeploy',
      body: { enable: 'false' },
    });
    expect(
      await sdk.showTrigger!({ namespace: ns, repository, trigger: 'redeploy' }),
    ).toMatchObject({ enable: 'false', trigger_type: 'all' });
    expect(
      (await sdk.deleteTrigger!({ namespace: ns, repository, trigger: 'redeploy' })).httpStatusCode,
    ).toBe(204);
  });

  it('when a retention rule is created, read, changed and deleted, then it follows', async () => {
    const rule = (num: string) => ({
      algorithm: 'or',
      rules: [{ template: 'tag_rule', params: { num }, tag_selectors: [] }],
    });
    const created = await sdk.createRetention!({ namespace: ns, repository, body: rule('10') });
    expect(created).toMatchObject({ httpStatusCode: 201, id: expect.any(Number) });
    const id = created.id as number;
    expect(list(await sdk.listRetentions!({ namespace: ns, repository }))).toEqual([
      expect.objectContaining({ id, algorithm: 'or' }),
    ]);
    await sdk.updateRetention!({ namespace: ns, repository, retention_id: id, body: rule('20') });
    expect(await sdk.showRetention!({ namespace: ns, repository, retention_id: id })).toMatchObject(
      { rules: [expect.objectContaining({ params: { num: '20' } })] },
    );
    expect(
      await sdk.listRetentionHistories!({
        namespace: ns,
        repository,
        filter: 'limit::10|offset::0',
      }),
    ).toMatchObject({ total: 0 });
    expect(
      (await sdk.deleteRetention!({ namespace: ns, repository, retention_id: id })).httpStatusCode,
    ).toBe(200);
    await expect(
      sdk.deleteRetention!({ namespace: ns, repository, retention_id: id }),
    ).rejects.toMatchObject({
      httpStatusCode: 400,
      errorCode: 'SVCSTG.SWR.4000306',
    });
  });

  it('when account-wide reads are made, then quotas, overview, reports, gates and a login secret come back', async () => {
    const secret = await sdk.createSecret!({ projectname: 'cn-north-4' });
    expect(Object.keys(secret.auths as object)).toEqual([sandbox.registry()]);
    expect((await sdk.listQuotas!({})).quotas).toEqual([
      { quota_key: 'namespace', quota_limit: 5, used: 1, unit: '' },
    ]);
    expect(await sdk.showDomainOverview!({})).toMatchObject({
      namspace_num: 1,
      repo_num: 1,
      image_num: 2,
      domain_name: admin.account,
    });
    expect(
      list(await sdk.showDomainResourceReports!({ resource_type: 'store', frequency: 'daily' })),
    ).toHaveLength(30);
    expect(await sdk.showShareFeatureGates!({})).toMatchObject({ enable_image_sync: true });
  });

  it('when the scenario is over, then every one of the 49 SDK operations was used', async () => {
    await sdk.deleteRepo!({ namespace: ns, repository });
    expect((await sdk.deleteNamespaces!({ namespace: ns })).httpStatusCode).toBe(204);
    expect(called.size).toBe(49);
  });
});
