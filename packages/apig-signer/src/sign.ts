import {
  ALGORITHM,
  canonicalRequest,
  formatSdkDate,
  parseSdkDate,
  signature,
  toUrl,
} from './canonical.js';
import { compareCodeUnits } from './encoding.js';
import { payloadHash } from './payload.js';
import type { Credentials, SignableRequest } from './types.js';

/**
 * Signs a request the way the Huawei Cloud SDKs do (SDK-HMAC-SHA256) and returns every header to
 * send: the given ones plus `X-Sdk-Date`, `Host` (when missing), `X-Project-Id` and
 * `X-Security-Token` (when the credentials carry them) and `Authorization`. Every returned header
 * except `Authorization` is signed, so send them unchanged, with the URL and body bytes given here.
 */
export function signRequest(
  request: SignableRequest,
  credentials: Credentials,
  now: Date = new Date(),
): Record<string, string> {
  // Lower-case name → the name as sent and its value.
  const headers = new Map<string, [name: string, value: string]>();
  for (const [name, value] of Object.entries(request.headers)) {
    const key = name.toLowerCase();
    if (key === 'authorization') continue;
    if (headers.has(key))
      throw new TypeError(`header "${key}" is given twice with different letter case`);
    headers.set(key, [name, value]);
  }

  const url = toUrl(request.url);
  if (!url) throw new TypeError(`cannot sign an invalid URL: ${request.url}`);
  if (!headers.has('host')) {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(request.url)) {
      throw new TypeError('signing an origin-form URL needs a Host header');
    }
    headers.set('host', ['Host', url.host]);
  }
  if (credentials.projectId !== undefined) {
    headers.set('x-project-id', ['X-Project-Id', credentials.projectId]);
  }
  if (credentials.securityToken !== undefined) {
    headers.set('x-security-token', ['X-Security-Token', credentials.securityToken]);
  }

  const given = headers.get('x-sdk-date')?.[1];
  if (given !== undefined && !parseSdkDate(given)) {
    throw new TypeError(`X-Sdk-Date must look like 20240115T083000Z, got "${given}"`);
  }
  const timestamp = given ?? formatSdkDate(now);
  if (given === undefined) headers.set('x-sdk-date', ['X-Sdk-Date', timestamp]);

  const signedHeaders = [...headers]
    .map(([key, [, value]]) => [key, value] as const)
    .sort(([a], [b]) => compareCodeUnits(a, b));
  const sent = Object.fromEntries(headers.values());
  const canonical = canonicalRequest({
    method: request.method,
    url,
    signedHeaders,
    payloadHash: payloadHash(sent, request.body),
  });
  const names = signedHeaders.map(([key]) => key).join(';');
  const sig = signature(credentials.secretKey, timestamp, canonical);
  return {
    ...sent,
    Authorization: `${ALGORITHM} Access=${credentials.accessKey}, SignedHeaders=${names}, Signature=${sig}`,
  };
}
