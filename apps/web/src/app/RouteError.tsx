import { lazy, Suspense } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorAlert } from '../shared/components/ErrorAlert';

// The 404 page and its illustration load only when a page is not found.
const NotFound = lazy(async () => ({ default: (await import('./NotFound')).NotFound }));

/** The error boundary of each route: one page fails, the shell and the rest keep working. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404)
    return (
      <Suspense>
        <NotFound />
      </Suspense>
    );
  return (
    <div style={{ padding: 24 }}>
      <ErrorAlert error={error} onRetry={() => window.location.reload()} />
    </div>
  );
}
