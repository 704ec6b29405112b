import { swrClient } from '../../shared/swr';

export async function showNamespace(region: string, namespace: string, signal?: AbortSignal) {
  return (await swrClient(region).request('ShowNamespace', { path: { namespace } }, { signal }))
    .data;
}

export async function namespaceQuota(region: string, projectId: string, signal?: AbortSignal) {
  const { quotas } = (
    await swrClient(region).request('ListQuotas', { path: { project_id: projectId } }, { signal })
  ).data;
  return quotas.find((q) => q.quota_key === 'namespace');
}

export async function createNamespace(region: string, namespace: string) {
  await swrClient(region).request('CreateNamespace', { body: { namespace } });
}

export async function deleteNamespace(region: string, namespace: string) {
  await swrClient(region).request('DeleteNamespaces', { path: { namespace } });
}
