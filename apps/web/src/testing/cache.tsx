import { QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { createQueryClient } from '../app/App';

/**
 * A query cache holding an answer under each of `keys` (nothing on screen asks for them, so an
 * invalidation marks them without reading again), and `use` to run a feature's hook against it.
 */
export function cacheWith(keys: readonly QueryKey[]) {
  const queryClient = createQueryClient();
  for (const key of keys) queryClient.setQueryData(key, 'cached');
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return {
    queryClient,
    use: <T,>(hook: () => T) => renderHook(hook, { wrapper }).result,
    /** The keys among `keys` that were invalidated. */
    invalidated: () => keys.filter((key) => queryClient.getQueryState(key)?.isInvalidated === true),
  };
}

/** Answers every call as SWR answers a change it made, and records the calls. */
export function answerChanges(): { method: string; path: string }[] {
  const calls: { method: string; path: string }[] = [];
  vi.mocked(fetch).mockImplementation(async (input, init) => {
    calls.push({
      method: init?.method ?? 'GET',
      path: decodeURIComponent(new URL(String(input), 'http://console').pathname),
    });
    return new Response(null, { status: 204 });
  });
  return calls;
}
