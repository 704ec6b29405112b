import { EMPTY_BODY_SHA256, sha256Hex } from './canonical.js';
import { headerValue } from './headers.js';

/**
 * The payload hash: an explicit `X-Sdk-Content-Sha256` wins (e.g. `UNSIGNED-PAYLOAD`), otherwise
 * the SHA-256 of the exact body bytes.
 */
export function payloadHash(
  headers: Readonly<Record<string, string>>,
  body?: string | Uint8Array,
): string {
  const declared = headerValue(headers, 'x-sdk-content-sha256');
  if (declared !== undefined) return declared;
  if (body === undefined || body.length === 0) return EMPTY_BODY_SHA256;
  return sha256Hex(body);
}
