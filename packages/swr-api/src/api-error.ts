import type { EndpointId } from './endpoints.js';

/** Any failed call: an HTTP error answer, a network failure (status 0) or a body that broke the contract. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  /** The contract operation, for calls made through the typed client. */
  readonly operation: EndpointId | undefined;
  readonly fieldErrors: { field: string; message: string }[];

  constructor(init: {
    operation?: EndpointId | undefined;
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
