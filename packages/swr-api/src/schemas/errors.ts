import { z } from 'zod';

/** Schemas of SWR's error bodies, for servers and tests that check a body's shape. */

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

/** The Enterprise edition's plain error body. */
export const enterpriseErrorBody = z.looseObject({
  error_code: z.string(),
  error_msg: z.string(),
  encoded_authorization_message: z.string().optional(),
});

/** The key service's error body. */
export const kmsErrorBody = z.looseObject({
  error: z.looseObject({ error_code: z.string(), error_msg: z.string() }),
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
