import { signRequest } from '@swr-console/apig-signer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox, type SandboxUser } from '../testing/sandbox.js';
import { snapshot } from '../testing/snapshot.js';

let sandbox: Sandbox;
let admin: SandboxUser;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  admin = sandbox.user();
}, 60_000);
afterAll(() => sandbox?.stop());
beforeEach(() => {
  before = snapshot(sandbox);
});

/** A raw signed call, so bodies and queries can be as broken as a careless client makes them. */
async function call(method: string, path: string, body?: string | Buffer) {
  const url = `${sandbox.api()}${path}`;
  const headers = signRequest(
    { method, url, headers: { 'content-type': 'application/json' }, body },
    {
      accessKey: admin.access_key,
      secretKey: admin.secret_key,
      projectId: admin.projects['cn-north-4'],
    },
  );
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> | undefined,
  };
}

/** Every refusal is an SWR error body naming the problem, and the metadata is untouched. */
async function refused(
  method: string,
  path: string,
  body: string | Buffer | undefined,
  status: number,
  code: string,
  mentions: string,
) {
  const response = await call(method, path, body);
  expect(response.status).toBe(status);
  expect(response.body).toMatchObject({
    error_code: code,
    error_msg: expect.stringContaining(mentions),
  });
  expect(response.body?.errors).toEqual([expect.objectContaining({ errorCode: code })]);
  expect(snapshot(sandbox)).toEqual(before);
}

describe('bad input is refused with SWR’s error and changes nothing', () => {
  it.each([
    ['an upper-case name', '{"namespace":"Team"}', 'body.namespace'],
    ['a name with a double separator', '{"namespace":"a._b"}', 'body.namespace'],
    ['a 65-character name', JSON.stringify({ namespace: 'a'.repeat(65) }), '64'],
    ['no name at all', '{}', 'body.namespace'],
  ])(
    'when an organization is created with %s, then 400 names the field',
    async (_, body, mentions) => {
      await refused('POST', '/v2/manage/namespaces', body, 400, 'SVCSTG.SWR.4001008', mentions);
    },
  );

  it('when the body is not JSON, then 400', async () => {
    await refused(
      'POST',
      '/v2/manage/namespaces',
      '{"namespace":',
      400,
      'SVCSTG.SWR.4000014',
      'not valid JSON',
    );
  });

  it('when the body is larger than 1 MiB, then 413 before it is read', async () => {
    const huge = JSON.stringify({ namespace: 'x', padding: 'y'.repeat(2 * 1024 * 1024) });
    await refused('POST', '/v2/manage/namespaces', huge, 413, 'SVCSTG.SWR.4130025', 'exceeds');
  });

  it('when a repository name breaks the rules, then 400 names it', async () => {
    await refused(
      'POST',
      '/v2/manage/namespaces/team-web/repos',
      '{"repository":"Bad//Name","is_public":false}',
      400,
      'SVCSTG.SWR.4000014',
      'body.repository',
    );
  });

  it('when a path names an impossible repository, then 400 names the path', async () => {
    await refused(
      'GET',
      '/v2/manage/namespaces/team-web/repos/UPPER/tags',
      undefined,
      400,
      'SVCSTG.SWR.4000014',
      'path.repository',
    );
  });

  it('when a filter is malformed, then 400 says how', async () => {
    await refused(
      'GET',
      '/v2/manage/repos?filter=namespace%3A%3Ateam-web%7Climit',
      undefined,
      400,
      'SVCSTG.SWR.4000014',
      'filter',
    );
  });

  it('when a filter holds an unknown key, then 400 names it', async () => {
    await refused(
      'GET',
      '/v2/manage/repos?filter=colour%3A%3Ablue',
      undefined,
      400,
      'SVCSTG.SWR.4000014',
      'colour',
    );
  });

  it('when limit comes without offset, then 400 says they go together', async () => {
    await refused(
      'GET',
      '/v2/manage/repos?limit=10',
      undefined,
      400,
      'SVCSTG.SWR.4000014',
      'limit and offset',
    );
  });

  it('when the page size is not a number, then 400', async () => {
    await refused(
      'GET',
      '/v2/manage/repos?limit=ten&offset=0',
      undefined,
      400,
      'SVCSTG.SWR.4000014',
      'query.limit',
    );
  });

  it('when the sync job list lacks the mandatory paging, then 400', async () => {
    await refused(
      'GET',
      '/v2/manage/namespaces/team-web/repos/frontend/sync_job?filter=order%3A%3Adesc',
      undefined,
      400,
      'SVCSTG.SWR.4000014',
      'limit',
    );
  });

  it('when a retention exemption is not a valid regex, then 400 names the pattern', async () => {
    const body = JSON.stringify({
      algorithm: 'or',
      rules: [
        {
          template: 'tag_rule',
          params: { num: '3' },
          tag_selectors: [{ kind: 'regexp', pattern: '^(v1' }],
        },
      ],
    });
    await refused(
      'POST',
      '/v2/manage/namespaces/team-web/repos/api$gateway/retentions',
      body,
      400,
      'SVCSTG.SWR.4000014',
      'pattern',
    );
  });

  it('when a second retention rule is created, then 409: one rule per repository', async () => {
    const body = JSON.stringify({
      algorithm: 'or',
      rules: [{ template: 'date_rule', params: { days: '30' }, tag_selectors: [] }],
    });
    await refused(
      'POST',
      '/v2/manage/namespaces/team-web/repos/frontend/retentions',
      body,
      409,
      'SVCSTG.SWR.4090006',
      'one rule per repository',
    );
  });

  it('when a tag is copied onto an existing one without override, then 409', async () => {
    await refused(
      'POST',
      '/v2/manage/namespaces/team-web/repos/frontend/tags',
      '{"source_tag":"v1.0.0","destination_tag":"latest"}',
      409,
      'SVCSTG.SWR.4090006',
      'override',
    );
  });

  it('when a tag that does not exist is copied, then 404', async () => {
    await refused(
      'POST',
      '/v2/manage/namespaces/team-web/repos/frontend/tags',
      '{"source_tag":"v9","destination_tag":"v10"}',
      404,
      'SVCSTG.SWR.4040115',
      'v9',
    );
  });

  it('when an organization with repositories is deleted, then 406 says why', async () => {
    await refused(
      'DELETE',
      '/v2/manage/namespaces/team-web',
      undefined,
      406,
      'SVCSTG.SWR.4060074',
      'still holds 2 repositories',
    );
  });

  it('when a repository is shared with an account that does not exist, then 400', async () => {
    const body = JSON.stringify({
      access_domain: 'no-such-account',
      permit: 'read',
      deadline: 'forever',
    });
    await refused(
      'POST',
      '/v2/manage/namespaces/team-web/repositories/frontend/access-domains',
      body,
      400,
      'SVCSTG.SWR.4000014',
      'no-such-account',
    );
  });

  it('when a public repository is shared, then 400: only private ones can be', async () => {
    const body = JSON.stringify({
      access_domain: 'partner-co',
      permit: 'read',
      deadline: 'forever',
    });
    await refused(
      'POST',
      '/v2/manage/namespaces/library/repositories/alpine-lite/access-domains',
      body,
      400,
      'SVCSTG.SWR.4000014',
      'private',
    );
  });

  it('when sync targets the same region or an organization that does not exist, then it is refused', async () => {
    const same = JSON.stringify({
      remoteRegionId: 'cn-north-4',
      remoteNamespace: 'team-web',
      imageTag: ['latest'],
    });
    await refused(
      'POST',
      '/v2/manage/namespaces/team-web/repos/frontend/sync_images',
      same,
      400,
      'SVCSTG.SWR.4000014',
      'differ',
    );
    const missing = JSON.stringify({
      remoteRegionId: 'ap-southeast-1',
      remoteNamespace: 'nowhere',
      imageTag: ['latest'],
    });
    await refused(
      'POST',
      '/v2/manage/namespaces/team-web/repos/frontend/sync_images',
      missing,
      404,
      'SVCSTG.SWR.4040058',
      'nowhere',
    );
  });

  it('when a share that does not exist is deleted, then 400 as SWR answers it', async () => {
    await refused(
      'DELETE',
      '/v2/manage/namespaces/team-web/repositories/frontend/access-domains/partner-co',
      undefined,
      400,
      'SVCSTG.SWR.4001090',
      'partner-co',
    );
  });
});

describe('organization names and quota', () => {
  it('when another account owns a name in the region, then creating it is 409 though it is not listed', async () => {
    const partner = sandbox.user(undefined, 1);
    const result = await sandbox
      .client(partner)
      .request('CreateNamespace', { body: { namespace: 'team-web' } })
      .catch((e: unknown) => e);
    expect(result).toMatchObject({ status: 409, code: 'SVCSTG.SWR.4090060' });
    expect((await sandbox.client(partner).request('ListNamespaces')).data.namespaces).toEqual([]);
  });

  it('when the same name is used in the other region, then it is a different organization', async () => {
    const away = sandbox.client(admin, 'ap-southeast-1');
    await expect(
      away.request('ShowNamespace', { path: { namespace: 'team-web' } }),
    ).resolves.toMatchObject({ status: 200 });
  });

  it('when the account reaches 5 organizations, then the sixth is refused with the quota error', async () => {
    const client = sandbox.client(admin);
    // The demo holds library, team-web and data-lab.
    await client.request('CreateNamespace', { body: { namespace: 'quota-four' } });
    await client.request('CreateNamespace', { body: { namespace: 'quota-five' } });
    await expect(
      client.request('CreateNamespace', { body: { namespace: 'quota-six' } }),
    ).rejects.toMatchObject({
      status: 400,
      code: 'SVCSTG.SWR.4000097',
    });
    expect(
      (await client.request('ListQuotas', { path: { project_id: admin.projects['cn-north-4']! } }))
        .data.quotas,
    ).toEqual([{ quota_key: 'namespace', quota_limit: 5, used: 5, unit: '' }]);
    await client.request('DeleteNamespaces', { path: { namespace: 'quota-four' } });
    await client.request('DeleteNamespaces', { path: { namespace: 'quota-five' } });
  });
});
