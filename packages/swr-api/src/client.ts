import type { z } from 'zod';
import { normalizeError } from './errors.js';
import type { Operation } from './operation.js';
import {
  operations,
  type OperationId,
  type RequestInput,
  type ResponseBody,
} from './operations.js';
import { parseContentRange, type ContentRange } from './paging.js';
import { buildPath } from './route.js';

/** Any failed call: an HTTP error answer, a network failure (status 0) or a body that broke the contract. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  readonly operation: OperationId;
  readonly fieldErrors: { field: string; message: string }[];

  constructor(init: {
    operation: OperationId;
    status: number;
    message: string;
    code?: string | undefined;
    requestId?: string | undefined;
    fieldErrors?: { field: string; message: string }[] | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.operation = init.operation;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? [];
  }
}

/** A request the contract refuses before anything is sent; `fieldErrors` name the wrong fields. */
export class RequestValidationError extends ApiError {
  constructor(operation: OperationId, issues: z.core.$ZodIssue[], where: string) {
    const fieldErrors = issues.map((issue) => ({
      field: [where, ...issue.path.map(String)].join('.'),
      message: issue.message,
    }));
    super({
      operation,
      status: 400,
      code: 'REQUEST_INVALID',
      message: fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; '),
      fieldErrors,
    });
    this.name = 'RequestValidationError';
  }
}

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
  /** Check every success body against the contract; tests turn it on, browsers need not. */
  validateResponses?: boolean;
  credentials?: RequestInit['credentials'];
}

type Args<Id extends OperationId> =
  Record<never, never> extends RequestInput<Id>
    ? [input?: RequestInput<Id>, init?: CallInit]
    : [input: RequestInput<Id>, init?: CallInit];

export interface CallInit {
  signal?: AbortSignal;
}

export interface SwrClient {
  request<Id extends OperationId>(
    id: Id,
    ...args: Args<Id>
  ): Promise<SwrResponse<ResponseBody<Id>>>;
  /** The URL a call would go to, for links and cache keys. */
  url<Id extends OperationId>(id: Id, ...args: Args<Id>): string;
}

interface LooseInput {
  path?: Record<string, string | number>;
  query?: Record<string, unknown>;
  body?: unknown;
}

export function createSwrClient(options: SwrClientOptions): SwrClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  function prepare(id: OperationId, input: LooseInput = {}) {
    const operation: Operation = operations[id];
    const path = operation.params.safeParse(input.path ?? {});
    if (!path.success) throw new RequestValidationError(id, path.error.issues, 'path');
    let search = '';
    if (operation.query) {
      const query = operation.query.safeParse(input.query ?? {});
      if (!query.success) throw new RequestValidationError(id, query.error.issues, 'query');
      search = toSearch(input.query ?? {});
    }
    let body: string | undefined;
    if (operation.body) {
      const parsed = operation.body.safeParse(input.body);
      if (!parsed.success) throw new RequestValidationError(id, parsed.error.issues, 'body');
      body = JSON.stringify(parsed.data);
    }
    // The raw path values, not the parsed ones: a repository keeps its "/" for buildPath to turn into "$".
    const url = `${baseUrl}${buildPath(operation.path, input.path ?? {})}${search}`;
    return { operation, url, body };
  }

  return {
    url(id, ...args) {
      return prepare(id, args[0] as LooseInput | undefined).url;
    },

    async request(id, ...args) {
      const { operation, url, body } = prepare(id, args[0] as LooseInput | undefined);
      const extra = options.headers ? await options.headers() : {};
      let response: Response;
      try {
        response = await doFetch(url, {
          method: operation.method,
          // SWR wants a JSON content type on every call, reads included.
          headers: { 'content-type': 'application/json', accept: 'application/json', ...extra },
          body,
          signal: args[1]?.signal,
          credentials: options.credentials,
        });
      } catch (error) {
        if ((error as Error).name === 'AbortError') throw error;
        throw new ApiError({
          operation: id,
          status: 0,
          code: 'NETWORK',
          message: (error as Error).message,
        });
      }
      const payload = await readBody(response);
      if (!response.ok) {
        const problem = normalizeError(payload);
        throw new ApiError({
          operation: id,
          status: response.status,
          code: problem.code,
          message: problem.message ?? `${operation.method} ${url} failed with ${response.status}`,
          requestId: problem.requestId ?? response.headers.get('x-request-id') ?? undefined,
          fieldErrors: problem.fieldErrors,
        });
      }
      let data: unknown = payload;
      if (operation.response && options.validateResponses) {
        const parsed = operation.response.safeParse(payload);
        if (!parsed.success) {
          throw new ApiError({
            operation: id,
            status: response.status,
            code: 'RESPONSE_INVALID',
            message: `Response of ${id} breaks the contract: ${parsed.error.message}`,
          });
        }
        data = parsed.data;
      }
      return {
        data: (operation.response ? data : undefined) as ResponseBody<typeof id>,
        status: response.status,
        headers: response.headers,
        range: parseContentRange(response.headers.get('content-range')),
      };
    },
  };
}

function toSearch(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  const text = params.toString().replaceAll('+', '%20');
  return text ? `?${text}` : '';
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
