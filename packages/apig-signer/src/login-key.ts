import { hmacSha256Hex } from './canonical.js';

/**
 * The long-term docker login password of an access key: lower-case hex HMAC-SHA256 of the AK keyed
 * by the SK. It cannot be turned back into the SK, so it can be shown to the key's owner.
 */
export function deriveLoginKey(accessKey: string, secretKey: string): string {
  return hmacSha256Hex(secretKey, accessKey);
}
