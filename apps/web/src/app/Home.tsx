import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { sessionQuery } from '../shared/session';
import { PageLoading } from '../shared/components/Loading';

/** `/`: the organizations of the first region, or the sign-in page. */
export function Home() {
  const { data: session, isPending } = useQuery(sessionQuery);
  if (isPending) return <PageLoading />;
  const first = session?.regions[0]?.id;
  return <Navigate to={first ? `/${first}/namespaces` : '/sign-in'} replace />;
}
