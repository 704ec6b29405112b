import {
  swrCall,
  type ListSharedReposQuery,
  type RepositorySummary,
  type Share,
  type ShareCheck,
} from '@swr-console/swr-api';
import { send, swrClient } from '../../shared/swr';
import type { RepositoryRef } from '../../shared/keys';
import { sendDeletion, type Deletion } from '../../shared/deletions';

export type { RepositoryRef };

export interface ShareTerms {
  /** `forever`, or a UTC midnight: the share holds through that day. */
  deadline: string;
  description: string;
}

export async function listShares(
  { region, namespace, repository }: RepositoryRef,
  signal?: AbortSignal,
): Promise<Share[]> {
  const response = await swrClient(region).request(
    'ListRepoDomains',
    { path: { namespace, repository } },
    { signal },
  );
  return response.data;
}

/** Whether an account can already pull the repository through a share (SWR answers exist:false). */
export async function checkShare(
  { region, namespace, repository }: RepositoryRef,
  account: string,
  signal?: AbortSignal,
): Promise<ShareCheck> {
  const response = await swrClient(region).request(
    'ShowAccessDomain',
    { path: { namespace, repository, access_domain: account } },
    { signal },
  );
  return response.data;
}

export const createShareCall = (
  { namespace, repository }: RepositoryRef,
  account: string,
  terms: ShareTerms,
) =>
  swrCall('CreateRepoDomains', {
    path: { namespace, repository },
    body: { access_domain: account, permit: 'read', ...terms },
  });

export async function createShare(
  where: RepositoryRef,
  account: string,
  terms: ShareTerms,
): Promise<void> {
  await send(where.region, createShareCall(where, account, terms));
}

export const updateShareCall = (
  { namespace, repository }: RepositoryRef,
  account: string,
  terms: ShareTerms,
) =>
  swrCall('UpdateRepoDomains', {
    path: { namespace, repository, access_domain: account },
    body: { permit: 'read', ...terms },
  });

export async function updateShare(
  where: RepositoryRef,
  account: string,
  terms: ShareTerms,
): Promise<void> {
  await send(where.region, updateShareCall(where, account, terms));
}

export const deleteShareCall = ({ namespace, repository }: RepositoryRef, account: string) =>
  swrCall('DeleteRepoDomains', { path: { namespace, repository, access_domain: account } });

export async function deleteShare(
  where: RepositoryRef,
  account: string,
): Promise<Deletion | undefined> {
  return sendDeletion(where.region, deleteShareCall(where, account));
}

export interface SharedPage {
  items: RepositorySummary[];
  total: number;
}

/** Repositories other accounts share with you, a page at a time. */
export async function listSharedWithMe(
  region: string,
  query: Omit<ListSharedReposQuery, 'center'>,
  signal?: AbortSignal,
): Promise<SharedPage> {
  const response = await swrClient(region).request(
    'ListSharedReposDetails',
    { query: { center: 'thirdparty', ...query } },
    { signal },
  );
  return { items: response.data, total: response.range?.total ?? response.data.length };
}
