import { swrCall } from '@swr-console/swr-api';
import { send, swrClient } from '../../shared/swr';
import { sendDeletion } from '../../shared/deletions';

export async function showNamespace(region: string, namespace: string, signal?: AbortSignal) {
  return (await swrClient(region).request('ShowNamespace', { path: { namespace } }, { signal }))
    .data;
}

export const createNamespaceCall = (namespace: string) =>
  swrCall('CreateNamespace', { body: { namespace } });

export async function createNamespace(region: string, namespace: string) {
  await send(region, createNamespaceCall(namespace));
}

export const deleteNamespaceCall = (namespace: string) =>
  swrCall('DeleteNamespaces', { path: { namespace } });

export async function deleteNamespace(region: string, namespace: string) {
  return sendDeletion(region, deleteNamespaceCall(namespace));
}
