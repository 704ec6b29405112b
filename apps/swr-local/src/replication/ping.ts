import type { IncomingMessage } from 'node:http';
import { RemoteRegistryError } from './errors.js';

export type PingFailure = 'unreachable' | 'tls' | 'unauthorized' | 'not-a-registry' | 'timeout';

export type PingResult = { ok: true } | { ok: false; reason: PingFailure; message: string };

const failed = (reason: PingFailure, message: string): PingResult => ({
  ok: false,
  reason,
  message,
});

/** What the answer to `GET /v2/` (sent with the credentials, if any) says about the registry. */
export function pingAnswer(
  response: IncomingMessage,
  hasCredentials: boolean,
  url: string,
): PingResult {
  const status = response.statusCode ?? 0;
  const isRegistry = response.headers['docker-distribution-api-version'] !== undefined;
  // A web site that answers every path with its page is no registry, 200 or not.
  const page = /^text\/html/i.test(response.headers['content-type'] ?? '');
  if (status === 200 && (isRegistry || !page)) return { ok: true };
  if (status === 401 || status === 403)
    return failed(
      'unauthorized',
      hasCredentials
        ? `${url} refused the user name or password`
        : `${url} asks for a user name and password`,
    );
  if (!isRegistry)
    return failed(
      'not-a-registry',
      `${url} answered ${status} to /v2/ and does not speak the Docker Registry API; is the address right?`,
    );
  return failed('unreachable', `${url} answered ${status} to /v2/; try again later`);
}

/** Why `GET /v2/` (or the token it needed) failed, for a person to fix. */
export function pingFailure(error: unknown, url: string): PingResult {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof RemoteRegistryError)) return failed('unreachable', message);
  if (error.code === 'TIMEOUT') return failed('timeout', message);
  if (error.code === 'TLS') return failed('tls', message);
  if (error.code === 'UNAUTHORIZED') return failed('unauthorized', message);
  if (error.code === 'UNREACHABLE') return failed('unreachable', message);
  return failed('unreachable', `${url} could not be used: ${message}`);
}
