import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useRegion } from '../../shared/region';
import { useSession } from '../../shared/session';
import type { InstanceRef } from './api';
import { enterpriseQueries } from './queries';

/** The instance a page is about: the one in the URL, else the region's first. */
export function useInstance() {
  const region = useRegion();
  const session = useSession();
  const { instance: chosen } = useParams();
  const projectId = session?.regions.find((r) => r.id === region)?.projectId ?? '';
  // Instances are for the account and its administrators; nobody else is sent to be refused.
  const admin = session?.user.admin ?? false;
  const instances = useQuery({
    ...enterpriseQueries.instances(region, projectId),
    enabled: projectId !== '' && admin,
  });
  const instance = chosen ?? instances.data?.[0]?.id;
  const ref: InstanceRef | undefined = instance ? { region, projectId, instance } : undefined;
  const current = instances.data?.find((i) => i.id === instance);
  return { region, projectId, instances, ref, current, admin };
}
