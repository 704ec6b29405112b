import { signRequest } from '@swr-console/apig-signer';
import { buildPath, endpoints, normalizeError } from '@swr-console/swr-api';
import { HttpProblem, titleOf } from '../problem.js';
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

/** The most of an answer the BFF reads for itself: SWR's and IAM's are far smaller. */
const ANSWER_LIMIT = 4 * 1024 * 1024;
/** The most of an error answer read: SWR's own errors are a few hundred bytes. */
export const ERROR_LIMIT = 64 * 1024;

/** A body up to `limit` bytes, or undefined when it is longer (read no further than that). */
export async function readAtMost(response: Response, limit: number): Promise<Buffer | undefined> {
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    await response.body?.cancel();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += (chunk as Uint8Array).length;
    if (size > limit) return undefined;
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}

/**
 * An upstream answer's JSON, read to at most `limit` bytes; undefined when it is longer, broken
 * off or not JSON. The rest is never read, so a huge or endless answer costs nothing.
 */
export async function readJson(response: Response, limit = ANSWER_LIMIT): Promise<unknown> {
  try {
    const data = await readAtMost(response, limit);
    return data && (JSON.parse(data.toString('utf8')) as unknown);
  } catch {
    return undefined;
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

/**
 * One SWR call from the BFF itself that answers JSON: an unreachable SWR is a 502, and SWR's
 * refusal (any of its error bodies) an HttpProblem with SWR's status, code and message.
 */
export async function callSwrJson(
  credentials: Credentials,
  call: Omit<UpstreamCall, 'body'> & { body?: unknown },
): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await callUpstream(credentials, {
      ...call,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
    });
  } catch (error) {
    if (error instanceof UpstreamUnavailable)
      throw new HttpProblem(502, titleOf(502), 'SWR could not be reached.', {
        code: 'UPSTREAM_UNREACHABLE',
      });
    throw error;
  }
  const read = await readJson(response, response.ok ? ANSWER_LIMIT : ERROR_LIMIT);
  const body = (typeof read === 'object' && read !== null ? read : {}) as Record<string, unknown>;
  if (!response.ok) {
    const problem = normalizeError(body);
    throw new HttpProblem(
      response.status,
      titleOf(response.status),
      problem.message ?? 'SWR refused the request.',
      { code: problem.code ?? 'UPSTREAM_ERROR' },
    );
  }
  return body;
}

/** A temporary login of an Enterprise instance, with the address of its registry. */
export async function instanceLogin(
  credentials: Credentials,
  call: { api: string; projectId: string; region: string; instance: string; timeoutMs: number },
): Promise<{ username: string; password: string; expiresAt: string; registry: string }> {
  const at = { project_id: call.projectId, instance_id: call.instance };
  const ask = (method: string, path: string) =>
    callSwrJson(credentials, {
      method,
      url: `${call.api}${path}`,
      projectId: call.projectId,
      region: call.region,
      timeoutMs: call.timeoutMs,
    });
  const shown = await ask('GET', buildPath(endpoints.ShowInstance.path, at));
  const login = await ask('POST', buildPath(endpoints.CreateInstanceTempCredential.path, at));
  if (
    typeof shown.access_address !== 'string' ||
    shown.access_address === '' ||
    typeof login.user_id !== 'string' ||
    typeof login.auth_token !== 'string'
  )
    throw new HttpProblem(502, titleOf(502), 'SWR did not issue a login for the instance.', {
      code: 'NO_LOGIN',
    });
  return {
    username: login.user_id,
    password: login.auth_token,
    expiresAt: typeof login.expire_date === 'string' ? login.expire_date : '',
    registry: shown.access_address,
  };
}
