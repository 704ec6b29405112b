import { fieldsOf, parseJson } from '@swr-console/swr-api';

/**
 * What a webhook delivery's record says, read defensively: `job_detail` is JSON text that carries
 * the receiver's own answer (anything a receiver chose to send), and `status_text` is prose.
 */

export interface DeliveryDetail {
  attempt?: number;
  statusCode?: number;
  /** The start of the receiver's answer, made safe to show as text (see {@link visibleText}). */
  excerpt: string;
  excerptTruncated: boolean;
  error?: string;
  durationMs?: number;
}

/** Longest excerpt shown; SWR keeps 2 KB, a hostile or future server may send more. */
export const EXCERPT_SHOWN = 4096;

/**
 * Text safe to put on screen as it is: control characters (but line breaks and tabs) and the
 * bidirectional overrides that can make text read other than it is are written as `\u{…}`, and
 * it is cut at `max` characters. React escapes the rest; nothing is ever parsed as HTML.
 */
export function visibleText(text: string, max = EXCERPT_SHOWN): string {
  const characters = [...text];
  const cut = characters.length > max;
  const shown = (cut ? characters.slice(0, max) : characters)
    .map((character) => {
      const code = character.codePointAt(0)!;
      return hidden(code) ? `\\u{${code.toString(16)}}` : character;
    })
    .join('');
  return cut ? `${shown}…` : shown;
}

/** Control characters but tab and line breaks, and the marks that reorder text as it is shown. */
function hidden(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return false;
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

const wholeNumber = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The delivery's detail, or undefined when `job_detail` is not the JSON object SWR writes. */
export function deliveryDetail(jobDetail: string): DeliveryDetail | undefined {
  const fields = fieldsOf(parseJson(jobDetail));
  if (!fields) return undefined;
  const excerpt = text(fields.response_excerpt) ?? '';
  const error = text(fields.error);
  const attempt = wholeNumber(fields.attempt);
  const statusCode = wholeNumber(fields.status_code);
  const durationMs = wholeNumber(fields.duration_ms);
  return {
    ...(attempt !== undefined && { attempt }),
    ...(statusCode !== undefined && { statusCode }),
    excerpt: visibleText(excerpt),
    excerptTruncated:
      fields.response_excerpt_truncated === true || [...excerpt].length > EXCERPT_SHOWN,
    ...(error !== undefined && { error: visibleText(error, 512) }),
    ...(durationMs !== undefined && { durationMs }),
  };
}

export interface Attempts {
  /** Attempts made so far, when the record says. */
  made?: number;
  /** Attempts there will be at most. */
  of?: number;
  /** When a waiting delivery is tried next (ISO), for `Pending` with a retry ahead. */
  nextAt?: string;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, min: 60_000 };

/**
 * Attempts and the next retry, from the status text (`HTTP 500; attempt 2 of 3 in 10 s`,
 * `connection refused after 3 attempts`) and the detail's attempt number; `updatedAt` is when the
 * record last changed, which the retry's delay counts from.
 */
export function attemptsOf(
  statusText: string,
  updatedAt: string,
  detail: DeliveryDetail | undefined,
): Attempts {
  const next = /attempt (\d+) of (\d+) in (\d+(?:\.\d+)?) ?(ms|s|min)\b/.exec(statusText);
  if (next) {
    const at = Date.parse(updatedAt) + Number(next[3]) * UNIT_MS[next[4]!]!;
    return {
      made: Number(next[1]) - 1,
      of: Number(next[2]),
      ...(Number.isNaN(at) ? {} : { nextAt: new Date(at).toISOString() }),
    };
  }
  const after = /after (\d+) attempts?\b/.exec(statusText);
  if (after) return { made: Number(after[1]) };
  return detail?.attempt !== undefined ? { made: detail.attempt } : {};
}

export type DeliveryStatus =
  'Initialized' | 'Pending' | 'InProgress' | 'Succeed' | 'Failed' | 'Stopped';

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  'Pending',
  'InProgress',
  'Succeed',
  'Failed',
  'Stopped',
];

/** A delivery that is still to end: the history is followed while any is. */
export const unsettled = (status: string) => status === 'Pending' || status === 'InProgress';
