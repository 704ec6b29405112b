export interface SignableRequest {
  method: string;
  /** Absolute URL, or an origin-form path (`/v2/...?...`) resolved against the `Host` header. */
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface Credentials {
  accessKey: string;
  secretKey: string;
  projectId?: string;
  /** Only for temporary credentials; it is sent as `X-Security-Token` and signed. */
  securityToken?: string;
}

export type VerifyFailure =
  | 'missing-authorization'
  | 'malformed-authorization'
  | 'unknown-access-key'
  | 'missing-date'
  | 'date-out-of-range'
  | 'unsigned-required-header'
  | 'signature-mismatch';

export type VerifyResult = { ok: true; accessKey: string } | { ok: false; reason: VerifyFailure };

export type SecretKeyLookup = (
  accessKey: string,
) => string | undefined | null | Promise<string | undefined | null>;
