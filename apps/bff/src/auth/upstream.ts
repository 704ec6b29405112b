import { signRequest } from '@swr-console/apig-signer';
import type { Credentials } from '../session/vault.js';

export interface UpstreamCall {
  method?: string;
  url: string;
  body?: string;
  /** The project of the region called (AK/SK calls send it as X-Project-Id). */
  projectId?: string | undefined;
  /** Which region's IAM token to use for a password session. */
  region?: string | undefined;
  timeoutMs: number;
}

/** Thrown when IAM or SWR cannot be reached at all (as opposed to answering "no"). */
export class UpstreamUnavailable extends Error {
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`${new URL(url).host} did not answer: ${(cause as Error).message}`);
    this.name = 'UpstreamUnavailable';
  }
}

/** The headers that authenticate a call as the session's user: a signature, or an IAM token. */
export function authHeaders(
  credentials: Credentials,
  call: {
    method: string;
    url: string;
    body?: string | Buffer | undefined;
    projectId?: string | undefined;
    region?: string | undefined;
  },
  headers: Record<string, string>,
): Record<string, string> {
  if (credentials.kind === 'aksk') {
    return signRequest(
      { method: call.method, url: call.url, headers, body: call.body },
      {
        accessKey: credentials.accessKey,
        secretKey: credentials.secretKey,
        projectId: call.projectId,
      },
    );
  }
  const token =
    (call.region ? credentials.tokens[call.region] : undefined) ??
    Object.values(credentials.tokens)[0];
  return token ? { ...headers, 'X-Auth-Token': token.token } : headers;
}

/** One authenticated call from the BFF itself (sign-in checks, login commands). */
export async function callUpstream(
  credentials: Credentials,
  call: UpstreamCall,
): Promise<Response> {
  const method = call.method ?? 'GET';
  const headers = authHeaders(
    credentials,
    { ...call, method },
    { 'content-type': 'application/json' },
  );
  try {
    return await fetch(call.url, {
      method,
      headers,
      body: call.body,
      signal: AbortSignal.timeout(call.timeoutMs),
    });
  } catch (error) {
    throw new UpstreamUnavailable(call.url, error);
  }
}
