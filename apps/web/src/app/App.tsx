import { ApiError } from '@swr-console/swr-api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { RouterProvider } from 'react-router';
import { I18nProvider, type LoadedLocale } from '../shared/i18n';
import { ThemeProvider } from '../shared/theme';
import { loadLocale } from './locales';
import type { createRouter } from './router';

/** The longest the console waits on a Retry-After before reading again. */
const LONGEST_RETRY_AFTER_MS = 10_000;

/** The server asked to be called again later: too many calls at once (429), or busy (503). */
function toldToWait(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    (error.status === 429 || error.status === 503) &&
    error.retryAfterSeconds !== undefined
  );
}

/**
 * Never retry a 4xx (it will not change), except when the server says to come back later; at most
 * twice for 5xx and network failures.
 */
export function shouldRetry(failures: number, error: unknown): boolean {
  if (toldToWait(error)) return failures < 3;
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

/** As long as the server asked, or TanStack Query's own back-off. */
export function retryDelay(failures: number, error: unknown): number {
  if (toldToWait(error))
    return Math.min(error.retryAfterSeconds! * 1000 + Math.random() * 500, LONGEST_RETRY_AFTER_MS);
  return Math.min(1000 * 2 ** failures, 30_000);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        // What a user comes back to after pushing from a terminal is read again.
        refetchOnWindowFocus: true,
        staleTime: 10_000,
      },
      mutations: { retry: false },
    },
  });
}

export function Providers({
  children,
  queryClient,
  i18n,
}: {
  children: ReactNode;
  queryClient: QueryClient;
  /** The language to start in, its messages loaded. */
  i18n: LoadedLocale;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeProvider>
        <I18nProvider initial={i18n} load={loadLocale}>
          {children}
        </I18nProvider>
      </ThemeProvider>
    </QueryClientProvider>
  );
}

export function App({
  i18n,
  queryClient,
  router,
}: {
  i18n: LoadedLocale;
  queryClient: QueryClient;
  router: ReturnType<typeof createRouter>;
}) {
  return (
    <Providers queryClient={queryClient} i18n={i18n}>
      <RouterProvider router={router} />
    </Providers>
  );
}
