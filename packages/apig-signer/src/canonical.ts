import { createHash, createHmac } from 'node:crypto';
import { canonicalQuery, canonicalUri } from './encoding.js';

export const ALGORITHM = 'SDK-HMAC-SHA256';
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface CanonicalInput {
  method: string;
  url: URL;
  /** Lower-case header names in signing order, with the value each is signed with. */
  signedHeaders: ReadonlyArray<readonly [name: string, value: string]>;
  payloadHash: string;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function hmacSha256Hex(key: string, message: string): string {
  return createHmac('sha256', key).update(message).digest('hex');
}

export function canonicalRequest({
  method,
  url,
  signedHeaders,
  payloadHash,
}: CanonicalInput): string {
  const headerLines = signedHeaders.map(([name, value]) => `${name}:${value}\n`).join('');
  return [
    method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.searchParams),
    headerLines,
    signedHeaders.map(([name]) => name).join(';'),
    payloadHash,
  ].join('\n');
}

function stringToSign(timestamp: string, canonical: string): string {
  return `${ALGORITHM}\n${timestamp}\n${sha256Hex(canonical)}`;
}

export function signature(secretKey: string, timestamp: string, canonical: string): string {
  return hmacSha256Hex(secretKey, stringToSign(timestamp, canonical));
}

/** `YYYYMMDDTHHmmssZ`, the only form `X-Sdk-Date` takes. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Parses `YYYYMMDDTHHmmssZ`; anything else (or an impossible date) gives `undefined`. */
export function parseSdkDate(value: string): Date | undefined {
  const match = SDK_DATE.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
  return formatSdkDate(date) === value ? date : undefined;
}

/**
 * Parses an absolute URL or an origin-form request target (`/path?query`). Only the path and query
 * take part in the signature (the host is signed through the `host` header), so a relative target
 * needs no real base.
 */
export function toUrl(url: string): URL | undefined {
  try {
    return new URL(url, 'http://origin.invalid');
  } catch {
    return undefined;
  }
}
