import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation, useParams } from 'react-router';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { NoticesProvider } from '../shared/notices';
import { sessionQuery } from '../shared/session';
import { PageLoading } from './PageLoading';
import { Shell } from './Shell';
import { Themed } from './Themed';

/** Signed-in pages, in antd's theme: no session → the sign-in page (coming back here after); unknown region → the first. */
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
  if (!session.regions.some((r) => r.id === region)) {
    const first = session.regions[0]?.id;
    return <Navigate to={first ? `/${first}/namespaces` : '/sign-in'} replace />;
  }
  // Toasts ("Copied the digest") are for signed-in pages; their code loads with the first one.
  return (
    <NoticesProvider>
      <Shell session={session} />
    </NoticesProvider>
  );
}
