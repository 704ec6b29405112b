import { signRequest } from '@swr-console/apig-signer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox, type SandboxUser } from '../testing/sandbox.js';

let sandbox: Sandbox;
let admin: SandboxUser;

beforeAll(async () => {
  sandbox = await startSandbox();
  admin = sandbox.user();
}, 30_000);
afterAll(() => sandbox?.stop());

function signed(
  user: SandboxUser,
  path: string,
  options: { now?: Date; projectId?: string; region?: string } = {},
) {
  const url = `${sandbox.api(options.region)}${path}`;
  const headers = signRequest(
    { method: 'GET', url, headers: { 'content-type': 'application/json' } },
    {
      accessKey: user.access_key,
      secretKey: user.secret_key,
      projectId: options.projectId ?? user.projects[options.region ?? 'cn-north-4'],
    },
    options.now,
  );
  return fetch(url, { headers });
}

async function token(user: SandboxUser, scope: object) {
  return fetch(`${sandbox.endpoints.iam}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: { name: user.name, password: user.password, domain: { name: user.account } },
          },
        },
        scope,
      },
    }),
  });
}

describe('AK/SK signatures at the SWR API', () => {
  it('when a call is signed correctly, then it is answered', async () => {
    expect((await signed(admin, '/v2/manage/namespaces')).status).toBe(200);
  });

  it('when nothing authenticates the call, then the gateway answers 401 with its own error body', async () => {
    const response = await fetch(`${sandbox.api()}/v2/manage/namespaces`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error_code: 'APIGW.0301',
      error_msg: expect.stringContaining('Incorrect IAM authentication information'),
      request_id: response.headers.get('x-request-id'),
    });
  });

  it('when the signature was made with another secret, then 401', async () => {
    const response = await signed(
      { ...admin, secret_key: 'x'.repeat(40) },
      '/v2/manage/namespaces',
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error_msg: expect.stringContaining('verify aksk signature fail'),
    });
  });

  it('when the signature is 16 minutes old, then 401; at 14 minutes it passes', async () => {
    expect(
      (await signed(admin, '/v2/manage/namespaces', { now: new Date(Date.now() - 16 * 60_000) }))
        .status,
    ).toBe(401);
    expect(
      (await signed(admin, '/v2/manage/namespaces', { now: new Date(Date.now() - 14 * 60_000) }))
        .status,
    ).toBe(200);
  });

  it('when X-Project-Id is another region’s project, then 401', async () => {
    const response = await signed(admin, '/v2/manage/namespaces', {
      projectId: admin.projects['ap-southeast-1'],
    });
    expect(response.status).toBe(401);
  });

  it('when the path is not an SWR operation, then 404 from the gateway', async () => {
    const response = await signed(admin, '/v2/manage/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error_code: 'APIGW.0101' });
  });
});

describe('IAM tokens', () => {
  it('when a user signs in with a password for a region, then the token works there and only there', async () => {
    const response = await token(admin, { project: { name: 'cn-north-4' } });
    expect(response.status).toBe(201);
    const subject = response.headers.get('x-subject-token')!;
    const body = (await response.json()) as {
      token: { user: { name: string }; project: { id: string }; expires_at: string };
    };
    expect(body.token.user.name).toBe(admin.name);
    expect(body.token.project.id).toBe(admin.projects['cn-north-4']);
    expect(Date.parse(body.token.expires_at) - Date.now()).toBeGreaterThan(23 * 3600_000);

    const here = await fetch(`${sandbox.api()}/v2/manage/namespaces`, {
      headers: { 'x-auth-token': subject },
    });
    expect(here.status).toBe(200);
    const there = await fetch(`${sandbox.api('ap-southeast-1')}/v2/manage/namespaces`, {
      headers: { 'x-auth-token': subject },
    });
    expect(there.status).toBe(401);
  });

  it('when the password or the user name is wrong, then the same 401 says nothing about which', async () => {
    const wrongPassword = await token(
      { ...admin, password: 'nope' },
      { project: { name: 'cn-north-4' } },
    );
    const wrongUser = await token(
      { ...admin, name: 'nobody' },
      { project: { name: 'cn-north-4' } },
    );
    expect(wrongPassword.status).toBe(401);
    expect(wrongUser.status).toBe(401);
    expect(await wrongPassword.json()).toEqual(await wrongUser.json());
  });

  it('when a made-up token is sent, then 401', async () => {
    const response = await fetch(`${sandbox.api()}/v2/manage/namespaces`, {
      headers: { 'x-auth-token': 'MIIsforged' },
    });
    expect(response.status).toBe(401);
  });
});

describe('IAM lookups a console needs', () => {
  async function iam(user: SandboxUser, path: string) {
    const url = `${sandbox.endpoints.iam}${path}`;
    const headers = signRequest(
      { method: 'GET', url, headers: {} },
      { accessKey: user.access_key, secretKey: user.secret_key },
    );
    const response = await fetch(url, { headers });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('when an access key is looked up, then it names its user, and the user its account', async () => {
    const credential = await iam(admin, `/v3.0/OS-CREDENTIAL/credentials/${admin.access_key}`);
    expect(credential.body).toMatchObject({
      credential: { access: admin.access_key, user_id: admin.id },
    });
    const user = await iam(admin, `/v3/users/${admin.id}`);
    expect(user.body).toMatchObject({ user: { id: admin.id, name: admin.name } });
    const domains = await iam(admin, '/v3/auth/domains');
    expect(domains.body).toMatchObject({ domains: [{ name: admin.account }] });
  });

  it('when an administrator lists users, then all of the account come back; a non-administrator is refused', async () => {
    const listed = await iam(admin, '/v3/users');
    expect((listed.body.users as { name: string }[]).map((u) => u.name).sort()).toEqual([
      'dev-reader',
      'ops-admin',
      'swr-demo',
    ]);
    expect((await iam(sandbox.user('dev-reader'), '/v3/users')).status).toBe(403);
  });

  it('when group membership is asked, then administrators are in admin and readers are not', async () => {
    expect(
      (await iam(admin, `/v3/users/${sandbox.user('ops-admin').id}/groups`)).body.groups,
    ).toEqual([expect.objectContaining({ name: 'admin' })]);
    expect(
      (await iam(admin, `/v3/users/${sandbox.user('dev-reader').id}/groups`)).body.groups,
    ).toEqual([]);
  });

  it('when projects are listed by region name, then the region’s project id comes back', async () => {
    expect((await iam(admin, '/v3/projects?name=ap-southeast-1')).body.projects).toEqual([
      expect.objectContaining({ id: admin.projects['ap-southeast-1'], name: 'ap-southeast-1' }),
    ]);
  });

  it('when another account’s user is asked, then it does not exist', async () => {
    expect((await iam(admin, `/v3/users/${sandbox.user(undefined, 1).id}`)).status).toBe(404);
  });
});
