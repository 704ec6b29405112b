import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PublicConfig, Session, SessionRegion } from '@swr-console/contracts/bff';
import { ApiError } from '@swr-console/swr-api';
import { bff, setCsrfToken } from './http';

export type { PublicConfig, Session, SessionRegion };

/** Set by the BFF at sign-in beside the session cookie (which the page cannot read). */
const SIGNED_IN_COOKIE = '__Host-swr-console-signed-in=1';

/** Whether a session may be there: without the BFF's mark, asking would only be refused. */
function maybeSignedIn(): boolean {
  return typeof document === 'undefined' || document.cookie.split('; ').includes(SIGNED_IN_COOKIE);
}

/** The signed-in session, or null when there is none (no mark, or 401). */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async ({ signal }): Promise<Session | null> => {
    if (!maybeSignedIn()) return null;
    try {
      const session = await bff.call('ShowSession', {}, { signal });
      setCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

export const configQuery = queryOptions({
  queryKey: ['config'],
  queryFn: ({ signal }) => bff.call('GetConfig', {}, { signal }),
  staleTime: Infinity,
});

export function useSession(): Session | null | undefined {
  return useQuery(sessionQuery).data;
}
