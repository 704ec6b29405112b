import { z } from 'zod';

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
} as const;
export type SwrErrorCode = (typeof SwrErrorCode)[keyof typeof SwrErrorCode];

/** Codes of the API gateway in front of SWR; they come before SWR sees the request. */
export const GatewayErrorCode = {
  authFailed: 'APIGW.0301',
  notFound: 'APIGW.0101',
  throttled: 'APIGW.0308',
} as const;

const legacyError = z.looseObject({
  errorCode: z.string(),
  errorMessage: z.string().optional(),
  detail: z.string().optional(),
  encoded_authorization_message: z.string().optional(),
});

/** Older regions: a bare array of camel-case items. */
export const legacyErrorBody = z.array(legacyError).min(1);

/** Current docs: one object carrying the old camel-case list and the new snake-case fields. */
export const swrErrorBody = z.looseObject({
  errors: z.array(legacyError).optional(),
  error_code: z.string(),
  error_msg: z.string(),
  details: z.array(z.looseObject({ error_code: z.string(), error_msg: z.string() })).optional(),
  encoded_authorization_message: z.string().optional(),
});

/** The API gateway's own errors (signature, token, unknown path, throttling). */
export const gatewayErrorBody = z.looseObject({
  error_code: z.string(),
  error_msg: z.string(),
  request_id: z.string().optional(),
});

/**
 * What the BFF answers on every error (RFC 9457 problem details), keeping SWR's code and message
 * and the request id a user quotes to support.
 */
export const problemDetails = z.looseObject({
  type: z.string().optional(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string().optional(),
  request_id: z.string().optional(),
  /** Field-level problems of a request that failed validation: JSON pointer-ish path → message. */
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type ProblemDetails = z.infer<typeof problemDetails>;

export type SwrErrorBody = z.infer<typeof swrErrorBody>;

export interface NormalizedError {
  code?: string;
  message?: string;
  requestId?: string;
  fieldErrors?: { field: string; message: string }[];
}

/** Reads whichever of the known error shapes a body has (problem details, SWR, gateway, legacy). */
export function normalizeError(body: unknown): NormalizedError {
  const problem = problemDetails.safeParse(body);
  if (problem.success) {
    const { code, detail, title, request_id: requestId, errors } = problem.data;
    return compact({ code, message: detail ?? title, requestId, fieldErrors: errors });
  }
  const current = swrErrorBody.safeParse(body);
  if (current.success) {
    const requestId = (current.data as { request_id?: unknown }).request_id;
    return compact({
      code: current.data.error_code,
      message: current.data.error_msg,
      requestId: typeof requestId === 'string' ? requestId : undefined,
    });
  }
  const legacy = legacyErrorBody.safeParse(body);
  if (legacy.success) {
    return compact({ code: legacy.data[0]!.errorCode, message: legacy.data[0]!.errorMessage });
  }
  const flat = legacyError.safeParse(body);
  if (flat.success) return compact({ code: flat.data.errorCode, message: flat.data.errorMessage });
  return {};
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

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
