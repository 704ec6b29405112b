import { endpoints, type EndpointId } from './endpoints.js';
import { buildPath } from './paths.js';
import type { LooseInput } from './http-client.js';
import type { OperationId, RequestInput } from '../schemas/operations.js';

/**
 * One call a form or a button is about to make: the operation and what it is called with. The
 * console sends it and shows it ("API request") from the same value, so the two cannot differ.
 */
export interface SwrCall<Id extends EndpointId = EndpointId> {
  operation: Id;
  input: LooseInput;
}

/** A call, its input typed by its operation like the client's `request`. */
export function swrCall<Id extends OperationId>(
  operation: Id,
  input: RequestInput<Id>,
): SwrCall<Id> {
  return { operation, input: input as LooseInput };
}

/**
 * The request a call makes on the wire: what the client sends, and what "show the request"
 * writes out, from this one function.
 */
export interface WireRequest {
  operation: EndpointId;
  method: string;
  path: string;
  /** The query's defined values; `search` is how the client writes them in the URL. */
  query: Record<string, string>;
  search: string;
  /** The body's exact text, when there is one. */
  body: string | undefined;
}

export function wireRequest(call: SwrCall): WireRequest {
  const endpoint = endpoints[call.operation];
  const query = Object.fromEntries(
    Object.entries(call.input.query ?? {})
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([name, value]) => [name, String(value)]),
  );
  const search = new URLSearchParams(query).toString().replaceAll('+', '%20');
  return {
    operation: call.operation,
    method: endpoint.method,
    path: buildPath(endpoint.path, call.input.path ?? {}),
    query,
    search: search ? `?${search}` : '',
    body: call.input.body === undefined ? undefined : JSON.stringify(call.input.body),
  };
}
