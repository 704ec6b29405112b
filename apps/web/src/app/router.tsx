import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFound } from './NotFound';
import { Home, RequireSession } from './RequireSession';
import { RouteError } from './RouteError';

// Each feature is its own chunk: the first page loads only what it shows.
const SignInPage = lazy(() =>
  import('../features/sign-in/routes').then((m) => ({ default: m.SignInPage })),
);
const NamespacesPage = lazy(() =>
  import('../features/namespaces/routes').then((m) => ({ default: m.NamespacesPage })),
);
const NamespaceDetail = lazy(() =>
  import('./compose').then((m) => ({ default: m.NamespaceDetail })),
);
const RepositoriesPage = lazy(() =>
  import('../features/repositories/routes').then((m) => ({ default: m.RepositoriesPage })),
);
const RepositoryDetail = lazy(() =>
  import('./compose').then((m) => ({ default: m.RepositoryDetail })),
);
const LoginCommandPage = lazy(() =>
  import('../features/login-command/routes').then((m) => ({ default: m.LoginCommandPage })),
);

export const routes: RouteObject[] = [
  { path: '/', element: <Home />, errorElement: <RouteError /> },
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
  {
    path: '/:region',
    element: <RequireSession />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <NamespacesPage />, errorElement: <RouteError /> },
      { path: 'namespaces', element: <NamespacesPage />, errorElement: <RouteError /> },
      { path: 'namespaces/:namespace', element: <NamespaceDetail />, errorElement: <RouteError /> },
      { path: 'repositories', element: <RepositoriesPage />, errorElement: <RouteError /> },
      {
        path: 'repositories/:namespace/:repository/:tab?',
        element: <RepositoryDetail />,
        errorElement: <RouteError />,
      },
      { path: 'login-command', element: <LoginCommandPage />, errorElement: <RouteError /> },
      { path: '*', element: <NotFound /> },
    ],
  },
  { path: '*', element: <NotFound standalone /> },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
