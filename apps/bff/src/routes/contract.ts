import { bffEndpoints, type BffAnswer, type BffEndpointId } from '@swr-console/contracts/bff';
import type { RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { HttpProblem, titleOf } from '../problem.js';

/** Express's form of a contract path: `{region}` becomes `:region`. */
function expressPath(path: string): string {
  return path.replace(/\{([a-z_]+)\}/gi, ':$1');
}

/** Serves an operation of the BFF's contract at the method and path its table gives. */
export function serve(router: Router, id: BffEndpointId, ...handlers: RequestHandler[]): void {
  const { method, path } = bffEndpoints[id];
  const verb = ({ GET: 'get', POST: 'post', DELETE: 'delete' } as const)[method];
  router[verb](expressPath(path), ...handlers);
}

/**
 * A part of the request checked against the contract's schema: what it says, or a 400 that names
 * every field that is wrong (`prefix` says where the fields are, when that is not obvious).
 */
export function checked<S extends z.ZodType>(
  schema: S,
  value: unknown,
  { detail = 'Some fields need attention.', prefix = '' } = {},
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new HttpProblem(400, titleOf(400), detail, {
    code: 'INVALID_INPUT',
    errors: parsed.error.issues.map((issue) => ({
      field: `${prefix}${issue.path.join('.')}`,
      message: issue.message,
    })),
  });
}

/** The operation's answer, with its documented status; never cached (it is about one user). */
export function reply<Id extends BffEndpointId>(
  res: Response,
  id: Id,
  ...body: BffAnswer<Id> extends undefined ? [] : [BffAnswer<Id>]
): void {
  res.status(bffEndpoints[id].status).setHeader('cache-control', 'no-store');
  if (body.length === 0) res.end();
  else res.json(body[0]);
}
