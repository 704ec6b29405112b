import {
  createSwrHttpClient,
  type CallInit,
  type LooseInput,
  type OperationId,
  type ResponseBody,
  type SwrCall,
  type SwrClient,
  type SwrResponse,
} from '@swr-console/swr-api';
import { csrfHeaders } from './http';

const clients = new Map<string, SwrClient>();

/**
 * The typed SWR client of a region, through the BFF's signed proxy. Features call SWR only
 * through this; it never holds a credential (the session cookie and CSRF token do the work).
 */
export function swrClient(region: string): SwrClient {
  let client = clients.get(region);
  if (!client) {
    client = createSwrHttpClient({
      baseUrl: `/api/swr/${encodeURIComponent(region)}`,
      headers: csrfHeaders,
      credentials: 'same-origin',
    });
    clients.set(region, client);
  }
  return client;
}

/**
 * Sends a call built with `swrCall`: the very operation and input that "show the request" shows
 * before it is sent, so the two cannot differ.
 */
export function send<Id extends OperationId>(
  region: string,
  call: SwrCall<Id>,
  init?: CallInit,
): Promise<SwrResponse<ResponseBody<Id>>> {
  const request = swrClient(region).request as (
    id: Id,
    input: LooseInput,
    init?: CallInit,
  ) => Promise<SwrResponse<ResponseBody<Id>>>;
  return request(call.operation, call.input, init);
}
