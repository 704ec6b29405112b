import { timingSafeEqual } from 'node:crypto';
import { ALGORITHM, canonicalRequest, parseSdkDate, signature, toUrl } from './canonical.js';
import { headerValue } from './headers.js';
import { payloadHash } from './payload.js';
import type { SecretKeyLookup, SignableRequest, VerifyResult } from './types.js';

/** Headers that must be covered by the signature whenever they are on the request. */
const SIGNED_WHEN_PRESENT = ['x-project-id', 'x-security-token', 'x-sdk-content-sha256'];
const ALWAYS_SIGNED = ['host', 'x-sdk-date'];

interface Authorization {
  accessKey: string;
  signedHeaders: string[];
  signature: string;
}

/**
 * Checks an SDK-HMAC-SHA256 signature as the API gateway in front of SWR does: the date must be
 * within `maxSkewSeconds` of `now`, the host, date and identity headers must be signed, and the
 * signature recomputed from the received method, path, query, signed headers and body bytes must
 * match in constant time.
 */
export async function verifyRequest(
  request: SignableRequest,
  lookupSecretKey: SecretKeyLookup,
  now: Date = new Date(),
  maxSkewSeconds = 900,
): Promise<VerifyResult> {
  const header = headerValue(request.headers, 'authorization');
  if (header === undefined || header.trim() === '') return fail('missing-authorization');
  const auth = parseAuthorization(header);
  if (!auth) return fail('malformed-authorization');

  const date = headerValue(request.headers, 'x-sdk-date');
  if (date === undefined) return fail('missing-date');
  const signedAt = parseSdkDate(date);
  if (!signedAt || Math.abs(now.getTime() - signedAt.getTime()) > maxSkewSeconds * 1000) {
    return fail('date-out-of-range');
  }

  const required = [
    ...ALWAYS_SIGNED,
    ...SIGNED_WHEN_PRESENT.filter((name) => headerValue(request.headers, name) !== undefined),
  ];
  if (required.some((name) => !auth.signedHeaders.includes(name))) {
    return fail('unsigned-required-header');
  }

  const secretKey = await lookupSecretKey(auth.accessKey);
  if (!secretKey) return fail('unknown-access-key');

  const signedHeaders: [string, string][] = [];
  for (const name of auth.signedHeaders) {
    const value = headerValue(request.headers, name);
    if (value === undefined) return fail('signature-mismatch');
    signedHeaders.push([name, value]);
  }
  const url = toUrl(request.url);
  if (!url) return fail('signature-mismatch');
  const canonical = canonicalRequest({
    method: request.method,
    url,
    signedHeaders,
    payloadHash: payloadHash(Object.fromEntries(signedHeaders), request.body),
  });
  const expected = Buffer.from(signature(secretKey, date, canonical), 'hex');
  const given = Buffer.from(auth.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return fail('signature-mismatch');
  }
  return { ok: true, accessKey: auth.accessKey };
}

function fail(reason: Exclude<VerifyResult, { ok: true }>['reason']): VerifyResult {
  return { ok: false, reason };
}

const AUTHORIZATION = new RegExp(
  `^${ALGORITHM} Access=([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-f]{64})$`,
);
const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;

function parseAuthorization(value: string): Authorization | undefined {
  const [, accessKey, names, sig] = AUTHORIZATION.exec(value.trim()) ?? [];
  if (accessKey === undefined || names === undefined || sig === undefined) return undefined;
  const signedHeaders = names.split(';');
  if (signedHeaders.some((name) => !HEADER_NAME.test(name))) return undefined;
  if (new Set(signedHeaders).size !== signedHeaders.length) return undefined;
  return { accessKey, signedHeaders, signature: sig };
}
