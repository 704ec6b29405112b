import { lazy, Suspense } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { PageLoading } from './PageLoading';

// What a failed page shows loads only when a page fails: the 404 page with its illustration, and
// the error alert with antd (which the entry does not load).
const NotFound = lazy(async () => ({ default: (await import('./NotFound')).NotFound }));
const RouteErrorAlert = lazy(async () => ({
  default: (await import('./RouteErrorAlert')).RouteErrorAlert,
}));

/** The error boundary of each route: one page fails, the shell and the rest keep working. */
export function RouteError() {
  const error = useRouteError();
  return (
    <Suspense fallback={<PageLoading />}>
      {isRouteErrorResponse(error) && error.status === 404 ? (
        <NotFound />
      ) : (
        <RouteErrorAlert error={error} />
      )}
    </Suspense>
  );
}
