import type { IncomingMessage } from 'node:http';
import { parseJson } from '@swr-console/swr-api';
import { z } from 'zod';

/**
 * Codes for failures that are not a registry's answer: it was not reached, its TLS certificate was
 * refused, it fell silent, the caller gave up, or what it sent cannot be used.
 */
export type TransportCode = 'UNREACHABLE' | 'TLS' | 'TIMEOUT' | 'ABORTED';

/**
 * What went wrong talking to a registry: its HTTP status (undefined when it never answered), a code
 * (the registry's own, such as MANIFEST_UNKNOWN or DENIED, or one of ours: a {@link TransportCode},
 * UNAUTHORIZED, SIZE_MISMATCH, DIGEST_MISMATCH, INVALID_RESPONSE, MANIFEST_INVALID, NAME_INVALID)
 * and a sentence a person can read.
 */
export class RemoteRegistryError extends Error {
  /** Worth trying again later: the registry was not reached, fell silent or failed on its side. */
  readonly transient: boolean;

  constructor(
    readonly status: number | undefined,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RemoteRegistryError';
    this.transient =
      code === 'UNREACHABLE' ||
      code === 'TIMEOUT' ||
      (status !== undefined && (status >= 500 || status === 429));
  }
}

/** Distribution's error body: `{"errors":[{"code":"…","message":"…","detail":…}]}`. */
const errorBody = z.object({
  errors: z.array(z.looseObject({ code: z.string().optional(), message: z.string().optional() })),
});

const CODE_BY_STATUS: Record<number, string> = {
  401: 'UNAUTHORIZED',
  403: 'DENIED',
  404: 'NOT_FOUND',
  429: 'TOOMANYREQUESTS',
};

/** The most of an error body worth reading: registries and proxies answer with HTML pages too. */
const ERROR_BODY_LIMIT = 16 * 1024;

/** Reads an unexpected answer into an error, keeping the registry's code and message. */
export async function errorFromResponse(
  response: IncomingMessage,
  what: string,
): Promise<RemoteRegistryError> {
  const status = response.statusCode ?? 0;
  const text = (await readText(response, ERROR_BODY_LIMIT).catch(() => '')) ?? '';
  const errors = errorBody.safeParse(parseJson(text)).data?.errors ?? [];
  const code = errors[0]?.code ?? CODE_BY_STATUS[status] ?? `HTTP_${status}`;
  const said = errors
    .map((error) => [error.code, error.message].filter(Boolean).join(': '))
    .join('; ');
  const detail = said || text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return new RemoteRegistryError(
    status,
    code,
    `${what} failed with ${status}${detail ? ` (${detail})` : ''}`,
  );
}

/** The status, when it is one of `ok` (the body thrown away); else the answer as an error. */
export async function expectStatus(
  response: IncomingMessage,
  ok: number[],
  what: string,
): Promise<number> {
  const status = response.statusCode ?? 0;
  if (!ok.includes(status)) throw await errorFromResponse(response, what);
  discard(response);
  return status;
}

/**
 * The body as text, or undefined when it is longer than `limit` bytes (the rest is not read: the
 * other side decides how much it sends).
 */
export async function readText(
  stream: IncomingMessage,
  limit: number,
): Promise<string | undefined> {
  const bytes = await readBytes(stream, limit);
  return bytes?.toString('utf8');
}

export async function readBytes(
  stream: IncomingMessage,
  limit: number,
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      stream.destroy();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Throws away the rest of an answer, so that its connection can serve the next request. */
export function discard(response: IncomingMessage): void {
  response.resume();
}

export function abortedError(signal: AbortSignal): RemoteRegistryError {
  return new RemoteRegistryError(undefined, 'ABORTED', 'The copy was cancelled', {
    cause: signal.reason,
  });
}
