import { ApiError, retryAfterOf } from './api-error.js';
import { endpoints, type EndpointId } from './endpoints.js';
import { normalizeError } from './error-bodies.js';
import type { OperationId, RequestInput, ResponseBody } from '../schemas/operations.js';
import { parseContentRange, type ContentRange } from './paging.js';
import { wireRequest } from './call.js';

export interface SwrResponse<T> {
  data: T;
  status: number;
  headers: Headers;
  /** Present on paged lists that were asked with both offset and limit. */
  range: ContentRange | undefined;
}

export interface SwrClientOptions {
  /** Where the SWR API is: a region endpoint, swr-local, or the BFF's `/api/swr/{region}`. */
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
  /** Extra headers per request (a CSRF token, say); never credentials of the cloud account. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  credentials?: RequestInit['credentials'];
}

export interface CallInit {
  signal?: AbortSignal;
  /** Headers of this call only (`Prefer: undo` on a deletion the console's BFF may hold, say). */
  headers?: Record<string, string>;
}

type Args<Id extends OperationId> =
  Record<never, never> extends RequestInput<Id>
    ? [input?: RequestInput<Id>, init?: CallInit]
    : [input: RequestInput<Id>, init?: CallInit];

export interface SwrClient {
  request<Id extends OperationId>(
    id: Id,
    ...args: Args<Id>
  ): Promise<SwrResponse<ResponseBody<Id>>>;
  /** The URL a call would go to, for links and cache keys. */
  url<Id extends OperationId>(id: Id, ...args: Args<Id>): string;
}

export interface LooseInput {
  path?: Record<string, string | number>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** Hooks the validating client adds around each call; the plain client needs none. */
export interface CallChecks {
  request?(id: EndpointId, input: LooseInput): LooseInput;
  response?(id: EndpointId, status: number, body: unknown): unknown;
}

/** An answer's body: its JSON, its text when it is not JSON, undefined when empty. */
export async function readAnswer(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A fetch that failed before any answer: status 0 `NETWORK`; the caller's own abort stays itself. */
export function unreachable(error: unknown, operation?: EndpointId): Error {
  if (error instanceof Error && error.name === 'AbortError') return error;
  return new ApiError({
    operation,
    status: 0,
    code: 'NETWORK',
    message: error instanceof Error ? error.message : String(error),
  });
}

/** An error answer (any of SWR's bodies, or the BFF's problem details) as an ApiError. */
export function answerError(
  response: Response,
  payload: unknown,
  fallback: string,
  operation?: EndpointId,
): ApiError {
  const problem = normalizeError(payload);
  return new ApiError({
    operation,
    status: response.status,
    code: problem.code,
    message: problem.message ?? fallback,
    requestId: problem.requestId ?? response.headers.get('x-request-id') ?? undefined,
    fieldErrors: problem.fieldErrors,
    retryAfterSeconds: retryAfterOf(response.headers),
  });
}

/**
 * The typed SWR client without a schema library: it builds the URL from the endpoint table,
 * sends JSON, reads Content-Range, and turns any error body into an ApiError. Browsers use this
 * one (their forms check input); `createSwrClient` adds schema checks of requests and answers.
 */
export function createSwrHttpClient(options: SwrClientOptions, checks: CallChecks = {}): SwrClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  function prepare(id: EndpointId, raw: LooseInput = {}) {
    const input = checks.request ? checks.request(id, raw) : raw;
    const request = wireRequest({ operation: id, input: { ...input, path: raw.path } });
    return {
      endpoint: endpoints[id],
      url: `${baseUrl}${request.path}${request.search}`,
      body: request.body,
    };
  }

  return {
    url(id, ...args) {
      return prepare(id, args[0] as LooseInput | undefined).url;
    },

    async request(id, ...args) {
      const { endpoint, url, body } = prepare(id, args[0] as LooseInput | undefined);
      const extra = options.headers ? await options.headers() : {};
      let response: Response;
      try {
        response = await doFetch(url, {
          method: endpoint.method,
          // SWR wants a JSON content type on every call, reads included.
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...extra,
            ...args[1]?.headers,
          },
          body,
          signal: args[1]?.signal,
          credentials: options.credentials,
        });
      } catch (error) {
        throw unreachable(error, id);
      }
      const payload = await readAnswer(response);
      if (!response.ok)
        throw answerError(
          response,
          payload,
          `${endpoint.method} ${url} failed with ${response.status}`,
          id,
        );
      const data = checks.response ? checks.response(id, response.status, payload) : payload;
      return {
        data: data as ResponseBody<typeof id>,
        status: response.status,
        headers: response.headers,
        range: parseContentRange(response.headers.get('content-range')),
      };
    },
  };
}
