import { render, type RenderResult } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { NoticesProvider } from '../shared/notices';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createQueryClient, Providers } from '../app/App';
import { Themed } from '../app/Themed';
import { testLocale } from './locale';

/** Renders UI inside the app's providers (query client without retries, i18n, theme) at a URL. */
export function renderAt(
  path: string,
  routes: { path: string; element: ReactNode }[],
  options: { locale?: 'en-US' | 'zh-CN' } = {},
): RenderResult & { router: ReturnType<typeof createMemoryRouter> } {
  if (options.locale) localStorage.setItem('swr-console.locale', options.locale);
  else localStorage.removeItem('swr-console.locale');
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <Providers queryClient={queryClient} i18n={testLocale(options.locale)}>
      <Themed>
        <NoticesProvider>
          <RouterProvider router={router} />
        </NoticesProvider>
      </Themed>
    </Providers>,
  );
  return { ...result, router };
}

/** The providers of a signed-in page (antd's App among them), for a component on its own. */
export function TestProviders({
  children,
  queryClient = createQueryClient(),
}: {
  children: ReactNode;
  queryClient?: QueryClient;
}) {
  return (
    <Providers queryClient={queryClient} i18n={testLocale()}>
      <Themed>
        <NoticesProvider>{children}</NoticesProvider>
      </Themed>
    </Providers>
  );
}
