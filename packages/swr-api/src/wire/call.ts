import type { EndpointId } from './endpoints.js';
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
