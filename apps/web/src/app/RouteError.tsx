import { lazy, Suspense } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { PageLoading } from '../shared/components/Loading';

// What a page shows only when something is wrong loads only then: the 404 page with its
// illustration, and the error alert with antd (which the entry does not load).

const NotFoundLater = lazy(async () => ({ default: (await import('./NotFound')).NotFound }));

const RouteErrorAlertLater = lazy(async () => ({
  default: (await import('./RouteErrorAlert')).RouteErrorAlert,
}));

/** The error boundary of each route: one page fails, the shell and the rest keep working. */
export function RouteError() {
  const error = useRouteError();
  return (
    <Suspense fallback={<PageLoading />}>
      {isRouteErrorResponse(error) && error.status === 404 ? (
        <NotFoundLater />
      ) : (
        <RouteErrorAlertLater error={error} />
      )}
    </Suspense>
  );
}
