/** SWR's error codes and bodies, without a schema library (browsers load this). */

/**
 * Error codes of the Basic edition that this project relies on. The three digits after `SWR.` are
 * the HTTP status, except where SWR answers a "not found" with 400 (noted).
 */
export const SwrErrorCode = {
  authFailed: 'SVCSTG.SWR.4010000',
  noTokenInContext: 'SVCSTG.SWR.4001048',
  insufficientPermissions: 'SVCSTG.SWR.4030170',
  noPermission: 'SVCSTG.SWR.4039002',
  invalidParameter: 'SVCSTG.SWR.4000014',
  invalidName: 'SVCSTG.SWR.4001008',
  invalidDigest: 'SVCSTG.SWR.4000013',
  namespaceQuotaExceeded: 'SVCSTG.SWR.4000097',
  namespaceNotFound: 'SVCSTG.SWR.4040058',
  repositoryNotFound: 'SVCSTG.SWR.4040113',
  tagNotFound: 'SVCSTG.SWR.4040115',
  resourceNotFound: 'SVCSTG.SWR.4040004',
  namespaceExists: 'SVCSTG.SWR.4090060',
  repositoryExists: 'SVCSTG.SWR.4090006',
  permissionExists: 'SVCSTG.SWR.4090076',
  namespaceNotEmpty: 'SVCSTG.SWR.4060074',
  repositoryNotEmpty: 'SVCSTG.SWR.4060012',
  /** 400, not 404: deleting a retention rule that does not exist. */
  retentionNotFound: 'SVCSTG.SWR.4000306',
  /** 400, not 404: a share (access domain) that does not exist. */
  shareNotFound: 'SVCSTG.SWR.4001090',
  /** 400, not 404: deleting an automatic sync task that does not exist. */
  syncTaskNotFound: 'SVCSTG.SWR.4001158',
  busy: 'SVCSTG.SWR.4090023',
  tooLarge: 'SVCSTG.SWR.4130025',
  internal: 'SVCSTG.SWR.5000001',
  /** This project's choice (SWR documents none): a part of the service is briefly down. */
  unavailable: 'SVCSTG.SWR.5030001',
} as const;
export type SwrErrorCode = (typeof SwrErrorCode)[keyof typeof SwrErrorCode];

/**
 * Codes of the Enterprise edition, which drop the `SVCSTG.` prefix and answer a plain
 * `{error_code, error_msg}`. SWR documents only `SWR.400003` (a retention policy that does not
 * exist); the others are this project's choice, built like the Basic codes (status first).
 */
export const EnterpriseErrorCode = {
  invalidParameter: 'SWR.400001',
  limitExceeded: 'SWR.400002',
  retentionPolicyNotFound: 'SWR.400003',
  forbidden: 'SWR.403001',
  notFound: 'SWR.404001',
  exists: 'SWR.409001',
  /** A scan of the artifact is already waiting or running. */
  busy: 'SWR.409002',
  /** The change would alter or delete an immutable tag. */
  immutable: 'SWR.412001',
  internal: 'SWR.500001',
  unavailable: 'SWR.503001',
} as const;

/** Codes of the key service (KMS), which wraps its errors as `{error: {error_code, error_msg}}`. */
export const KmsErrorCode = {
  invalidParameter: 'KMS.0201',
  forbidden: 'KMS.0403',
  keyNotFound: 'KMS.0207',
  internal: 'KMS.0500',
} as const;

/** Codes of the API gateway in front of SWR; they come before SWR sees the request. */
export const GatewayErrorCode = {
  authFailed: 'APIGW.0301',
  notFound: 'APIGW.0101',
  throttled: 'APIGW.0308',
} as const;

/** What the BFF answers on every error (RFC 9457 problem details), keeping SWR's code. */
export interface ProblemDetails {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  request_id?: string;
  /** Field-level problems of a request that failed validation. */
  errors?: { field: string; message: string }[];
}

/** The current combined body of SWR's errors: the legacy camel-case list and the new keys. */
export interface SwrErrorBody {
  errors?: {
    errorCode: string;
    errorMessage?: string;
    detail?: string;
    encoded_authorization_message?: string;
  }[];
  error_code: string;
  error_msg: string;
  details?: { error_code: string; error_msg: string }[];
  encoded_authorization_message?: string;
}

export interface NormalizedError {
  code?: string;
  message?: string;
  requestId?: string;
  fieldErrors?: { field: string; message: string }[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

function fieldErrors(value: unknown): { field: string; message: string }[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(
    (e): e is { field: string; message: string } =>
      isObject(e) && typeof e.field === 'string' && typeof e.message === 'string',
  );
}

/** Reads whichever of the known error shapes a body has (problem details, SWR, gateway, legacy). */
export function normalizeError(body: unknown): NormalizedError {
  let result: NormalizedError = {};
  if (isObject(body) && typeof body.title === 'string' && typeof body.status === 'number') {
    result = {
      code: text(body.code),
      message: text(body.detail) ?? body.title,
      requestId: text(body.request_id),
      fieldErrors: fieldErrors(body.errors),
    };
  } else if (
    isObject(body) &&
    typeof body.error_code === 'string' &&
    typeof body.error_msg === 'string'
  ) {
    result = { code: body.error_code, message: body.error_msg, requestId: text(body.request_id) };
  } else if (
    isObject(body) &&
    isObject(body.error) &&
    typeof body.error.error_code === 'string' &&
    typeof body.error.error_msg === 'string'
  ) {
    result = { code: body.error.error_code, message: body.error.error_msg };
  } else if (Array.isArray(body) && isObject(body[0]) && typeof body[0].errorCode === 'string') {
    result = { code: body[0].errorCode, message: text(body[0].errorMessage) };
  } else if (isObject(body) && typeof body.errorCode === 'string') {
    result = { code: body.errorCode, message: text(body.errorMessage) };
  }
  return Object.fromEntries(
    Object.entries(result).filter(([, v]) => v !== undefined),
  ) as NormalizedError;
}

/** The combined error object SWR documents today, as swr-local emits it. */
export function makeSwrError(
  code: string,
  message: string,
  options: { encodedAuthorizationMessage?: string } = {},
): SwrErrorBody {
  const auth = options.encodedAuthorizationMessage;
  return {
    errors: [
      {
        errorCode: code,
        errorMessage: message,
        detail: '',
        ...(auth === undefined ? {} : { encoded_authorization_message: auth }),
      },
    ],
    error_code: code,
    error_msg: message,
    details: [{ error_code: code, error_msg: message }],
    ...(auth === undefined ? {} : { encoded_authorization_message: auth }),
  };
}
