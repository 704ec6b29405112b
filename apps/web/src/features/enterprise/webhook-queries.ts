import { queryOptions } from '@tanstack/react-query';
import { changePolling } from '../../shared/freshness';
import type { InstanceRef } from './api';
import { enterpriseKeys } from './queries';
import { listDeliveries, listWebhooks, type JobsPage } from './webhook-api';
import { unsettled } from './webhook-jobs';

/**
 * Under the namespace's key, as SWR's paths nest them (`…/namespaces/{ns}/webhook/policies/{id}/
 * jobs`): a change to the namespace refreshes its webhooks, a change to a webhook its deliveries.
 */
export const webhookKeys = {
  all: (ref: InstanceRef, namespace: string) =>
    [...enterpriseKeys.namespace(ref, namespace), 'webhooks'] as const,
  one: (ref: InstanceRef, namespace: string, id: number) =>
    [...webhookKeys.all(ref, namespace), id] as const,
  deliveries: (ref: InstanceRef, namespace: string, id: number) =>
    [...webhookKeys.one(ref, namespace, id), 'jobs'] as const,
};

/** Deliveries come and go by themselves: every 3 s while any shown is still to end. */
export const DELIVERY_POLL_MS = 3_000;

interface PolledDeliveries {
  state: {
    data: { jobs: { status: string }[] } | undefined;
    dataUpdatedAt: number;
    status: string;
  };
}

/**
 * A `refetchInterval` for deliveries: every 3 s while one shown is waiting or being sent, else as
 * the console's lists follow outside changes (a push from a terminal makes new ones), fast while
 * `useWatchingUntil()` says changes are expected.
 */
export function followDeliveries(watchUntil: number) {
  const outside = changePolling(watchUntil);
  return (query: PolledDeliveries): number | false =>
    query.state.data?.jobs.some((job) => unsettled(job.status)) ? DELIVERY_POLL_MS : outside(query);
}

export const webhookQueries = {
  list: (ref: InstanceRef, namespace: string, namespaceId: number) =>
    queryOptions({
      queryKey: [...webhookKeys.all(ref, namespace), 'list', namespaceId],
      queryFn: ({ signal }) => listWebhooks(ref, namespaceId, signal),
    }),
  deliveries: (ref: InstanceRef, namespace: string, id: number, page: JobsPage) =>
    queryOptions({
      queryKey: [...webhookKeys.deliveries(ref, namespace, id), page],
      queryFn: ({ signal }) => listDeliveries(ref, namespace, id, page, signal),
    }),
};
