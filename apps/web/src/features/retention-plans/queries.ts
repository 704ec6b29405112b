import { infiniteQueryOptions } from '@tanstack/react-query';
import { swrKeys } from '../../shared/keys';
import { nextRepositoryOffset } from '../../shared/queries/every-page';
import { PLAN_PAGE, planRetentions, type PlanFilter, type TypedRule } from './api';

/** Under the region's key: a change anywhere in the region plans again. */
export const plansKey = (region: string, filter: PlanFilter, rule: TypedRule | undefined) =>
  [...swrKeys.region(region), 'retention-plans', filter, rule ?? null] as const;

/** Every repository of the filter planned, page after page (the page asks for each next one). */
export const plansQuery = (region: string, filter: PlanFilter, rule: TypedRule | undefined) =>
  infiniteQueryOptions({
    queryKey: plansKey(region, filter, rule),
    queryFn: ({ pageParam, signal }) => planRetentions(region, filter, rule, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: nextRepositoryOffset(PLAN_PAGE),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
