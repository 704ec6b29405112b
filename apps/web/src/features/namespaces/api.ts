import { swrClient } from '../../shared/swr';
import { sendDeletion } from '../../shared/deletions';

export async function showNamespace(region: string, namespace: string, signal?: AbortSignal) {
  return (await swrClient(region).request('ShowNamespace', { path: { namespace } }, { signal }))
    .data;
}

export async function createNamespace(region: string, namespace: string) {
  await swrClient(region).request('CreateNamespace', { body: { namespace } });
}

export async function deleteNamespace(region: string, namespace: string) {
  return sendDeletion(region, 'DeleteNamespaces', { path: { namespace } });
}
