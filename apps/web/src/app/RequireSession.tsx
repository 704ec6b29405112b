import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Navigate, useLocation, useParams } from 'react-router';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { sessionQuery } from '../shared/session';
import { PageLoading } from '../shared/components/Loading';
import { NoticesProvider } from '../shared/notices';
import { Shell } from './Shell';
import { Themed } from './Themed';

// The 404 page and its illustration load only when an address is not a page. (Declared here and
// in RouteError rather than shared: a module shared by the entry and this chunk becomes a chunk
// of its own, which costs more than the line.)
const NotFoundLater = lazy(async () => ({ default: (await import('./NotFound')).NotFound }));

/** Signed-in pages, in antd's theme: no session → the sign-in page (coming back here after); unknown region → not found. */
export function RequireSession() {
  return (
    <Themed>
      <SessionGate />
    </Themed>
  );
}

function SessionGate() {
  const { data: session, error, isPending, refetch } = useQuery(sessionQuery);
  const { region } = useParams();
  const location = useLocation();
  if (isPending) return <PageLoading />;
  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!session)
    return (
      <Navigate
        to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}
        replace
      />
    );
  // An address whose first part is no region of the session is not a page: say so, with the
  // way home, rather than quietly showing another page.
  if (!session.regions.some((r) => r.id === region))
    return (
      <Suspense fallback={<PageLoading />}>
        <NotFoundLater standalone />
      </Suspense>
    );
  // Notices are for signed-in pages: the sign-in page does without them and loads less.
  return (
    <NoticesProvider>
      <Shell session={session} />
    </NoticesProvider>
  );
}
