import { swrClient } from '../../shared/swr';

export async function showNamespace(region: string, namespace: string, signal?: AbortSignal) {
  return (await swrClient(region).request('ShowNamespace', { path: { namespace } }, { signal }))
    .data;
}

export async function createNamespace(region: string, namespace: string) {
  await swrClient(region).request('CreateNamespace', { body: { namespace } });
}

export async function deleteNamespace(region: string, namespace: string) {
  await swrClient(region).request('DeleteNamespaces', { path: { namespace } });
}
