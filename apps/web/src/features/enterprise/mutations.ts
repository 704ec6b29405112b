import type { ResourceTag, SignPolicy, SignPolicyBody } from '@swr-console/swr-api';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  addTags,
  createKey,
  createNamespace,
  createPolicy,
  deleteNamespace,
  deletePolicy,
  instanceLogin,
  removeTags,
  runPolicy,
  updatePolicy,
  type InstanceRef,
} from './api';
import { enterpriseKeys } from './queries';

/** A namespace changed: its own queries, and the instance's lists it appears in. */
function refreshNamespace(queryClient: QueryClient, ref: InstanceRef, namespace: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: enterpriseKeys.namespaces(ref) }),
    queryClient.invalidateQueries({ queryKey: enterpriseKeys.namespace(ref, namespace) }),
  ]);
}

/** The namespace was created, but adding its tags failed (`cause` says why). */
export class TagsNotAdded extends Error {
  constructor(cause: unknown) {
    super('The namespace was created, but its tags were not added.', { cause });
  }
}

/**
 * Creates a namespace, then adds its tags (SWR's create takes none). A failure to add them
 * leaves the namespace, and is a TagsNotAdded; either way the lists are refreshed.
 */
export function useCreateNamespace(ref: InstanceRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      name,
      isPublic,
      tags = [],
    }: {
      name: string;
      isPublic: boolean;
      tags?: ResourceTag[];
    }) => {
      await createNamespace(ref, name, isPublic);
      if (tags.length > 0)
        await addTags(ref, name, tags).catch((error: unknown) => {
          throw new TagsNotAdded(error);
        });
    },
    onSettled: (_, error, { name }) =>
      error && !(error instanceof TagsNotAdded)
        ? undefined
        : refreshNamespace(queryClient, ref, name),
  });
}

/** Only an empty namespace can go; its signing policies go with it. */
export function useDeleteNamespace(ref: InstanceRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => deleteNamespace(ref, name),
    onSuccess: (_, name) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: enterpriseKeys.namespaces(ref) }),
        // Gone: stale for a later visit, not asked for again now.
        queryClient.invalidateQueries({
          queryKey: enterpriseKeys.namespace(ref, name),
          refetchType: 'none',
        }),
        queryClient.invalidateQueries({ queryKey: enterpriseKeys.policies(ref) }),
      ]),
  });
}

/**
 * Removes the keys that went, then adds new and changed ones (SWR's add replaces a key's value).
 * Refreshed even when it fails: the removal may have happened before the add failed.
 */
export function useSaveNamespaceTags(ref: InstanceRef, namespace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ add, remove }: { add: ResourceTag[]; remove: ResourceTag[] }) => {
      if (remove.length > 0) await removeTags(ref, namespace, remove);
      if (add.length > 0) await addTags(ref, namespace, add);
    },
    onSettled: () => refreshNamespace(queryClient, ref, namespace),
  });
}

/** Creates a policy, or changes the one with `id`. */
export function useSavePolicy(ref: InstanceRef, namespace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number | undefined; body: SignPolicyBody }) => {
      if (id === undefined) await createPolicy(ref, namespace, body);
      else await updatePolicy(ref, namespace, id, body);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: enterpriseKeys.policies(ref) }),
  });
}

export function useDeletePolicy(ref: InstanceRef, namespace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: SignPolicy) => deletePolicy(ref, namespace, policy.id),
    onSuccess: (_, policy) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: enterpriseKeys.policies(ref) }),
        // Gone with its executions: stale for a later visit, not asked for again now.
        queryClient.invalidateQueries({
          queryKey: enterpriseKeys.policy(ref, policy.id),
          refetchType: 'none',
        }),
      ]),
  });
}

/** Starts an execution now; answers its id. */
export function useRunPolicy(ref: InstanceRef, namespace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: SignPolicy) => runPolicy(ref, namespace, policy.id),
    onSuccess: (_, policy) =>
      queryClient.invalidateQueries({ queryKey: enterpriseKeys.policy(ref, policy.id) }),
  });
}

/** A signing key in the region's key service; answers its id. */
export function useCreateKey(region: string, projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ alias, spec }: { alias: string; spec: 'EC_P256' | 'EC_P384' }) =>
      createKey({ region, projectId }, alias, spec),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: enterpriseKeys.keys(region) }),
  });
}

/**
 * A temporary docker login of the instance, asked for only on the click. gcTime 0: the answer (a
 * password) leaves the mutation cache as soon as the dialog showing it is gone.
 */
export function useInstanceLogin(ref: InstanceRef) {
  return useMutation({ mutationFn: () => instanceLogin(ref), gcTime: 0 });
}
