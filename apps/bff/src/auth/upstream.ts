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

/** The most of an answer the BFF reads for itself: SWR's and IAM's are far smaller. */
export const ANSWER_LIMIT = 4 * 1024 * 1024;
/** The most of an error answer read: SWR's own errors are a few hundred bytes. */
export const ERROR_LIMIT = 64 * 1024;

/**
 * When each upstream answer's time is up. fetch's own abort does not always end a body read that
 * has begun (Node 20's fetch can leave it pending for ever when the abort lands mid-body), so the
 * read keeps its own deadline.
 */
const deadlines = new WeakMap<Response, { at: number; signal: AbortSignal }>();

/**
 * fetch, answered within `timeoutMs`: the headers by fetch's own abort, the body by `readAtMost`
 * and `readJson`, which stop reading at the same deadline.
 */
export async function fetchWithin(
  url: string | URL,
  init: RequestInit,
  timeoutMs: number,
): Promise<Response> {
  const at = Date.now() + timeoutMs;
  const signal = AbortSignal.timeout(timeoutMs);
  const response = await fetch(url, { ...init, signal });
  deadlines.set(response, { at, signal });
  return response;
}

class BodyTimeout extends Error {
  override name = 'TimeoutError';
}

class BodyCutShort extends Error {
  override name = 'BodyCutShort';
}

/** A body up to `limit` bytes, or undefined when it is longer (read no further than that). */
export async function readAtMost(response: Response, limit: number): Promise<Buffer | undefined> {
  const declared = response.headers.get('content-length');
  if (Number(declared ?? 0) > limit) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  // One timer for the whole body: when it fires, the read under way fails and the body is dropped.
  const deadline = deadlines.get(response);
  let timer: NodeJS.Timeout | undefined;
  const late =
    deadline === undefined
      ? undefined
      : new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => {
              reader.cancel().catch(() => undefined);
              reject(new BodyTimeout('the answer did not arrive in time'));
            },
            Math.max(0, deadline.at - Date.now()),
          );
        });
  late?.catch(() => undefined);
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await (late ? Promise.race([reader.read(), late]) : reader.read());
      if (done) {
        // Node 20's fetch can end a body quietly when its abort lands mid-read: a body shorter
        // than it said, or (without a length) one that ended as the deadline passed, is broken
        // off, not complete. (fetch unpacks a compressed body; its length counts packed bytes.)
        const packed = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
        if (declared !== null && !packed) {
          if (size !== Number(declared)) {
            throw new BodyCutShort(`the answer ended after ${size} of ${declared} bytes`);
          }
        } else if (deadline?.signal.aborted) {
          throw new BodyTimeout('the answer did not arrive in time');
        }
        return Buffer.concat(chunks);
      }
      size += value.length;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return undefined;
      }
      chunks.push(Buffer.from(value));
    }
  } finally {
    clearTimeout(timer);
  }
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

/**
 * One call from the BFF itself (sign-in checks, login commands, signature checks), authenticated
 * as the session's user when there are credentials (a password sign-in has none yet).
 */
export async function callUpstream(
  credentials: Credentials | undefined,
  call: UpstreamCall,
): Promise<Response> {
  const method = call.method ?? 'GET';
  const plain = { 'content-type': 'application/json' };
  const headers = credentials ? authHeaders(credentials, { ...call, method }, plain) : plain;
  try {
    return await fetchWithin(
      call.url,
      // A redirect would carry the session's token to wherever it points; IAM and SWR send none.
      { method, headers, body: call.body, redirect: 'error' },
      call.timeoutMs,
    );
  } catch (error) {
    throw new UpstreamUnavailable(call.url, error);
  }
}
