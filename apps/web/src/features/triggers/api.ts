import type { CreateTriggerBody, Trigger } from '@swr-console/swr-api';
import { swrClient } from '../../shared/swr';
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

export async function createTrigger(
  { region, namespace, repository }: RepositoryRef,
  body: CreateTriggerBody,
): Promise<void> {
  await swrClient(region).request('CreateTrigger', { path: { namespace, repository }, body });
}

/** SWR can change only whether a trigger is on. */
export async function setTriggerEnabled(
  { region, namespace, repository }: RepositoryRef,
  trigger: string,
  enabled: boolean,
): Promise<void> {
  await swrClient(region).request('UpdateTrigger', {
    path: { namespace, repository, trigger },
    body: { enable: enabled ? 'true' : 'false' },
  });
}

/** Deleting a trigger is held for undo; replacing one (an edit) deletes it at once. */
export async function deleteTrigger(
  { region, namespace, repository }: RepositoryRef,
  trigger: string,
  { held = true } = {},
): Promise<Deletion | undefined> {
  const path = { namespace, repository, trigger };
  if (held) return sendDeletion(region, 'DeleteTrigger', { path });
  await swrClient(region).request('DeleteTrigger', { path });
  return undefined;
}
