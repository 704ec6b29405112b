import {
  IamUnreadable,
  type IamAnswer,
  type IamClient,
  type IamEndpointId,
  type IamInput,
  type IamResult,
} from '@swr-console/contracts/iam';
import type { signInBody } from '@swr-console/contracts/bff/schemas';
import type { z } from 'zod';
import type { Topology } from '../regions.js';
import type { Identity } from '../session/record.js';
import type { Credentials } from '../session/vault.js';
import { iamClientOf } from './clients.js';
import { UpstreamUnavailable } from './upstream.js';

export type SignInBody = z.output<typeof signInBody>;

/** The credentials were refused; deliberately silent about which part was wrong. */
export class InvalidCredentials extends Error {
  constructor() {
    super('The credentials were not accepted.');
    this.name = 'InvalidCredentials';
  }
}

interface Verified {
  identity: Identity;
  credentials: Credentials;
}

/**
 * IAM's answer to one call, read by the contract: a refusal, IAM being unwell, and nonsense are
 * told apart.
 */
async function ask<Id extends IamEndpointId>(
  iam: IamClient,
  id: Id,
  input: IamInput<Id>,
): Promise<IamAnswer<Id>> {
  let result: IamResult<Id>;
  try {
    result = await iam.call(id, input);
  } catch (error) {
    if (error instanceof IamUnreadable) throw new UpstreamUnavailable(error.url, error);
    throw error;
  }
  if (result.ok) return result.body;
  if (result.status === 401 || result.status === 403 || result.status === 404)
    throw new InvalidCredentials();
  throw new UpstreamUnavailable(result.url, new Error(`answered ${result.status}`));
}

/**
 * Checks credentials with IAM before any session exists, and learns who they belong to: account,
 * user, whether the user administers the account, and the project of every configured region.
 */
export async function verifySignIn(
  topology: Topology,
  body: SignInBody,
  timeoutMs: number,
): Promise<Verified> {
  if (body.method === 'sandbox') {
    // The local sandbox's users sign in with their own keys, which only the BFF reads.
    const user = topology.sandboxUsers?.find(
      (u) => u.account === body.account && u.name === body.userName,
    );
    if (!user) throw new InvalidCredentials();
    return verifyAccessKey(
      topology,
      { method: 'aksk', accessKey: user.accessKey, secretKey: user.secretKey },
      timeoutMs,
    );
  }
  return body.method === 'aksk'
    ? verifyAccessKey(topology, body, timeoutMs)
    : verifyPassword(topology, body, timeoutMs);
}

async function verifyAccessKey(
  topology: Topology,
  body: Extract<SignInBody, { method: 'aksk' }>,
  timeoutMs: number,
): Promise<Verified> {
  const credentials: Credentials = {
    kind: 'aksk',
    accessKey: body.accessKey,
    secretKey: body.secretKey,
  };
  const iam = iamClientOf(topology, credentials, timeoutMs);
  const { credential } = await ask(iam, 'ShowCredential', {
    params: { access_key: body.accessKey },
  });
  const owner = { params: { user_id: credential.user_id } };
  const [{ user }, { domains }, { groups }, { projects }] = await Promise.all([
    ask(iam, 'ShowUser', owner),
    ask(iam, 'ListAuthDomains', {}),
    ask(iam, 'ListUserGroups', owner),
    ask(iam, 'ListProjects', { query: {} }),
  ]);
  const configured = new Set(topology.regions.map((r) => r.id));
  let usable = projects.filter((p) => configured.has(p.name));
  if (body.projectId) {
    // A project given at sign-in narrows the session to that project's region.
    usable = usable.filter((p) => p.id === body.projectId);
    if (usable.length === 0) throw new InvalidCredentials();
  }
  const domain = domains.find((d) => d.id === user.domain_id) ?? domains[0];
  return {
    credentials,
    identity: {
      method: 'aksk',
      accountName: domain?.name ?? '',
      accountId: user.domain_id,
      userName: user.name,
      userId: user.id,
      admin: groups.some((g) => g.name === 'admin'),
      projects: Object.fromEntries(usable.map((p) => [p.name, p.id])),
      accessKey: body.accessKey,
    },
  };
}

async function verifyPassword(
  topology: Topology,
  body: Extract<SignInBody, { method: 'password' }>,
  timeoutMs: number,
): Promise<Verified> {
  // IAM tokens are scoped to one project, so the session holds one per configured region.
  const anonymous = iamClientOf(topology, undefined, timeoutMs);
  const attempts = await Promise.all(
    topology.regions.map(async (region) => {
      let result: IamResult<'CreateToken'>;
      try {
        result = await anonymous.call('CreateToken', {
          body: {
            auth: {
              identity: {
                methods: ['password'],
                password: {
                  user: {
                    name: body.userName,
                    password: body.password,
                    domain: { name: body.accountName },
                  },
                },
              },
              scope: { project: { name: region.id } },
            },
          },
        });
      } catch (error) {
        if (error instanceof IamUnreadable) throw new UpstreamUnavailable(error.url, error);
        throw error;
      }
      if (result.status === 401 || result.status === 403) throw new InvalidCredentials();
      if (result.status === 400 || result.status === 404) return undefined; // no project in that region
      if (!result.ok)
        throw new UpstreamUnavailable(result.url, new Error(`answered ${result.status}`));
      const token = result.headers.get('x-subject-token');
      const answer = result.body;
      return token && answer.token.project ? { region: region.id, token, answer } : undefined;
    }),
  );
  const tokens = attempts.filter((a) => a !== undefined);
  const first = tokens[0];
  if (!first) throw new InvalidCredentials();
  const credentials: Credentials = {
    kind: 'token',
    tokens: Object.fromEntries(
      tokens.map((t) => [t.region, { token: t.token, expiresAt: t.answer.token.expires_at }]),
    ),
  };
  const user = first.answer.token.user;
  const groups = await ask(iamClientOf(topology, credentials, timeoutMs), 'ListUserGroups', {
    params: { user_id: user.id },
  });
  return {
    credentials,
    identity: {
      method: 'password',
      accountName: user.domain.name,
      accountId: user.domain.id,
      userName: user.name,
      userId: user.id,
      admin: groups.groups.some((g) => g.name === 'admin'),
      projects: Object.fromEntries(tokens.map((t) => [t.region, t.answer.token.project!.id])),
    },
  };
}
