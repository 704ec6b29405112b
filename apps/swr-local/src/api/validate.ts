import {
  parseFilter,
  repositoryFromPath,
  SwrErrorCode,
  type FilterSyntaxError,
  type Operation,
} from '@swr-console/swr-api';
import type { z } from 'zod';
import { invalidParameter, SwrError } from '../domain/errors.js';

/** A request part that breaks the contract: 400 naming the field, with SWR's parameter error. */
function refuse(where: string, issues: z.core.$ZodIssue[]): SwrError {
  const first = issues[0]!;
  const field = [where, ...first.path.map(String)].join('.');
  const namesOrganization =
    first.path.at(-1) === 'namespace' || first.path.at(-1) === 'remoteNamespace';
  return new SwrError(
    400,
    namesOrganization ? SwrErrorCode.invalidName : SwrErrorCode.invalidParameter,
    `Invalid ${field}: ${first.message}`,
  );
}

/** Path parameters, with a repository's `$` (or `%2F`) turned back into `/` for the handlers. */
export function validatePath(operation: Operation, raw: Record<string, string>): unknown {
  // The Enterprise edition encodes a repository name twice; the router decoded it once.
  if (raw.repository_name !== undefined)
    raw = { ...raw, repository_name: decodeTwice(raw.repository_name) };
  const parsed = operation.params.safeParse(raw);
  if (!parsed.success) throw refuse('path', parsed.error.issues);
  const params: Record<string, unknown> = { ...parsed.data };
  if (typeof params.repository === 'string')
    params.repository = repositoryFromPath(params.repository);
  return params;
}

function decodeTwice(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Reads the query as SWR does: when `filter` is given (and the operation takes other parameters
 * too), its `key::value` pairs replace the separate parameters. Paging and sorting parameters only
 * come in pairs.
 */
export function validateQuery(operation: Operation, rawQuery: string): unknown {
  if (!operation.query) return {};
  const raw: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawQuery)) if (!(key in raw)) raw[key] = value;

  const shape = operation.query.shape as Record<string, unknown>;
  const packed = raw.filter !== undefined && Object.keys(shape).some((key) => key !== 'filter');
  let values: Record<string, string> = raw;
  if (packed) {
    try {
      values = parseFilter(raw.filter!);
    } catch (error) {
      throw invalidParameter(`Invalid query.filter: ${(error as FilterSyntaxError).problem}`);
    }
    const unknown = Object.keys(values).filter((key) => !(key in shape) || key === 'filter');
    if (unknown.length > 0)
      throw invalidParameter(`Invalid query.filter: unknown key "${unknown[0]}"`);
  }
  for (const [a, b] of [
    ['limit', 'offset'],
    ['order_column', 'order_type'],
  ] as const) {
    if (a in shape && b in shape && (values[a] === undefined) !== (values[b] === undefined)) {
      throw invalidParameter(`Invalid query: ${a} and ${b} go together`);
    }
  }
  const parsed = operation.query.safeParse(values);
  if (!parsed.success) throw refuse('query', parsed.error.issues);
  return parsed.data;
}

export function validateBody(operation: Operation, raw: Buffer): unknown {
  if (!operation.body) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw invalidParameter(
      raw.length === 0 ? 'The request body is missing' : 'The request body is not valid JSON',
    );
  }
  const parsed = operation.body.safeParse(json);
  if (!parsed.success) throw refuse('body', parsed.error.issues);
  return parsed.data;
}
