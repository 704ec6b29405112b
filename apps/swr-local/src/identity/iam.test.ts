import { signRequest } from '@swr-console/apig-signer';
import {
  createIamClient,
  iamEndpoints,
  iamError,
  type IamEndpointId,
  type IamTransport,
} from '@swr-console/contracts/iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox, type SandboxUser } from '../testing/sandbox.js';

// The sandbox's IAM serves exactly its contract: every operation of the table, called through the
// typed client (which checks each success answer against its schema), answers as IAM does.
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox?.stop());

/** Signed with the user's key, or anonymous; `subject` names the token a ShowToken asks about. */
function transport(user?: SandboxUser, subject?: string): IamTransport {
  return async (request) => {
    const headers = {
      ...request.headers,
      ...(subject ? { 'x-subject-token': subject } : {}),
    };
    const signed = user
      ? signRequest(
          { method: request.method, url: request.url, headers, body: request.body },
          { accessKey: user.access_key, secretKey: user.secret_key },
        )
      : headers;
    const response = await fetch(request.url, {
      method: request.method,
      headers: signed,
      body: request.body,
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
    };
  };
}

describe('the sandbox IAM', () => {
  it('when every operation of the contract is called by an administrator, then each answers its status and schema', async () => {
    const admin = sandbox.user('ops-admin');
    const iam = createIamClient(sandbox.endpoints.iam, transport(admin));
    const password = createIamClient(sandbox.endpoints.iam, transport());
    const created = await password.call('CreateToken', {
      body: {
        auth: {
          identity: {
            methods: ['password'],
            password: {
              user: { name: admin.name, password: admin.password, domain: { name: admin.account } },
            },
          },
          scope: { project: { name: 'cn-north-4' } },
        },
      },
    });
    const token = created.headers.get('x-subject-token') ?? '';
    const calls: Record<IamEndpointId, () => ReturnType<typeof iam.call>> = {
      CreateToken: async () => created,
      ShowToken: () =>
        createIamClient(sandbox.endpoints.iam, transport(admin, token)).call('ShowToken', {}),
      ListAuthDomains: () => iam.call('ListAuthDomains', {}),
      ListProjects: () => iam.call('ListProjects', { query: { name: 'cn-north-4' } }),
      ListAuthProjects: () => iam.call('ListAuthProjects', { query: {} }),
      ListUsers: () => iam.call('ListUsers', {}),
      ShowUser: () => iam.call('ShowUser', { params: { user_id: admin.id } }),
      ListUserGroups: () => iam.call('ListUserGroups', { params: { user_id: admin.id } }),
      ShowCredential: () =>
        iam.call('ShowCredential', { params: { access_key: admin.access_key } }),
    };
    for (const [id, call] of Object.entries(calls)) {
      const result = await call();
      expect(result.ok, id).toBe(true);
      expect(result.status, id).toBe(iamEndpoints[id as IamEndpointId].status);
    }
    const projects = await iam.call('ListProjects', { query: { name: 'cn-north-4' } });
    expect(projects.ok && projects.body.projects.map((p) => p.name)).toEqual(['cn-north-4']);
  });

  it('when a reader lists the users, or nobody signs, then IAM refuses as IAM does', async () => {
    const reader = createIamClient(sandbox.endpoints.iam, transport(sandbox.user('dev-reader')));
    expect((await reader.call('ListUsers', {})).status).toBe(403);
    const anonymous = createIamClient(sandbox.endpoints.iam, transport());
    expect((await anonymous.call('ListAuthDomains', {})).status).toBe(401);
  });

  it('when IAM is sent junk, many at once, then each gets its 4xx and IAM error body, never a 5xx', async () => {
    const iam = sandbox.endpoints.iam;
    const junk: [string, string, string | Buffer | undefined][] = [
      ['POST', '/v3/auth/tokens', '{'],
      ['POST', '/v3/auth/tokens', '[]'],
      ['POST', '/v3/auth/tokens', '{"auth":{"identity":{"methods":"password"}}}'],
      ['POST', '/v3/auth/tokens', Buffer.from([0xff, 0xfe, 0x00])],
      ['POST', '/v3/auth/tokens', 'x'.repeat(100 * 1024)],
      ['GET', '/v3/users/%00', undefined],
      ['GET', '/v3.0/OS-CREDENTIAL/credentials/%E0%A4%A', undefined],
      ['GET', '/v3/auth/tokens', undefined],
      ['DELETE', '/v3/users', undefined],
      ['GET', '/v3/../../etc/passwd', undefined],
    ];
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => junk)
        .flat()
        .map(async ([method, path, body]) => {
          const response = await fetch(`${iam}${path}`, {
            method,
            headers: { 'content-type': 'application/json' },
            body,
          });
          return { path, status: response.status, body: await response.text() };
        }),
    );
    for (const answer of answers) {
      expect(answer.status, `${answer.path}: ${answer.body}`).toBeGreaterThanOrEqual(400);
      expect(answer.status, `${answer.path}: ${answer.body}`).toBeLessThan(500);
      expect(iamError.safeParse(JSON.parse(answer.body)).success, answer.body).toBe(true);
    }
  });
});
