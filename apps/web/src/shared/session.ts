import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PublicConfig, Session, SessionRegion } from '@swr-console/contracts/bff';
import { ApiError } from '@swr-console/swr-api';
import { bff, setCsrfToken } from './http';

export type { PublicConfig, Session, SessionRegion };

/** The signed-in session, or null when there is none (401). */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async ({ signal }): Promise<Session | null> => {
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
