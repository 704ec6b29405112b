import type { WebhookBody, WebhookPolicy } from '@swr-console/swr-api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { expectChanges } from '../../shared/freshness';
import type { InstanceRef } from './api';
import { deleteWebhook, saveWebhook, sendTestEvent } from './webhook-api';
import { fromWebhook, toBody } from './webhook-body';
import { webhookKeys } from './webhook-queries';

/** A webhook created, changed or deleted: the namespace's webhooks (and their deliveries). */
function useWebhookChange<V>(
  ref: InstanceRef,
  namespace: string,
  run: (variables: V) => Promise<unknown>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all(ref, namespace) }),
  });
}

/** Saved, a webhook is usually tried with a push next: its deliveries are followed closely. */
export const useSaveWebhook = (ref: InstanceRef, namespace: string) =>
  useWebhookChange(ref, namespace, async ({ id, body }: { id?: number; body: WebhookBody }) => {
    await saveWebhook(ref, namespace, id, body);
    expectChanges();
  });

/**
 * On or off: SWR's update replaces the whole webhook, so the stored one is sent back with only
 * `enabled` changed (its header values as `*****`, which SWR keeps).
 */
export const useToggleWebhook = (ref: InstanceRef, namespace: string) =>
  useWebhookChange(ref, namespace, (webhook: WebhookPolicy) =>
    saveWebhook(ref, namespace, webhook.id, {
      ...toBody(fromWebhook(webhook)),
      enabled: !webhook.enabled,
    }),
  );

/** Held for undo like every deletion; the held mark stands in the row meanwhile. */
export const useDeleteWebhook = (ref: InstanceRef, namespace: string) =>
  useWebhookChange(ref, namespace, (webhook: WebhookPolicy) =>
    deleteWebhook(ref, namespace, webhook.id),
  );

/** A test event: nothing in SWR changes, so nothing is read again; the answer is not kept. */
export const useSendWebhookTest = () => useMutation({ mutationFn: sendTestEvent, gcTime: 0 });
