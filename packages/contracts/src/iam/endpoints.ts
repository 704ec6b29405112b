/**
 * The part of IAM (Identity and Access Management, Keystone v3 paths) the console uses: a
 * password token per project, who a key or token belongs to, the account's users, groups and
 * projects. The BFF calls these and the sandbox serves exactly these.
 */
export interface IamEndpoint {
  method: 'GET' | 'POST';
  path: string;
  status: number;
}

export const iamEndpoints = {
  /** A token for a user name and password, scoped to a project; it comes in X-Subject-Token. */
  CreateToken: { method: 'POST', path: '/v3/auth/tokens', status: 201 },
  /** What a token (X-Subject-Token) stands for. */
  ShowToken: { method: 'GET', path: '/v3/auth/tokens', status: 200 },
  ListAuthDomains: { method: 'GET', path: '/v3/auth/domains', status: 200 },
  ListProjects: { method: 'GET', path: '/v3/projects', status: 200 },
  ListAuthProjects: { method: 'GET', path: '/v3/auth/projects', status: 200 },
  /** The account's users; administrators only. */
  ListUsers: { method: 'GET', path: '/v3/users', status: 200 },
  ShowUser: { method: 'GET', path: '/v3/users/{user_id}', status: 200 },
  ListUserGroups: { method: 'GET', path: '/v3/users/{user_id}/groups', status: 200 },
  /** Which user an access key belongs to. */
  ShowCredential: {
    method: 'GET',
    path: '/v3.0/OS-CREDENTIAL/credentials/{access_key}',
    status: 200,
  },
} as const satisfies Record<string, IamEndpoint>;

export type IamEndpointId = keyof typeof iamEndpoints;
