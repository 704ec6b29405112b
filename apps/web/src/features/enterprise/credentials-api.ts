import { swrCall, type CreatedLtCredential, type LtCredential } from '@swr-console/swr-api';
import { sendDeletion } from '../../shared/deletions';
import { send, swrClient } from '../../shared/swr';
import { at, type InstanceRef } from './api';

/**
 * An Enterprise instance's long-term credentials: docker logins that do not expire. The secret is
 * in the creation's answer only; nothing here keeps it.
 */

const ofCredential = (ref: InstanceRef, tokenId: string) => ({
  ...at(ref),
  credential_id: tokenId,
});

export interface CredentialPage {
  credentials: LtCredential[];
  total: number;
}

/** One page of the caller's credentials, or (`everyone`) of everybody's, newest first. */
export async function listCredentials(
  ref: InstanceRef,
  everyone: boolean,
  offset: number,
  limit: number,
  signal?: AbortSignal,
): Promise<CredentialPage> {
  const { data } = await swrClient(ref.region).request(
    'ListInstanceLtCredentials',
    {
      path: at(ref),
      query: { offset, limit, ...(everyone ? { self_only: 'false' as const } : {}) },
    },
    { signal },
  );
  return { credentials: data.auth_tokens, total: data.total };
}

/** How many credentials the instance holds, everyone's (what its quota counts). */
export async function credentialCount(ref: InstanceRef, signal?: AbortSignal): Promise<number> {
  return (await listCredentials(ref, true, 0, 1, signal)).total;
}

export async function instanceStatistics(ref: InstanceRef, signal?: AbortSignal) {
  return (
    await swrClient(ref.region).request('ListInstanceStatistics', { path: at(ref) }, { signal })
  ).data;
}

export const createCredentialCall = (ref: InstanceRef, name: string) =>
  swrCall('CreateInstanceLtCredential', { path: at(ref), body: { name } });

/** Creates a credential; its answer carries the secret, shown once and never asked for again. */
export async function createCredential(
  ref: InstanceRef,
  name: string,
): Promise<CreatedLtCredential> {
  return (await send(ref.region, createCredentialCall(ref, name))).data;
}

export const setEnabledCall = (ref: InstanceRef, tokenId: string, enable: boolean) =>
  swrCall('UpdateInstanceLtCredential', { path: ofCredential(ref, tokenId), body: { enable } });

export async function setEnabled(ref: InstanceRef, tokenId: string, enable: boolean) {
  await send(ref.region, setEnabledCall(ref, tokenId, enable));
}

export const deleteCredentialCall = (ref: InstanceRef, tokenId: string) =>
  swrCall('DeleteInstanceLtCredential', { path: ofCredential(ref, tokenId) });

/** Held by the BFF for the undo window, like every deletion the console asks for. */
export const deleteCredential = (ref: InstanceRef, tokenId: string) =>
  sendDeletion(ref.region, deleteCredentialCall(ref, tokenId));
