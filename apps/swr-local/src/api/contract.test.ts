import {
  operations,
  type OperationId,
  type RequestInput,
  type SwrClient,
} from '@swr-console/swr-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ociImage } from '../testing/images.js';
import { registryUser, startSandbox, type Sandbox } from '../testing/sandbox.js';

// Every operation of the contract, called through the project's typed client with response
// checking on: swr-local's answers must parse with the same schemas the console relies on.
let sandbox: Sandbox;
let client: SwrClient;
let project: string;
let signatureTag: string;
const called = new Set<OperationId>();

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  const admin = sandbox.user();
  client = sandbox.client(admin);
  project = admin.projects['cn-north-4']!;
  const digest = (
    await client.request('ShowRepoTag', {
      path: { namespace: 'team-web', repository: 'frontend', tag: 'v1.0.0' },
    })
  ).data.digest;
  signatureTag = `${digest.replace(':', '-')}.sig`;
  // A cosign-style signature pushed by a client shows up as an accessory of the signed tag.
  const registry = registryUser(sandbox, admin);
  await registry.login();
  const pushed = await registry.push(ociImage('signature'), `team-web/frontend:${signatureTag}`);
  expect(pushed.stderr).toBe('');
}, 60_000);
afterAll(() => sandbox?.stop());

async function call<Id extends OperationId>(id: Id, input: RequestInput<Id>) {
  called.add(id);
  const response = await (
    client.request as (id: Id, input: RequestInput<Id>) => ReturnType<SwrClient['request']>
  )(id, input);
  expect(response.status).toBe(operations[id].status);
  return response;
}

const repo = { namespace: 'team-web', repository: 'frontend' };
const rule = {
  algorithm: 'or' as const,
  rules: [{ template: 'tag_rule' as const, params: { num: '50' }, tag_selectors: [] }],
};

describe('every operation answers as the contract says', () => {
  it('when the reads are called, then each answer parses and lists carry Content-Range', async () => {
    await call('ListApiVersions', {});
    await call('ShowApiVersion', { path: { api_version: 'v2' } });
    await call('ListNamespaces', { query: { filter: 'mode::visible' } });
    await call('ShowNamespace', { path: { namespace: 'team-web' } });
    await call('ShowNamespaceAuth', { path: { namespace: 'team-web' } });
    const repos = await call('ListReposDetails', {
      query: { limit: 2, offset: 0, order_column: 'name', order_type: 'asc' },
    });
    expect(repos.range).toEqual({ offset: 0, count: 2, total: 4 });
    await call('ShowRepository', { path: repo });
    await call('ShowUserRepositoryAuth', { path: repo });
    const tags = await call('ListRepositoryTags', {
      path: repo,
      query: { filter: 'limit::2|offset::1|order_column::tag|order_type::asc' },
    });
    expect(tags.range).toMatchObject({ offset: 1, count: 2 });
    await call('ShowRepoTag', { path: { ...repo, tag: 'latest' } });
    const accessories = await call('ListRepoAccessories', { path: { ...repo, tag: 'v1.0.0' } });
    expect(accessories.data.accessories).toEqual([
      expect.objectContaining({ sig_tag: signatureTag, type: 'signature.cosign' }),
    ]);
    const references = await call('ListReferences', { path: { ...repo, tag: signatureTag } });
    expect(references.data).toEqual({ tags: ['v1.0.0'], has_more: false });
    await call('ListRepoDomains', { path: { namespace: 'team-web', repository: 'api/gateway' } });
    await call('ShowAccessDomain', {
      path: { namespace: 'team-web', repository: 'api/gateway', access_domain: 'partner-co' },
    });
    await call('ListSharedReposDetails', { query: { center: 'self', limit: 10, offset: 0 } });
    await call('ListImageAutoSyncReposDetails', { path: repo });
    await call('ShowSyncJob', { path: repo, query: { filter: 'limit::10|offset::0' } });
    await call('ListTriggersDetails', { path: repo });
    await call('ShowTrigger', { path: { ...repo, trigger: 'redeploy-latest' } });
    const retentions = await call('ListRetentions', { path: repo });
    await call('ShowRetention', { path: { ...repo, retention_id: retentions.data[0]!.id } });
    await call('ListRetentionHistories', { path: repo, query: { limit: 10, offset: 0 } });
    await call('ListQuotas', { path: { project_id: project } });
    await call('ShowDomainOverview', {});
    await call('ShowDomainResourceReports', {
      path: { resource_type: 'downflow', frequency: 'daily' },
    });
    await call('ShowShareFeatureGates', { path: { project_id: project } });
    const secret = await call('CreateSecret', { query: { duration_seconds: 900 } });
    expect(secret.headers.get('x-swr-dockerlogin')).toMatch(
      new RegExp(`^docker login -u cn-north-4@\\w+ -p [0-9a-f]{64} ${sandbox.registry()}$`),
    );
    expect(Date.parse(secret.headers.get('x-swr-expireat')!) - Date.now()).toBeLessThanOrEqual(
      900_000,
    );
  });

  it('when the writes are called, then each answers its documented status', async () => {
    const reader = sandbox.user('dev-reader');
    await call('CreateNamespace', { body: { namespace: 'contract-org' } });
    await call('CreateNamespaceAuth', {
      path: { namespace: 'contract-org' },
      body: [{ user_id: reader.id, user_name: reader.name, auth: 1 }],
    });
    await call('UpdateNamespaceAuth', {
      path: { namespace: 'contract-org' },
      body: [{ user_id: reader.id, user_name: reader.name, auth: 3 }],
    });
    await call('DeleteNamespaceAuth', { path: { namespace: 'contract-org' }, body: [reader.id] });
    const app = { namespace: 'contract-org', repository: 'svc/app' };
    await call('CreateRepo', {
      path: { namespace: 'contract-org' },
      body: { repository: 'svc/app', is_public: false },
    });
    await call('UpdateRepo', { path: app, body: { is_public: false, description: 'changed' } });
    await call('CreateUserRepositoryAuth', {
      path: app,
      body: [{ user_id: reader.id, user_name: reader.name, auth: 1 }],
    });
    await call('UpdateUserRepositoryAuth', {
      path: app,
      body: [{ user_id: reader.id, user_name: reader.name, auth: 7 }],
    });
    await call('DeleteUserRepositoryAuth', { path: app, body: [reader.id] });
    await call('CreateRepoDomains', {
      path: app,
      body: { access_domain: 'partner-co', permit: 'read', deadline: 'forever' },
    });
    await call('UpdateRepoDomains', {
      path: { ...app, access_domain: 'partner-co' },
      body: { permit: 'read', deadline: '2030-01-01T00:00:00Z' },
    });
    await call('DeleteRepoDomains', { path: { ...app, access_domain: 'partner-co' } });
    const trigger = {
      name: 't1',
      action: 'update' as const,
      app_type: 'statefulsets' as const,
      application: 'db',
      cluster_name: 'c',
      cluster_ns: 'default',
      condition: 'v1;v2',
      enable: 'true' as const,
      trigger_type: 'tag' as const,
    };
    await call('CreateTrigger', { path: app, body: trigger });
    await call('UpdateTrigger', { path: { ...app, trigger: 't1' }, body: { enable: 'false' } });
    await call('DeleteTrigger', { path: { ...app, trigger: 't1' } });
    const created = await call('CreateRetention', { path: app, body: rule });
    await call('UpdateRetention', { path: { ...app, retention_id: created.data.id }, body: rule });
    await call('DeleteRetention', { path: { ...app, retention_id: created.data.id } });
    await call('CreateImageSyncRepo', {
      path: repo,
      body: { remoteRegionId: 'ap-southeast-1', remoteNamespace: 'team-web', override: true },
    }).catch(
      // The demo already syncs frontend there without override; a second task to the same place is refused.
      (error: { status: number }) => expect(error.status).toBe(409),
    );
    await call('DeleteImageSyncRepo', {
      path: repo,
      body: { remoteRegionId: 'ap-southeast-1', remoteNamespace: 'team-web' },
    });
    await call('CreateImageSyncRepo', {
      path: repo,
      body: { remoteRegionId: 'ap-southeast-1', remoteNamespace: 'team-web', syncAuto: true },
    });
    await call('CreateManualImageSyncRepo', {
      path: repo,
      body: { imageTag: ['latest'], remoteRegionId: 'ap-southeast-1', remoteNamespace: 'team-web' },
    });
    await call('CreateRepoTag', {
      path: repo,
      body: { source_tag: 'v1.0.0', destination_tag: 'contract' },
    });
    await call('DeleteRepoTag', { path: { ...repo, tag: 'contract' } });
    await call('DeleteRepo', { path: app });
    await call('DeleteNamespaces', { path: { namespace: 'contract-org' } });
  });

  it('when both passes are done, then every Basic operation of the contract was called', () => {
    // The Enterprise edition and the key service have their own suite (enterprise.test.ts).
    const basic = Object.entries(operations)
      .filter(([, operation]) => !('edition' in operation))
      .map(([id]) => id);
    expect([...called].sort()).toEqual(basic.sort());
  });
});
