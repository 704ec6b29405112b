import { z } from 'zod';
import type { Topology } from '../regions.js';
import type { Identity } from '../session/record.js';
import type { Credentials } from '../session/vault.js';
import { callUpstream, readJson, UpstreamUnavailable } from './upstream.js';

/**
 * Keys travel in request headers (the signature's Access=…), so only visible ASCII can be one:
 * anything else is a typing or pasting mistake, said at the field rather than failing upstream.
 */
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

export const signInBody = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('aksk'),
    accessKey: z
      .string()
      .trim()
      .min(1, { message: 'Enter the access key ID.', abort: true })
      .max(128, 'An access key ID is at most 128 characters.')
      .regex(
        VISIBLE_ASCII,
        'An access key ID has only letters and digits, no spaces or line breaks.',
      ),
    secretKey: z
      .string()
      .trim()
      .min(1, { message: 'Enter the secret access key.', abort: true })
      .max(256, 'A secret access key is at most 256 characters.')
      .regex(
        VISIBLE_ASCII,
        'A secret access key has only visible ASCII characters, no spaces or line breaks.',
      ),
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

/** The parts of IAM's answers sign-in reads; anything else in them is ignored. */
const iam = {
  credential: z.object({ credential: z.object({ user_id: z.string() }) }),
  user: z.object({ user: z.object({ id: z.string(), name: z.string(), domain_id: z.string() }) }),
  domains: z.object({ domains: z.array(z.object({ id: z.string(), name: z.string() })) }),
  groups: z.object({ groups: z.array(z.object({ name: z.string() })) }),
  projects: z.object({ projects: z.array(z.object({ id: z.string(), name: z.string() })) }),
  token: z.object({
    token: z.object({
      expires_at: z.string(),
      user: z.object({
        id: z.string(),
        name: z.string(),
        domain: z.object({ id: z.string(), name: z.string() }),
      }),
      project: z.object({ id: z.string(), name: z.string() }).optional(),
    }),
  }),
};

/** IAM's answer read by its schema: a refusal, IAM being unwell, and nonsense are told apart. */
async function json<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  if (response.status === 401 || response.status === 403 || response.status === 404)
    throw new InvalidCredentials();
  if (!response.ok)
    throw new UpstreamUnavailable(response.url, new Error(`answered ${response.status}`));
  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success)
    throw new UpstreamUnavailable(response.url, new Error('answered something unreadable'));
  return parsed.data;
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
  const get = async <T>(path: string, schema: z.ZodType<T>) =>
    json(await callUpstream(credentials, { url: `${topology.iam}${path}`, timeoutMs }), schema);

  const { credential } = await get(
    `/v3.0/OS-CREDENTIAL/credentials/${encodeURIComponent(body.accessKey)}`,
    iam.credential,
  );
  const [{ user }, { domains }, { groups }, { projects }] = await Promise.all([
    get(`/v3/users/${encodeURIComponent(credential.user_id)}`, iam.user),
    get('/v3/auth/domains', iam.domains),
    get(`/v3/users/${encodeURIComponent(credential.user_id)}/groups`, iam.groups),
    get('/v3/projects', iam.projects),
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
      const answer = await json(response, iam.token);
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
  const groups = await json(
    await callUpstream(credentials, {
      url: `${topology.iam}/v3/users/${encodeURIComponent(user.id)}/groups`,
      timeoutMs,
    }),
    iam.groups,
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
