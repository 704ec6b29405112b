import { Suspense } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFoundLater, RouteErrorAlertLater } from './later';
import { PageLoading } from './PageLoading';

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
