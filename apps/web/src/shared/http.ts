import { createBffClient } from '@swr-console/contracts/bff';

/** The CSRF token of the current session; every change the console sends carries it. */
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/**
 * The BFF's own API (session, config, login commands, signatures, IAM users), through its typed
 * client; changes carry the session's CSRF token. Errors are the same ApiError the SWR client throws.
 */
export const bff = createBffClient({ changeHeaders: csrfHeaders });
