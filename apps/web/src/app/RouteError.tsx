import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { NotFound } from './NotFound';

/** The error boundary of each route: one page fails, the shell and the rest keep working. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return (
    <div style={{ padding: 24 }}>
      <ErrorAlert error={error} onRetry={() => window.location.reload()} />
    </div>
  );
}
