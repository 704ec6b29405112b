import { answerError, buildPath, readAnswer, unreachable } from '@swr-console/swr-api';
import type { z } from 'zod';
import { bffEndpoints, type BffEndpointId } from './endpoints.js';
import type { BffOperations } from './schemas.js';

type Part<Id extends BffEndpointId, K extends 'params' | 'query' | 'body'> =
  BffOperations[Id] extends Record<K, z.ZodType> ? z.input<BffOperations[Id][K]> : undefined;

/** What a call of the operation sends: path parameters, query and body, each where it has one. */
export type BffInput<Id extends BffEndpointId> = {
  [K in 'params' | 'query' | 'body' as Part<Id, K> extends undefined ? never : K]: Part<Id, K>;
};

/** What the operation answers (undefined for 204). */
export type BffAnswer<Id extends BffEndpointId> = BffOperations[Id] extends { response: z.ZodType }
  ? z.output<BffOperations[Id]['response']>
  : undefined;

/** The body an operation takes, as the BFF reads it after its checks. */
export type BffBody<Id extends BffEndpointId> = BffOperations[Id] extends { body: z.ZodType }
  ? z.output<BffOperations[Id]['body']>
  : never;

type Args<Id extends BffEndpointId> =
  Record<never, never> extends BffInput<Id>
    ? [input?: BffInput<Id>, init?: { signal?: AbortSignal }]
    : [input: BffInput<Id>, init?: { signal?: AbortSignal }];

export interface BffClientOptions {
  /** Headers for calls that change something (the session's CSRF token). */
  changeHeaders?: () => Record<string, string>;
  fetch?: typeof globalThis.fetch;
  /** Where the BFF is; the console calls its own origin. */
  baseUrl?: string;
}

export interface BffClient {
  call<Id extends BffEndpointId>(id: Id, ...args: Args<Id>): Promise<BffAnswer<Id>>;
}

function search(query: Record<string, unknown> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value])
      if (item !== undefined && item !== null) params.append(key, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The typed client of the BFF's own API. Errors arrive as problem details and become the same
 * ApiError the SWR client throws; a network failure is status 0.
 */
export function createBffClient(options: BffClientOptions = {}): BffClient {
  // The global is looked up on each call, not when the client is made: a fetch wrapped or
  // replaced later (instrumentation, tests) is the one used.
  const doFetch: typeof globalThis.fetch =
    options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return {
    async call(id, ...args) {
      const endpoint = bffEndpoints[id];
      const input = (args[0] ?? {}) as {
        params?: Record<string, string>;
        query?: Record<string, unknown>;
        body?: unknown;
      };
      const url = `${options.baseUrl ?? ''}${buildPath(endpoint.path, input.params ?? {})}${search(input.query)}`;
      let response: Response;
      try {
        response = await doFetch(url, {
          method: endpoint.method,
          credentials: 'same-origin',
          headers: {
            accept: 'application/json',
            ...(input.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(endpoint.method === 'GET' ? {} : options.changeHeaders?.()),
          },
          body: input.body === undefined ? undefined : JSON.stringify(input.body),
          signal: args[1]?.signal,
        });
      } catch (error) {
        throw unreachable(error);
      }
      const body = await readAnswer(response);
      if (!response.ok)
        throw answerError(
          response,
          body,
          `${endpoint.method} ${url} failed with ${response.status}`,
        );
      return body as BffAnswer<typeof id>;
    },
  };
}
