import type { BffInput } from '@swr-console/contracts/bff';
import { swrCall, type WebhookBody } from '@swr-console/swr-api';
import { sendDeletion } from '../../shared/deletions';
import { bff } from '../../shared/http';
import { send, swrClient } from '../../shared/swr';
import { at, inNamespace, type InstanceRef } from './api';
import type { DeliveryStatus } from './webhook-jobs';

/**
 * A namespace's webhooks: SWR lists them per instance (filtered by the namespace's id), keeps each
 * delivery as a job, and has no test operation; a test event is sent by the BFF.
 */

/** SWR holds at most 10 per namespace; one page of the instance's list covers them. */
const WEBHOOKS_PAGE = 100;

export async function listWebhooks(ref: InstanceRef, namespaceId: number, signal?: AbortSignal) {
  const { data } = await swrClient(ref.region).request(
    'ListInstanceWebhooks',
    {
      path: at(ref),
      query: {
        namespace_id: String(namespaceId),
        limit: WEBHOOKS_PAGE,
        offset: 0,
        order_column: 'created_at',
        order_type: 'desc',
      },
    },
    { signal },
  );
  return data.policies;
}

const ofWebhook = (ref: InstanceRef, namespace: string, id: number) => ({
  ...inNamespace(ref, namespace),
  policy_id: id,
});

export interface JobsPage {
  status?: DeliveryStatus | undefined;
  offset: number;
  limit: number;
}

/** A page of a webhook's deliveries, newest first (SWR's order). */
export async function listDeliveries(
  ref: InstanceRef,
  namespace: string,
  id: number,
  page: JobsPage,
  signal?: AbortSignal,
) {
  const { data } = await swrClient(ref.region).request(
    'ListInstanceWebhookJobs',
    {
      path: ofWebhook(ref, namespace, id),
      query: {
        offset: page.offset,
        limit: page.limit,
        ...(page.status ? { status: page.status } : {}),
      },
    },
    { signal },
  );
  return data;
}

export const createWebhookCall = (ref: InstanceRef, namespace: string, body: WebhookBody) =>
  swrCall('CreateInstanceWebhook', { path: inNamespace(ref, namespace), body });

export const updateWebhookCall = (
  ref: InstanceRef,
  namespace: string,
  id: number,
  body: WebhookBody,
) => swrCall('UpdateInstanceWebhook', { path: ofWebhook(ref, namespace, id), body });

export const deleteWebhookCall = (ref: InstanceRef, namespace: string, id: number) =>
  swrCall('DeleteInstanceWebhook', { path: ofWebhook(ref, namespace, id) });

export async function saveWebhook(
  ref: InstanceRef,
  namespace: string,
  id: number | undefined,
  body: WebhookBody,
) {
  await send(
    ref.region,
    id === undefined
      ? createWebhookCall(ref, namespace, body)
      : updateWebhookCall(ref, namespace, id, body),
  );
}

export const deleteWebhook = (ref: InstanceRef, namespace: string, id: number) =>
  sendDeletion(ref.region, deleteWebhookCall(ref, namespace, id));

/** A sample event sent by the BFF (not by SWR) to a target, and how the receiver answered. */
export const sendTestEvent = (body: BffInput<'SendWebhookTest'>['body']) =>
  bff.call('SendWebhookTest', { body });
