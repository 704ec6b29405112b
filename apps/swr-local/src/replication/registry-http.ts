import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { isDigest } from '../domain/manifests.js';
import { Authenticator } from './auth.js';
import { discard, RemoteRegistryError } from './errors.js';
import { closeConnection, createConnection, send, type Connection } from './transport.js';

export interface RemoteRegistryOptions {
  /** The registry's origin (`https://harbor.example.com`); a path after it is ignored. */
  url: string;
  username?: string;
  password?: string;
  /** Skip TLS verification (self-signed certificates). */
  insecure?: boolean;
  /** The longest silence on a request (connecting, awaiting the answer, mid-transfer); 30 s. */
  timeoutMs?: number;
  /** Sent with every request to the registry itself (not to its token service or redirects). */
  headers?: Record<string, string>;
  /**
   * Take upload locations as paths on `url`, whatever host they name: for a registry that is
   * configured with the address of a front before it, as swr-local's own are.
   */
  rebaseLocations?: boolean;
}

export interface CallOptions {
  signal?: AbortSignal;
}

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const DEFAULT_TIMEOUT_MS = 30_000;

/** Distribution's grammar of a repository name, one path component at a time (linear to match). */
const NAME_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;

export interface Call extends CallOptions {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
  url: URL;
  scopes: string[];
  headers?: Record<string, string>;
  body?: Buffer | Readable;
  followRedirects?: boolean;
}

export const pull = (repository: string) => `repository:${repository}:pull`;
export const pushPull = (repository: string) => `repository:${repository}:pull,push`;

export function checkRepository(repository: string): void {
  if (repository.length > 255 || !repository.split('/').every((part) => NAME_COMPONENT.test(part)))
    throw new RemoteRegistryError(
      undefined,
      'NAME_INVALID',
      `"${repository}" is not a repository name`,
    );
}

export function checkReference(reference: string): void {
  if (!TAG.test(reference) && !isDigest(reference))
    throw new RemoteRegistryError(
      undefined,
      'TAG_INVALID',
      `"${reference}" is neither a tag nor a digest`,
    );
}

export function checkDigest(digest: string): void {
  if (!isDigest(digest))
    throw new RemoteRegistryError(undefined, 'DIGEST_INVALID', `"${digest}" is not a digest`);
}

/**
 * How one registry is spoken to: its origin, the credentials and tokens it asked for, the headers
 * it is sent, its connections.
 */
export class RegistryHttp {
  readonly url: string;
  readonly origin: string;
  readonly auth: Authenticator;
  private readonly connection: Connection;
  private readonly headers: Record<string, string>;
  private readonly rebaseLocations: boolean;

  constructor(options: RemoteRegistryOptions) {
    const url = new URL(options.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new TypeError(`A registry is reached over http or https, not ${url.protocol}`);
    this.origin = url.origin;
    this.url = url.origin;
    this.headers = { ...options.headers };
    this.rebaseLocations = options.rebaseLocations ?? false;
    this.connection = createConnection(
      options.insecure ?? false,
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
    const credentials =
      options.username !== undefined
        ? { username: options.username, password: options.password ?? '' }
        : undefined;
    this.auth = new Authenticator(credentials, (tokenUrl, headers, signal) =>
      send(this.connection, { method: 'GET', url: tokenUrl, headers, signal }),
    );
  }

  close(): void {
    closeConnection(this.connection);
  }

  at(path: string): URL {
    return new URL(path, this.origin);
  }

  /** Where an upload goes on: a path of this registry, or a URL of its own. */
  uploadUrl(location: string | undefined): URL {
    if (!location || !URL.canParse(location, this.origin))
      throw new RemoteRegistryError(
        202,
        'INVALID_RESPONSE',
        `${this.url} opened an upload without a location`,
      );
    const url = new URL(location, this.origin);
    if (this.rebaseLocations) return this.at(`${url.pathname}${url.search}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new RemoteRegistryError(
        202,
        'INVALID_RESPONSE',
        `${this.url} named an upload at ${location}`,
      );
    return url;
  }

  /** Drops an unfinished upload, as far as the registry lets us; it would otherwise linger. */
  async cancelUpload(upload: URL, repository: string): Promise<void> {
    const url = new URL(upload);
    url.searchParams.delete('digest');
    await this.request({ method: 'DELETE', url, scopes: [pushPull(repository)] }).then(
      discard,
      () => undefined,
    );
  }

  nextPage(link: string | undefined, current: URL): URL | undefined {
    for (const part of link?.split(',') ?? []) {
      const match = /^\s*<([^>]*)>(.*)$/s.exec(part);
      if (!match || !/;\s*rel="?(?:[^";]*\s)?next[\s";]/.test(`${match[2]!};`)) continue;
      const next = new URL(match[1]!, current);
      if (next.origin !== this.origin)
        throw new RemoteRegistryError(
          200,
          'INVALID_RESPONSE',
          `${this.url} sent the next tags to ${next.origin}`,
        );
      return next;
    }
    return undefined;
  }

  /**
   * One call: authenticated as the registry last asked (answering a new challenge once), and for
   * blob reads following redirects, which carry neither credentials nor our headers elsewhere.
   */
  async request(call: Call): Promise<IncomingMessage> {
    let url = call.url;
    let scopes = call.scopes;
    let redirects = 0;
    let challenges = 0;
    const replayable = call.body === undefined || Buffer.isBuffer(call.body);
    for (;;) {
      const own = url.origin === this.origin;
      const sent = own
        ? await this.auth.authorization(scopes, call.signal)
        : { header: undefined, fresh: false };
      const response = await send(this.connection, {
        method: call.method,
        url,
        headers: {
          ...(own ? this.headers : {}),
          ...call.headers,
          ...(sent.header ? { authorization: sent.header } : {}),
        },
        body: call.body,
        signal: call.signal,
      });
      const status = response.statusCode ?? 0;
      if (own && status === 401 && replayable && challenges < 2) {
        const retry = this.auth.challenged(response.headers['www-authenticate'], scopes, sent);
        if (retry) {
          discard(response);
          scopes = retry;
          challenges += 1;
          continue;
        }
      }
      const location = response.headers.location;
      if (call.followRedirects && REDIRECTS.has(status) && location && redirects < MAX_REDIRECTS) {
        discard(response);
        url = new URL(location, url);
        if (url.protocol !== 'http:' && url.protocol !== 'https:')
          throw new RemoteRegistryError(status, 'INVALID_RESPONSE', `Redirected to ${location}`);
        redirects += 1;
        continue;
      }
      return response;
    }
  }
}
