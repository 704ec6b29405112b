import type { IncomingMessage } from 'node:http';
import { parseJson } from '@swr-console/swr-api';
import { z } from 'zod';
import { discard, errorFromResponse, readText, RemoteRegistryError } from './errors.js';

export interface Credentials {
  username: string;
  password: string;
}

export interface Challenge {
  /** Lower case: `basic` or `bearer` (or another scheme we cannot answer). */
  scheme: string;
  params: Record<string, string>;
}

/**
 * The first challenge of a `WWW-Authenticate` header: `Bearer realm="…",service="…",scope="…"`.
 * Node joins repeated headers with commas; a further challenge's scheme ends the first one.
 */
export function parseChallenge(header: string | undefined): Challenge | undefined {
  const match = header && /^\s*([A-Za-z][\w-]*)(?:\s+(.*))?$/s.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const [, key, quoted, bare] of (match[2] ?? '').matchAll(
    /([A-Za-z_][\w-]*)(?:\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]*)))?/g,
  )) {
    if (quoted === undefined && bare === undefined) break;
    params[key!.toLowerCase()] = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : bare!;
  }
  return { scheme: match[1]!.toLowerCase(), params };
}

type Scheme =
  | { kind: 'anonymous' }
  | { kind: 'basic' }
  | { kind: 'bearer'; realm: URL; service: string | undefined };

/** What a request was sent with, so that a 401 to it can be told apart from a first challenge. */
export interface SentAuthorization {
  header: string | undefined;
  /** A token fetched for this very request (not one from the cache). */
  fresh: boolean;
}

const tokenAnswer = z.looseObject({
  token: z.string().min(1).optional(),
  access_token: z.string().min(1).optional(),
  expires_in: z.number().positive().optional(),
});

/** Docker's token spec: a token without `expires_in` lasts 60 seconds. */
const DEFAULT_TOKEN_SECONDS = 60;
const TOKEN_BODY_LIMIT = 64 * 1024;
const MAX_CACHED_TOKENS = 256;

/**
 * How one registry wants to be authenticated, learnt from its first 401, and the Bearer tokens it
 * gave, cached per realm, service and scope until they expire.
 */
export class Authenticator {
  private scheme: Scheme = { kind: 'anonymous' };
  private readonly tokens = new Map<string, { header: string; expiresAt: number }>();

  constructor(
    private readonly credentials: Credentials | undefined,
    private readonly getToken: (
      url: URL,
      headers: Record<string, string>,
      signal: AbortSignal | undefined,
    ) => Promise<IncomingMessage>,
  ) {}

  get hasCredentials(): boolean {
    return this.credentials !== undefined;
  }

  /** The Authorization header for a request that needs these scopes; none until challenged. */
  async authorization(scopes: string[], signal?: AbortSignal): Promise<SentAuthorization> {
    if (this.scheme.kind === 'basic') return { header: this.basic(), fresh: false };
    if (this.scheme.kind === 'bearer') return this.bearer(this.scheme, scopes, signal);
    return { header: undefined, fresh: false };
  }

  /**
   * Learns from a 401 how the registry wants to be asked. Returns the scopes to ask for when
   * sending the request again can help (a first challenge, or a cached token the registry no
   * longer takes), or undefined when it cannot (these credentials were just refused).
   */
  challenged(
    header: string | undefined,
    scopes: string[],
    sent: SentAuthorization,
  ): string[] | undefined {
    const challenge = parseChallenge(header);
    if (challenge?.scheme === 'basic') {
      this.scheme = { kind: 'basic' };
      return sent.header === undefined && this.credentials ? scopes : undefined;
    }
    const realm = challenge?.scheme === 'bearer' ? realmOf(challenge.params.realm) : undefined;
    if (!challenge || !realm) return undefined;
    this.scheme = { kind: 'bearer', realm, service: challenge.params.service };
    if (sent.fresh) return undefined;
    const wanted = [...new Set([...scopes, ...(challenge.params.scope?.split(' ') ?? [])])].filter(
      Boolean,
    );
    if (sent.header !== undefined) {
      this.tokens.delete(this.key(this.scheme, scopes));
      this.tokens.delete(this.key(this.scheme, wanted));
    }
    return wanted;
  }

  private basic(): string | undefined {
    if (!this.credentials) return undefined;
    const { username, password } = this.credentials;
    return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }

  private key(scheme: { realm: URL; service: string | undefined }, scopes: string[]): string {
    return JSON.stringify([scheme.realm.href, scheme.service ?? '', [...scopes].sort()]);
  }

  private async bearer(
    scheme: { realm: URL; service: string | undefined },
    scopes: string[],
    signal: AbortSignal | undefined,
  ): Promise<SentAuthorization> {
    const key = this.key(scheme, scopes);
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt > Date.now()) return { header: cached.header, fresh: false };

    const url = new URL(scheme.realm);
    if (scheme.service) url.searchParams.set('service', scheme.service);
    for (const scope of scopes) url.searchParams.append('scope', scope);
    const basic = this.basic();
    const response = await this.getToken(
      url,
      { accept: 'application/json', ...(basic ? { authorization: basic } : {}) },
      signal,
    );
    const status = response.statusCode ?? 0;
    if (status === 401 || status === 403) {
      discard(response);
      throw new RemoteRegistryError(
        401,
        'UNAUTHORIZED',
        `The token service at ${url.host} refused ${basic ? 'the user name or password' : 'anonymous access'}`,
      );
    }
    if (status !== 200) throw await errorFromResponse(response, `Getting a token from ${url.host}`);
    const text = await readText(response, TOKEN_BODY_LIMIT);
    const answer = tokenAnswer.safeParse(parseJson(text ?? '')).data;
    const token = answer?.token ?? answer?.access_token;
    if (!token)
      throw new RemoteRegistryError(
        status,
        'INVALID_RESPONSE',
        `The token service at ${url.host} answered ${status} without a token`,
      );
    // Renewed a little early, so that a token does not expire on its way to the registry.
    const lifetime = (answer?.expires_in ?? DEFAULT_TOKEN_SECONDS) * 1000 * 0.9;
    this.remember(key, { header: `Bearer ${token}`, expiresAt: Date.now() + lifetime });
    return { header: `Bearer ${token}`, fresh: true };
  }

  private remember(key: string, token: { header: string; expiresAt: number }): void {
    if (this.tokens.size >= MAX_CACHED_TOKENS) {
      const now = Date.now();
      for (const [old, value] of this.tokens) if (value.expiresAt <= now) this.tokens.delete(old);
      if (this.tokens.size >= MAX_CACHED_TOKENS) this.tokens.clear();
    }
    this.tokens.set(key, token);
  }
}

function realmOf(realm: string | undefined): URL | undefined {
  if (!realm || !URL.canParse(realm)) return undefined;
  const url = new URL(realm);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
}
