import type { BodyOf, OperationId, ParamsOf, QueryOf, ResponseBody } from '@swr-console/swr-api';
import type { Principal } from './auth.js';
import type { Services } from '../services.js';

/** What a handler of one operation gets: who calls, and the validated path, query and body. */
export interface Context<Id extends OperationId> {
  region: string;
  principal: Principal;
  params: ParamsOf<Id>;
  query: QueryOf<Id>;
  body: BodyOf<Id>;
  services: Services;
  now: Date;
  requestId: string;
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
