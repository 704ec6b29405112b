import { queryOptions } from '@tanstack/react-query';
import { swrKeys } from '../../shared/keys';
import { overview, recentActivity } from './api';

export const overviewQueries = {
  totals: (region: string) =>
    queryOptions({
      queryKey: swrKeys.overview(region),
      queryFn: ({ signal }) => overview(region, signal),
    }),
  activity: (region: string) =>
    queryOptions({
      queryKey: swrKeys.activity(region),
      queryFn: ({ signal }) => recentActivity(region, signal),
      staleTime: 5_000,
    }),
};
