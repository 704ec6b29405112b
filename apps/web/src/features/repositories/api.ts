import type { CreateRepoBody, ListReposQuery, UpdateRepoBody } from '@swr-console/swr-api';
import { swrClient } from '../../shared/swr';
import { sendDeletion } from '../../shared/deletions';

export async function listRepositories(
  region: string,
  query: ListReposQuery,
  signal?: AbortSignal,
) {
  const response = await swrClient(region).request('ListReposDetails', { query }, { signal });
  return { items: response.data, total: response.range?.total ?? response.data.length };
}

export async function showRepository(
  region: string,
  namespace: string,
  repository: string,
  signal?: AbortSignal,
) {
  return (
    await swrClient(region).request(
      'ShowRepository',
      { path: { namespace, repository } },
      { signal },
    )
  ).data;
}

export async function createRepository(region: string, namespace: string, body: CreateRepoBody) {
  await swrClient(region).request('CreateRepo', { path: { namespace }, body });
}

export async function updateRepository(
  region: string,
  namespace: string,
  repository: string,
  body: UpdateRepoBody,
) {
  await swrClient(region).request('UpdateRepo', { path: { namespace, repository }, body });
}

export async function deleteRepository(region: string, namespace: string, repository: string) {
  return sendDeletion(region, 'DeleteRepo', { path: { namespace, repository } });
}
