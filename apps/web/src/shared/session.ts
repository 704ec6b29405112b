import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '@swr-console/swr-api';
import { bff, setCsrfToken } from './http';

export interface SessionRegion {
  id: string;
  projectId: string;
  registry: string;
}

export interface Session {
  signedIn: true;
  method: 'aksk' | 'password';
  account: { name: string; id: string };
  user: { name: string; id: string; admin: boolean };
  regions: SessionRegion[];
  csrfToken: string;
}

export interface PublicConfig {
  profile: 'local' | 'huaweicloud';
  regions: { id: string; registry: string }[];
  sandboxUsers: { account: string; name: string; admin: boolean }[];
}

/** The signed-in session, or null when there is none (401). */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async ({ signal }): Promise<Session | null> => {
    try {
      const session = await bff<Session>('/api/session', { signal });
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
  queryFn: ({ signal }) => bff<PublicConfig>('/api/config', { signal }),
  staleTime: Infinity,
});

export function useSession(): Session | null | undefined {
  return useQuery(sessionQuery).data;
}
