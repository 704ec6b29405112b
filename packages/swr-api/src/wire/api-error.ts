import type { EndpointId } from './endpoints.js';

/** Any failed call: an HTTP error answer, a network failure (status 0) or a body that broke the contract. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  /** The contract operation, for calls made through the typed client. */
  readonly operation: EndpointId | undefined;
  readonly fieldErrors: { field: string; message: string }[];
  /** How long the server asked to wait before trying again (Retry-After of a 429 or 503). */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    operation?: EndpointId | undefined;
    status: number;
    message: string;
    code?: string | undefined;
    requestId?: string | undefined;
    fieldErrors?: { field: string; message: string }[] | undefined;
    retryAfterSeconds?: number | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.operation = init.operation;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** Retry-After in seconds (the HTTP-date form is not used by SWR or the console's server). */
export function retryAfterOf(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
}
