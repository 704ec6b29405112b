import { z } from 'zod';
import { AUTH_LEVELS, type AuthLevel } from '../wire/patterns.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One operation of the SWR API: where it lives, what it takes and what it answers. Path templates
 * use `{name}` for parameters; `{name:regex}` narrows what a segment may be, which is how
 * `/{api_version}` avoids swallowing other one-segment paths.
 */
export interface Operation {
  method: HttpMethod;
  path: string;
  summary: string;
  params: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response?: z.ZodType;
  /** The documented success status; clients should still accept any 2xx. */
  status: number;
  /** Answers with `Content-Range` when both `offset` and `limit` are given. */
  paged?: boolean;
  /** The API family: Basic when absent; Enterprise and KMS answer errors in their own bodies. */
  edition?: 'enterprise' | 'kms';
}

export function defineOperation<const T extends Operation>(operation: T): T {
  return operation;
}

export const noParams = z.object({});

/** A non-negative decimal number: SWR sends list parameters as strings, callers may use numbers. */
export const decimal = z
  .union([z.int().nonnegative(), z.string().regex(/^[0-9]+$/, 'Expected a whole number.')])
  .transform(Number);

export const orderType = z.enum(['desc', 'asc']).describe('Sort direction; needs order_column.');

export const filterParam = z
  .string()
  .regex(
    /^[A-Za-z_]+::[^|]*(?:\|[A-Za-z_]+::[^|]*)*$/,
    'A filter is key::value pairs joined by "|".',
  )
  .describe(
    'List parameters packed as key::value|key::value; when given, the other parameters are ignored.',
  );

export const paging = {
  limit: decimal.optional().describe('Page size (default 100, at most 1000); needs offset.'),
  offset: decimal.optional().describe('Index of the first record, from 0; needs limit.'),
};

/** UTC timestamp as SWR writes it, e.g. 2024-01-15T08:30:00.123456Z. */
export const timestamp = z.string();

/** Permission level on an organization or repository: 1 read, 3 edit, 7 manage. */
export const authLevel = z.union([
  z.literal(AUTH_LEVELS.read),
  z.literal(AUTH_LEVELS.edit),
  z.literal(AUTH_LEVELS.manage),
]) satisfies z.ZodType<AuthLevel>;
