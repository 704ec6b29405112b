import { z } from 'zod';
import type { Topology } from '../regions.js';
import type { Identity } from '../session/record.js';
import type { Credentials } from '../session/vault.js';
import { callUpstream, UpstreamUnavailable } from './upstream.js';

export const signInBody = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('aksk'),
    accessKey: z.string().trim().min(1, 'Enter the access key ID.').max(128),
    secretKey: z.string().min(1, 'Enter the secret access key.').max(256),
    projectId: z
      .string()
      .trim()
      .regex(/^[0-9a-f]{32}$/, 'A project ID is 32 hexadecimal characters.')
      .optional()
      .or(z.literal('').transform(() => undefined)),
  }),
  z.object({
    method: z.literal('sandbox'),
    account: z.string().min(1).max(64),
    userName: z.string().min(1).max(64),
  }),
  z.object({
    method: z.literal('password'),
    accountName: z.string().trim().min(1, 'Enter the account name.').max(64),
    userName: z.string().trim().min(1, 'Enter the IAM user name.').max(64),
    password: z.string().min(1, 'Enter the password.').max(256),
  }),
]);
export type SignInBody = z.infer<typeof signInBody>;

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

async function json<T>(response: Response): Promise<T> {
  if (response.status === 401 || response.status === 403 || response.status === 404)
    throw new InvalidCredentials();
  if (!response.ok)
    throw new UpstreamUnavailable(response.url, new Error(`answered ${response.status}`));
  return (await response.json()) as T;
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
  const get = async <T>(path: string) =>
    json<T>(await callUpstream(credentials, { url: `${topology.iam}${path}`, timeoutMs }));

  const { credential } = await get<{ credential: { user_id: string } }>(
    `/v3.0/OS-CREDENTIAL/credentials/${encodeURIComponent(body.accessKey)}`,
  );
  const [{ user }, { domains }, { groups }, { projects }] = await Promise.all([
    get<{ user: { id: string; name: string; domain_id: string } }>(
      `/v3/users/${encodeURIComponent(credential.user_id)}`,
    ),
    get<{ domains: { id: string; name: string }[] }>('/v3/auth/domains'),
    get<{ groups: { name: string }[] }>(
      `/v3/users/${encodeURIComponent(credential.user_id)}/groups`,
    ),
    get<{ projects: { id: string; name: string }[] }>('/v3/projects'),
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

interface TokenAnswer {
  token: {
    expires_at: string;
    user: { id: string; name: string; domain: { id: string; name: string } };
    project?: { id: string; name: string };
  };
}

async function verifyPassword(
  topology: Topology,
  body: Extract<SignInBody, { method: 'password' }>,
  timeoutMs: number,
): Promise<Verified> {
  // IAM tokens are scoped to one project, so the session holds one per configured region.
  const attempts = await Promise.all(
    topology.regions.map(async (region) => {
      let response: Response;
      try {
        response = await fetch(`${topology.iam}/v3/auth/tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
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
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new UpstreamUnavailable(`${topology.iam}/v3/auth/tokens`, error);
      }
      if (response.status === 401) throw new InvalidCredentials();
      if (response.status === 400 || response.status === 404) return undefined; // no project in that region
      const answer = await json<TokenAnswer>(response);
      const token = response.headers.get('x-subject-token');
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
  const groups = await json<{ groups: { name: string }[] }>(
    await callUpstream(credentials, {
      url: `${topology.iam}/v3/users/${encodeURIComponent(user.id)}/groups`,
      timeoutMs,
    }),
  );
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
