import type { z } from 'zod';
import { ApiError } from '../wire/api-error.js';
import {
  createSwrHttpClient,
  type LooseInput,
  type SwrClient,
  type SwrClientOptions,
} from '../wire/http-client.js';
import type { Operation } from './operation.js';
import { operations, type OperationId } from './operations.js';

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

export interface ValidatingClientOptions extends SwrClientOptions {
  /** Check every success body against the contract; tests turn it on. */
  validateResponses?: boolean;
}

/**
 * The typed SWR client with the contract's schemas: a request that breaks them is refused before
 * it is sent (naming the fields), and answers can be checked too.
 */
export function createSwrClient(options: ValidatingClientOptions): SwrClient {
  return createSwrHttpClient(options, {
    request(id, input) {
      const operation: Operation = operations[id];
      const path = operation.params.safeParse(input.path ?? {});
      if (!path.success) throw new RequestValidationError(id, path.error.issues, 'path');
      let query: Record<string, unknown> | undefined;
      if (operation.query) {
        const parsed = operation.query.safeParse(input.query ?? {});
        if (!parsed.success) throw new RequestValidationError(id, parsed.error.issues, 'query');
        query = input.query ?? {};
      }
      let body: unknown;
      if (operation.body) {
        const parsed = operation.body.safeParse(input.body);
        if (!parsed.success) throw new RequestValidationError(id, parsed.error.issues, 'body');
        body = parsed.data;
      }
      const checked: LooseInput = {
        ...(input.path ? { path: input.path } : {}),
        ...(query ? { query } : {}),
      };
      return body === undefined ? checked : { ...checked, body };
    },
    response(id, status, body) {
      const operation: Operation = operations[id];
      if (!operation.response) return undefined;
      if (!options.validateResponses) return body;
      const parsed = operation.response.safeParse(body);
      if (!parsed.success) {
        throw new ApiError({
          operation: id,
          status,
          code: 'RESPONSE_INVALID',
          message: `Response of ${id} breaks the contract: ${parsed.error.message}`,
        });
      }
      return parsed.data;
    },
  });
}
