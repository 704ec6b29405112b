import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { createBrowserRouter, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { prefetchRepository } from '../features/repositories/prefetch';
import { prefetchTags } from '../features/tags/prefetch';
import { repositoryAccessQuery } from '../shared/queries/access';
import { repositoryFromUrl } from '../shared/region';
import { configQuery, sessionQuery } from '../shared/session';
import { PageLoading } from '../shared/components/Loading';
import { Home } from './Home';
import { RouteError } from './RouteError';

// Each page is its own chunk, loaded by the router alongside the page's first requests: the
// loaders below only start queries (they never wait), so nothing waits for code to ask for data.

// The object form of `lazy`: a route's own loader runs at once instead of after its chunk.
const page = (Component: () => Promise<ComponentType>) => ({
  lazy: { Component },
  errorElement: <RouteError />,
});

function createRoutes(queryClient: QueryClient): RouteObject[] {
  const session = () => {
    void queryClient.prefetchQuery(sessionQuery);
    return null;
  };
  return [
    {
      path: '/',
      element: <Home />,
      errorElement: <RouteError />,
      loader: session,
      hydrateFallbackElement: <PageLoading />,
    },
    {
      path: '/sign-in',
      ...page(async () => (await import('../features/sign-in/routes')).SignInPage),
      loader: () => {
        void queryClient.prefetchQuery(configQuery);
        return null;
      },
      hydrateFallbackElement: <PageLoading />,
    },
    {
      path: '/:region',
      // The shell (header, navigation, region and language pickers) is a chunk of its own, loaded
      // beside the page's: the sign-in page never loads it.
      lazy: { Component: async () => (await import('./RequireSession')).RequireSession },
      errorElement: <RouteError />,
      loader: session,
      hydrateFallbackElement: <PageLoading />,
      children: [
        {
          index: true,
          ...page(async () => (await import('../features/namespaces/routes')).NamespacesPage),
        },
        {
          path: 'namespaces',
          ...page(async () => (await import('../features/namespaces/routes')).NamespacesPage),
        },
        {
          path: 'namespaces/:namespace',
          ...page(async () => (await import('./compose')).NamespaceDetail),
        },
        {
          path: 'repositories',
          ...page(async () => (await import('./compose-repositories')).Repositories),
        },
        {
          path: 'repositories/:namespace/:repository/:tab?',
          ...page(async () => (await import('./compose')).RepositoryDetail),
          loader: ({ params, request }: LoaderFunctionArgs) => {
            const region = params.region!;
            const namespace = params.namespace!;
            const repository = repositoryFromUrl(params.repository!);
            prefetchRepository(queryClient, region, namespace, repository);
            if ((params.tab ?? 'tags') === 'tags') {
              void queryClient.prefetchQuery(configQuery);
              void queryClient.prefetchQuery(repositoryAccessQuery(region, namespace, repository));
              prefetchTags(
                queryClient,
                region,
                namespace,
                repository,
                new URL(request.url).searchParams,
              );
            }
            return null;
          },
        },
        {
          path: 'overview',
          ...page(async () => (await import('../features/overview/routes')).OverviewPage),
        },
        {
          path: 'regions-compare',
          ...page(async () => (await import('../features/regions/routes')).RegionsComparePage),
        },
        {
          path: 'retention-plans',
          ...page(
            async () => (await import('../features/retention-plans/routes')).RetentionPlansPage,
          ),
        },
        {
          path: 'storage',
          ...page(async () => (await import('../features/storage/routes')).StoragePage),
        },
        {
          path: 'shared-with-me',
          ...page(async () => (await import('../features/sharing/routes')).SharedWithMePage),
        },
        {
          path: 'enterprise/:instance?',
          ...page(async () => (await import('../features/enterprise/routes')).EnterprisePage),
        },
        {
          path: 'enterprise/:instance/namespaces/:namespace/artifacts/*',
          ...page(async () => (await import('../features/enterprise/pages/artifact')).ArtifactPage),
        },
        {
          path: 'enterprise/:instance/audit',
          ...page(async () => (await import('../features/enterprise/pages/audit')).AuditPage),
        },
        {
          path: 'enterprise/:instance/credentials',
          ...page(
            async () => (await import('../features/enterprise/pages/credentials')).CredentialsPage,
          ),
        },
        {
          path: 'enterprise/:instance/replication',
          ...page(
            async () => (await import('../features/enterprise/pages/replication')).ReplicationPage,
          ),
        },
        {
          path: 'enterprise/:instance/namespaces/:namespace/:tab?',
          ...page(
            async () =>
              (await import('../features/enterprise/detail-routes')).EnterpriseNamespacePage,
          ),
        },
        {
          path: 'login-command',
          ...page(async () => (await import('../features/login-command/routes')).LoginCommandPage),
        },
        {
          path: 'help',
          ...page(async () => (await import('../features/help/routes')).HelpPage),
        },
        { path: '*', lazy: { Component: async () => (await import('./NotFound')).NotFound } },
      ],
    },
    {
      path: '*',
      lazy: { Component: async () => (await import('./NotFound')).StandaloneNotFound },
    },
  ];
}

export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}
