import {
  swrCall,
  type CreateRepoBody,
  type ListReposQuery,
  type UpdateRepoBody,
} from '@swr-console/swr-api';
import { send, swrClient } from '../../shared/swr';
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

export const createRepositoryCall = (namespace: string, body: CreateRepoBody) =>
  swrCall('CreateRepo', { path: { namespace }, body });

export async function createRepository(region: string, namespace: string, body: CreateRepoBody) {
  await send(region, createRepositoryCall(namespace, body));
}

export const updateRepositoryCall = (namespace: string, repository: string, body: UpdateRepoBody) =>
  swrCall('UpdateRepo', { path: { namespace, repository }, body });

export async function updateRepository(
  region: string,
  namespace: string,
  repository: string,
  body: UpdateRepoBody,
) {
  await send(region, updateRepositoryCall(namespace, repository, body));
}

export const deleteRepositoryCall = (namespace: string, repository: string) =>
  swrCall('DeleteRepo', { path: { namespace, repository } });

export async function deleteRepository(region: string, namespace: string, repository: string) {
  return sendDeletion(region, deleteRepositoryCall(namespace, repository));
}
