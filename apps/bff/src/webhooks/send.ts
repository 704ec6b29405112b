import {
  request as httpRequest,
  type ClientRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { WebhookAddressType } from '@swr-console/swr-api';
import { guardedLookup } from './addresses.js';
import { redacted } from './secrets.js';

/**
 * One POST of a test event, written against receivers that misbehave: nothing a receiver does
 * (hang, trickle, reset, redirect, answer for ever, answer garbage) ends in an exception, and every
 * send ends within its timeout. Never follows a redirect; a fresh connection each time.
 */

export interface TestTarget {
  address: string;
  address_type: WebhookAddressType;
  skip_cert_verify?: boolean | undefined;
}

export interface TestOutcome {
  /** A 2xx status arrived: the receiver took the event, even if its body then broke off. */
  ok: boolean;
  statusCode?: number;
  /** At most 2 KB of the response body, decoded as UTF-8 without splitting a character. */
  responseExcerpt: string;
  /** Why the exchange did not complete: 'timed out after 5 s', 'connection refused', … */
  error?: string;
  durationMs: number;
}

export const TEST_TIMEOUT_MS = 5_000;
/** What is read of a response before the connection is closed. */
export const RESPONSE_READ_LIMIT = 64 * 1024;
export const RESPONSE_EXCERPT_LIMIT = 2 * 1024;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
};

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** What a network error says to the person reading it. */
function errorText(error: unknown): string {
  const { code, message } = error instanceof Error ? (error as NodeJS.ErrnoException) : {};
  const text = typeof code === 'string' ? code : '';
  if (text === 'EADDRESSREFUSED') return clip(String(message), 300);
  if (message === 'socket hang up') return 'connection closed before a response';
  if (ERRORS[text]) return ERRORS[text];
  if (text.startsWith('HPE_')) return `invalid HTTP response (${text})`;
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|TLS|SSL/.test(text))
    return `TLS certificate refused (${text})`;
  return clip(text || String(message ?? error), 200);
}

/** The first `limit` bytes of `bytes` as UTF-8, cut before a character it would split. */
export function utf8Excerpt(bytes: Buffer, limit = RESPONSE_EXCERPT_LIMIT): string {
  let end = Math.min(bytes.length, limit);
  if (end < bytes.length) while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, end));
}

/**
 * POSTs `body` with `headers` to the target once and says how the receiver answered. Never
 * rejects. A host name is resolved through {@link guardedLookup}, so it is refused when it points
 * where the target's address type (or, outside the sandbox, loopback) may not go.
 */
export function sendTestEvent(
  target: TestTarget,
  body: string,
  headers: OutgoingHttpHeaders,
  {
    allowLoopback,
    timeoutMs = TEST_TIMEOUT_MS,
    signal,
    secrets = [],
  }: {
    allowLoopback: boolean;
    timeoutMs?: number;
    signal?: AbortSignal;
    /** Written as `*****` wherever the answer or the error has them (see `answerSecrets`). */
    secrets?: readonly string[];
  },
): Promise<TestOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (signal?.aborted)
    return Promise.resolve({
      ok: false,
      responseExcerpt: '',
      error: 'aborted',
      durationMs: 0,
    });

  return new Promise((resolve) => {
    let statusCode: number | undefined;
    let request: ClientRequest | undefined;
    let response: IncomingMessage | undefined;
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;

    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      response?.destroy();
      request?.destroy();
      // Masked before the excerpt is cut, so that no part of a secret is left at the cut.
      const answered = redacted(Buffer.concat(chunks).toString('utf8'), secrets);
      resolve({
        ok: statusCode !== undefined && statusCode >= 200 && statusCode < 300,
        ...(statusCode !== undefined && { statusCode }),
        responseExcerpt: utf8Excerpt(Buffer.from(answered)),
        ...(error !== undefined && { error: redacted(error, secrets) }),
        durationMs: elapsed(),
      });
    };
    const onAbort = () => finish('aborted');
    const timer = setTimeout(() => finish(`timed out after ${timeoutMs / 1000} s`), timeoutMs);

    const onResponse = (res: IncomingMessage) => {
      response = res;
      const status = res.statusCode ?? 0;
      if (status < 100 || status > 599) {
        finish(`invalid HTTP response (status ${status})`);
        return;
      }
      statusCode = status;
      if (REDIRECTS.has(status)) {
        const location = res.headers.location;
        finish(
          `redirects are not followed (${status}${location ? ` to ${clip(location, 200)}` : ''})`,
        );
        return;
      }
      res.on('data', (chunk: Buffer) => {
        const room = RESPONSE_READ_LIMIT - received;
        chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
        received += Math.min(chunk.length, room);
        if (received >= RESPONSE_READ_LIMIT) finish();
      });
      res.on('end', () => finish());
      res.on('error', (error) => finish(`response cut short: ${errorText(error)}`));
      res.on('close', () => finish(res.complete ? undefined : 'response cut short'));
    };

    try {
      const url = new URL(target.address);
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      request = send(url, {
        method: 'POST',
        headers,
        // A fresh connection each time: a hostile receiver's socket is never reused.
        agent: false,
        lookup: guardedLookup(target.address_type, allowLoopback),
        ...(url.protocol === 'https:' && { rejectUnauthorized: !target.skip_cert_verify }),
      });
    } catch (error) {
      // An address or header node refuses throws here; the route checked both before.
      finish(errorText(error));
      return;
    }
    request.on('error', (error) => finish(errorText(error)));
    request.on('response', onResponse);
    signal?.addEventListener('abort', onAbort, { once: true });
    request.end(body);
  });
}
