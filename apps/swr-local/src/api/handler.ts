import type { BodyOf, OperationId, ParamsOf, QueryOf, ResponseBody } from '@swr-console/swr-api';
import type { Principal } from './auth.js';
import type { Services } from '../services.js';
import { requireNamespace, requireRepository, type Access, type Level } from '../domain/authz.js';
import type { NamespaceRecord, RepositoryRecord } from '../domain/records.js';

/**
 * What a handler of one operation gets: who calls, the validated path, query and body, and the
 * organization and repository its path names, each with the caller's access checked.
 */
export interface Context<Id extends OperationId> {
  region: string;
  principal: Principal;
  params: ParamsOf<Id>;
  query: QueryOf<Id>;
  body: BodyOf<Id>;
  services: Services;
  now: Date;
  requestId: string;
  /** The path's organization, when the caller may act on it at `level` (`domain/authz.ts`). */
  namespace: ParamsOf<Id> extends { namespace: string } ? (level: Level) => NamespaceRecord : never;
  /** The path's repository, when the caller has `access` to it (`domain/authz.ts`). */
  repository: ParamsOf<Id> extends { namespace: string; repository: string }
    ? (access: Access) => RepositoryRecord
    : never;
}

/** A request as app.ts read it: path, query and body validated against the operation's schemas. */
type Request = Omit<
  Context<OperationId>,
  'params' | 'query' | 'body' | 'namespace' | 'repository'
> & {
  params: unknown;
  query: unknown;
  body: unknown;
};

/**
 * The context of one request. The checks run when a handler asks for them, not before, so each
 * handler keeps its own order of checks; the types offer them only where the path names what they
 * check.
 */
export function contextOf(request: Request): Context<OperationId> {
  const { services, principal, region, now } = request;
  // The path was validated against the operation's schema; these two are read where it has them.
  const named = (key: 'namespace' | 'repository'): string => {
    const value: unknown =
      typeof request.params === 'object' && request.params !== null
        ? Reflect.get(request.params, key)
        : undefined;
    return typeof value === 'string' ? value : '';
  };
  return {
    ...request,
    namespace: (level: Level) =>
      requireNamespace(services.db, principal.user, region, named('namespace'), level),
    repository: (access: Access) =>
      requireRepository(
        services.db,
        principal.user,
        region,
        named('namespace'),
        named('repository'),
        access,
        now,
      ),
  } as Context<OperationId>;
}

export interface Reply<Id extends OperationId> {
  /** Defaults to the operation's documented success status. */
  status?: number;
  /** Checked against the contract's answer for the operation at compile time. */
  body?: ResponseBody<Id>;
  headers?: Record<string, string>;
}

/**
 * A handler answers a reply, or nothing for the documented success status and an empty body
 * (handlers without an answer just return, which is void rather than undefined).
 */
// eslint-disable-next-line @typescript-eslint/no-invalid-void-type
type Answer<Id extends OperationId> = Reply<Id> | void;
export type Handler<Id extends OperationId> = (context: Context<Id>) => MaybePromise<Answer<Id>>;

type MaybePromise<T> = T | Promise<T>;

/** One handler per operation of the contract; the type makes a missing one a compile error. */
export type Handlers = { [Id in OperationId]: Handler<Id> };
