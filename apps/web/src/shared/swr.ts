import { createSwrHttpClient, type SwrClient } from '@swr-console/swr-api';
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
