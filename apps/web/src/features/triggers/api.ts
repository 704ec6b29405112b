import { swrCall, type CreateTriggerBody, type Trigger } from '@swr-console/swr-api';
import { send, swrClient } from '../../shared/swr';
import type { RepositoryRef } from '../../shared/keys';
import { sendDeletion, type Deletion } from '../../shared/deletions';

export type { RepositoryRef };

export async function listTriggers(
  { region, namespace, repository }: RepositoryRef,
  signal?: AbortSignal,
): Promise<Trigger[]> {
  const response = await swrClient(region).request(
    'ListTriggersDetails',
    { path: { namespace, repository } },
    { signal },
  );
  return response.data;
}

export const createTriggerCall = (
  { namespace, repository }: RepositoryRef,
  body: CreateTriggerBody,
) => swrCall('CreateTrigger', { path: { namespace, repository }, body });

export async function createTrigger(where: RepositoryRef, body: CreateTriggerBody): Promise<void> {
  await send(where.region, createTriggerCall(where, body));
}

/** SWR can change only whether a trigger is on. */
export const setTriggerEnabledCall = (
  { namespace, repository }: RepositoryRef,
  trigger: string,
  enabled: boolean,
) =>
  swrCall('UpdateTrigger', {
    path: { namespace, repository, trigger },
    body: { enable: enabled ? 'true' : 'false' },
  });

export async function setTriggerEnabled(
  where: RepositoryRef,
  trigger: string,
  enabled: boolean,
): Promise<void> {
  await send(where.region, setTriggerEnabledCall(where, trigger, enabled));
}

export const deleteTriggerCall = ({ namespace, repository }: RepositoryRef, trigger: string) =>
  swrCall('DeleteTrigger', { path: { namespace, repository, trigger } });

/** Deleting a trigger is held for undo; replacing one (an edit) deletes it at once. */
export async function deleteTrigger(
  where: RepositoryRef,
  trigger: string,
  { held = true } = {},
): Promise<Deletion | undefined> {
  const call = deleteTriggerCall(where, trigger);
  if (held) return sendDeletion(where.region, call);
  await send(where.region, call);
  return undefined;
}
