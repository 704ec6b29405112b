import type { ImmutableRuleBody } from '@swr-console/swr-api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendDeletion } from '../../shared/deletions';
import { send } from '../../shared/swr';
import type { InstanceRef } from './api';
import { enterpriseKeys } from './queries';
import {
  createRuleCall,
  deleteArtifact,
  deleteRuleCall,
  deleteTag,
  updateNamespaceCall,
  updateRuleCall,
  type NamespaceSettings,
} from './security-api';

/** Changes to a namespace's security refresh everything under the namespace's key. */
function useNamespaceMutation<V>(
  ref: InstanceRef,
  namespace: string,
  run: (variables: V) => Promise<unknown>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: enterpriseKeys.namespace(ref, namespace) }),
  });
}

export const useSaveSettings = (ref: InstanceRef, namespace: string) =>
  useNamespaceMutation(ref, namespace, (settings: NamespaceSettings) =>
    send(ref.region, updateNamespaceCall(ref, namespace, settings)),
  );

export const useSaveRule = (ref: InstanceRef, namespace: string) =>
  useNamespaceMutation(ref, namespace, ({ id, body }: { id?: number; body: ImmutableRuleBody }) =>
    send(
      ref.region,
      id === undefined
        ? createRuleCall(ref, namespace, body)
        : updateRuleCall(ref, namespace, id, body),
    ),
  );

export const useDeleteRule = (ref: InstanceRef, namespace: string) =>
  useNamespaceMutation(ref, namespace, (id: number) =>
    sendDeletion(ref.region, deleteRuleCall(ref, namespace, id)),
  );

export const useDeleteTag = (ref: InstanceRef, namespace: string, repository: string) =>
  useNamespaceMutation(ref, namespace, (tag: string) => deleteTag(ref, namespace, repository, tag));

export const useDeleteArtifact = (ref: InstanceRef, namespace: string, repository: string) =>
  useNamespaceMutation(ref, namespace, (digest: string) =>
    deleteArtifact(ref, namespace, repository, digest),
  );
