import { createHmac } from 'node:crypto';
import {
  request as httpRequest,
  type ClientRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  parseAuthHeader,
  webhookAddressProblem,
  type WebhookAddressType,
} from '@swr-console/swr-api';

/**
 * Delivering one webhook event to one target, written against receivers that misbehave: nothing a
 * receiver does (hang, reset, redirect, answer forever, answer garbage) ends in an exception, and
 * every delivery ends within its timeout.
 *
 * Every request is a POST of JSON carrying:
 * - `X-Swr-Event`: the event type, e.g. `PUSH_ARTIFACT`;
 * - `X-Swr-Delivery`: a UUID per event, the same on each attempt, so a receiver can drop repeats;
 * - `X-Swr-Timestamp`: unix seconds when the attempt was made;
 * and when the target has an `auth_header`, those headers and `X-Swr-Signature-256`:
 * `sha256=` and the hex HMAC-SHA256 of `<timestamp>.<body>`, keyed by the target's `auth_header`
 * string exactly as stored. A receiver that knows its headers can so check both the body and its
 * freshness; without headers there is no shared secret, and nothing is signed.
 */

/** The fields of a webhook target a delivery uses (the contract's target is one of these). */
export interface DeliveryTarget {
  address: string;
  address_type: WebhookAddressType;
  auth_header?: string;
  skip_cert_verify?: boolean;
}

export interface DeliveryOutcome {
  /** A 2xx status arrived: the receiver took the event, even if its body then broke off. */
  ok: boolean;
  statusCode?: number;
  /** At most 2 KB of the response body, decoded as UTF-8 without splitting a character. */
  responseExcerpt: string;
  /** Why the exchange did not complete: 'timed out after 10 s', 'connection refused', … */
  error?: string;
  durationMs: number;
}

export interface DeliveryOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  event: string;
  deliveryId: string;
  now: Date;
}

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** What is read of a response before the connection is closed. */
export const RESPONSE_READ_LIMIT = 64 * 1024;
export const RESPONSE_EXCERPT_LIMIT = 2 * 1024;
/**
 * Three attempts, 10 s then 60 s apart: a receiver that restarts is caught, one that is down is
 * not waited on for long.
 */
export const WEBHOOK_ATTEMPTS = 3;
const RETRY_DELAYS_MS = [10_000, 60_000] as const;
export const JOB_DETAIL_LIMIT = 8 * 1024;

export interface PushArtifactEvent {
  type: 'PUSH_ARTIFACT';
  occur_at: number;
  operator: string;
  event_data: {
    resources: { digest: string; tag: string; resource_url: string }[];
    repository: {
      date_created?: number;
      name: string;
      namespace: string;
      repo_full_name: string;
      repo_type: 'public' | 'private';
    };
  };
}

export interface PushedArtifact {
  occurredAt: Date;
  operator: string;
  namespace: string;
  repository: string;
  tag: string;
  digest: string;
  resourceUrl: string;
  repoType: 'public' | 'private';
  repositoryCreatedAt?: Date;
}

const unixSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** The body of a PUSH_ARTIFACT delivery, shaped as Harbor's event of that name. */
export function pushArtifactPayload(push: PushedArtifact): PushArtifactEvent {
  return {
    type: 'PUSH_ARTIFACT',
    occur_at: unixSeconds(push.occurredAt),
    operator: push.operator,
    event_data: {
      resources: [{ digest: push.digest, tag: push.tag, resource_url: push.resourceUrl }],
      repository: {
        ...(push.repositoryCreatedAt && { date_created: unixSeconds(push.repositoryCreatedAt) }),
        name: push.repository,
        namespace: push.namespace,
        repo_full_name: `${push.namespace}/${push.repository}`,
        repo_type: push.repoType,
      },
    },
  };
}

/** `sha256=` and the hex HMAC-SHA256 of `body` keyed by `key`. */
export function signBody(body: string, key: string): string {
  return `sha256=${createHmac('sha256', key).update(body, 'utf8').digest('hex')}`;
}

/**
 * The headers of one attempt: a pure function of the target, the body and the time. Throws when
 * the target's headers are refused by {@link parseAuthHeader}; {@link deliver} reports that.
 */
export function deliveryHeaders(
  target: Pick<DeliveryTarget, 'auth_header'>,
  body: string,
  options: Pick<DeliveryOptions, 'event' | 'deliveryId' | 'now'>,
): OutgoingHttpHeaders {
  const timestamp = String(unixSeconds(options.now));
  const headers: OutgoingHttpHeaders = { 'User-Agent': 'swr-local-webhook' };
  const authHeader = target.auth_header ?? '';
  const parsed = parseAuthHeader(authHeader);
  if ('problem' in parsed) throw new Error(`auth header refused: ${parsed.problem}`);
  for (const [name, value] of parsed.headers) headers[name] = value;
  Object.assign(headers, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    'X-Swr-Event': options.event,
    'X-Swr-Delivery': options.deliveryId,
    'X-Swr-Timestamp': timestamp,
  });
  if (parsed.headers.length > 0)
    headers['X-Swr-Signature-256'] = signBody(`${timestamp}.${body}`, authHeader);
  return headers;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ERR_INVALID_CHAR: 'a header has characters HTTP cannot carry',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
};

/** What a network error says to the person reading the job. */
function errorText(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof code === 'string' ? code : '';
  if (message === 'socket hang up') return 'connection closed before a response';
  if (ERRORS[text]) return ERRORS[text];
  if (text.startsWith('HPE_')) return `invalid HTTP response (${text})`;
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|TLS|SSL/.test(text))
    return `TLS certificate refused (${text})`;
  return clip(text || String(message ?? error), 200);
}

const formatDuration = (ms: number) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The first `limit` bytes of `bytes` as UTF-8, cut before a character it would split. */
export function utf8Excerpt(bytes: Buffer, limit = RESPONSE_EXCERPT_LIMIT): string {
  let end = Math.min(bytes.length, limit);
  if (end < bytes.length) while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, end));
}

/**
 * A target's header values as a receiver could send them back (raw, or inside a JSON string):
 * what an answer must not show. Values under 4 characters are no secret worth the garbled text.
 */
function secretsOf(target: Pick<DeliveryTarget, 'auth_header'>): string[] {
  const parsed = parseAuthHeader(target.auth_header ?? '');
  if ('problem' in parsed) return [];
  const values = parsed.headers.map(([, value]) => value).filter((value) => value.length >= 4);
  return [...new Set(values.flatMap((value) => [value, JSON.stringify(value).slice(1, -1)]))].sort(
    (a, b) => b.length - a.length,
  );
}

/** `text` with every secret replaced by `*****`. */
function redacted(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => result.split(secret).join('*****'), text);
}

/**
 * Posts `body` to the target once. Never throws and never follows a redirect. A receiver that
 * echoes the request (its headers in the body, or in a redirect's location) is answered with the
 * target's header values masked: the outcome is shown to anyone who may read the webhook. The address and
 * headers are checked again first, as a stored target may predate the rules; the address a host
 * name resolves to is not checked.
 */
export function deliver(
  target: DeliveryTarget,
  body: string,
  options: DeliveryOptions,
): Promise<DeliveryOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const refused = (error: string): Promise<DeliveryOutcome> =>
    Promise.resolve({ ok: false, responseExcerpt: '', error, durationMs: elapsed() });
  if (options.signal?.aborted) return refused('aborted');
  const addressProblem = webhookAddressProblem(target.address, target.address_type);
  if (addressProblem) return refused(`address refused: ${addressProblem}`);
  let headers: OutgoingHttpHeaders;
  try {
    headers = deliveryHeaders(target, body, options);
  } catch (error) {
    return refused(error instanceof Error ? error.message : String(error));
  }
  const url = new URL(target.address);
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const secrets = secretsOf(target);

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
      options.signal?.removeEventListener('abort', onAbort);
      response?.destroy();
      request?.destroy();
      const ok = statusCode !== undefined && statusCode >= 200 && statusCode < 300;
      // Masked before the excerpt is cut, so that no part of a secret is left at the cut.
      const answered = redacted(Buffer.concat(chunks).toString('utf8'), secrets);
      resolve({
        ok,
        ...(statusCode !== undefined && { statusCode }),
        responseExcerpt: utf8Excerpt(Buffer.from(answered)),
        ...(error !== undefined && { error: redacted(error, secrets) }),
        durationMs: elapsed(),
      });
    };
    const onAbort = () => finish('aborted');
    const timer = setTimeout(
      () => finish(`timed out after ${formatDuration(timeoutMs)}`),
      timeoutMs,
    );

    const onResponse = (res: IncomingMessage) => {
      response = res;
      statusCode = res.statusCode;
      if (statusCode !== undefined && REDIRECTS.has(statusCode)) {
        const location = res.headers.location;
        finish(
          `redirects are not followed (${statusCode}${location ? ` to ${clip(redacted(location, secrets), 200)}` : ''})`,
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
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    try {
      request = send(url, {
        method: 'POST',
        headers,
        // A fresh connection per delivery: a hostile receiver's socket is never reused.
        agent: false,
        ...(url.protocol === 'https:' && { rejectUnauthorized: !target.skip_cert_verify }),
      });
    } catch (error) {
      // Headers node refuses (an event name or delivery id with a line break) throw here.
      finish(errorText(error));
      return;
    }
    request.on('error', (error) => finish(errorText(error)));
    request.on('response', onResponse);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    request.end(body);
  });
}

/**
 * The wait after failed attempt `attempt` (1-based) before the next: 10 s, then 60 s. There is no
 * attempt after the last, so asking for one is a mistake of the caller's.
 */
export function retryDelayMs(attempt: number): number {
  const delay = RETRY_DELAYS_MS[attempt - 1];
  if (delay === undefined)
    throw new RangeError(`No attempt follows attempt ${attempt} of ${WEBHOOK_ATTEMPTS}.`);
  return delay;
}

/**
 * Whether another attempt may succeed where this one failed: after network errors, timeouts, 5xx
 * and 429. A 4xx other than 429 says the request is wrong, and a redirect is a receiver's
 * misconfiguration; repeating either only repeats the answer.
 */
export function shouldRetry(outcome: DeliveryOutcome): boolean {
  if (outcome.ok) return false;
  if (outcome.statusCode === undefined)
    return !/^(aborted|address refused|auth header refused)/.test(outcome.error ?? '');
  return outcome.statusCode >= 500 || outcome.statusCode === 429;
}

/**
 * The `job_detail` of an attempt: JSON of the request body, the status, the response excerpt, the
 * error and the attempt, at most 8 KB of UTF-8. The excerpt is cut first, then the request body.
 */
export function jobDetail(outcome: DeliveryOutcome, attempt: number, body: string): string {
  const detail = (requestBody: string, excerpt: string) =>
    JSON.stringify({
      attempt,
      request_body: requestBody,
      ...(requestBody.length < body.length && { request_body_truncated: true }),
      status_code: outcome.statusCode ?? null,
      response_excerpt: excerpt,
      ...(excerpt.length < outcome.responseExcerpt.length && { response_excerpt_truncated: true }),
      error: outcome.error === undefined ? null : clip(outcome.error, 512),
      duration_ms: outcome.durationMs,
    });
  const fits = (text: string) => Buffer.byteLength(text) <= JOB_DETAIL_LIMIT;
  const full = detail(body, outcome.responseExcerpt);
  if (fits(full)) return full;
  const longestFitting = (text: string, build: (cut: string) => string) => {
    let [low, high] = [0, text.length];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (fits(build(cutAt(text, middle)))) low = middle;
      else high = middle - 1;
    }
    return cutAt(text, low);
  };
  const excerpt = longestFitting(outcome.responseExcerpt, (cut) => detail(body, cut));
  if (excerpt !== '' || fits(detail(body, ''))) return detail(body, excerpt);
  return detail(
    longestFitting(body, (cut) => detail(cut, '')),
    '',
  );
}

/** `text` cut to `length` UTF-16 units, one shorter when that would split a surrogate pair. */
function cutAt(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}
