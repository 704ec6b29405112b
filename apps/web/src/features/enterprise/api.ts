import type { BffAnswer } from '@swr-console/contracts/bff';
import {
  swrCall,
  type ArtifactSignatures,
  type ResourceTag,
  type SignPolicyBody,
  type TagsFilterBody,
} from '@swr-console/swr-api';
import { bff } from '../../shared/http';
import { send, swrClient } from '../../shared/swr';
import { sendDeletion } from '../../shared/deletions';

/** The Enterprise edition's calls, through the BFF's proxy; every page of a list is asked for. */

export interface InstanceRef {
  region: string;
  projectId: string;
  instance: string;
}

export const at = (ref: InstanceRef) => ({ project_id: ref.projectId, instance_id: ref.instance });
export const inNamespace = (ref: InstanceRef, namespace: string) => ({
  ...at(ref),
  namespace_name: namespace,
});

/** Reads every page of an Enterprise list (100 at a time unless the list allows more). */
async function everything<T>(
  read: (page: { offset: number; limit: number }) => Promise<{ items: T[]; total: number }>,
  limit = 100,
): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; ; offset += limit) {
    const { items, total } = await read({ offset, limit });
    all.push(...items);
    if (items.length === 0 || all.length >= total) return all;
  }
}

export async function listInstances(region: string, projectId: string, signal?: AbortSignal) {
  return (
    await swrClient(region).request('ListInstance', { path: { project_id: projectId } }, { signal })
  ).data.instances;
}

/** Namespaces with their tags; with filters, only those carrying them. */
export async function taggedNamespaces(
  ref: InstanceRef,
  filter: TagsFilterBody['tags'],
  signal?: AbortSignal,
) {
  return everything(async (page) => {
    const { data } = await swrClient(ref.region).request(
      'ListSubResourceInstances',
      { path: at(ref), query: page, body: { tags: filter ?? [] } },
      { signal },
    );
    return { items: data.resources, total: data.total_count };
  }, 200);
}

export async function instanceTagKeys(ref: InstanceRef, signal?: AbortSignal) {
  return (await swrClient(ref.region).request('ListNamespaceTags', { path: at(ref) }, { signal }))
    .data.tags;
}

export const createNamespaceCall = (ref: InstanceRef, name: string, isPublic: boolean) =>
  swrCall('CreateInstanceNamespace', {
    path: at(ref),
    body: { namespace_name: name, metadata: { public: isPublic ? 'true' : 'false' } },
  });

export async function createNamespace(ref: InstanceRef, name: string, isPublic: boolean) {
  await send(ref.region, createNamespaceCall(ref, name, isPublic));
}

export const deleteNamespaceCall = (ref: InstanceRef, name: string) =>
  swrCall('DeleteInstanceNamespace', { path: inNamespace(ref, name) });

export async function deleteNamespace(ref: InstanceRef, name: string) {
  return sendDeletion(ref.region, deleteNamespaceCall(ref, name));
}

export async function namespaceTags(ref: InstanceRef, name: string, signal?: AbortSignal) {
  return (
    await swrClient(ref.region).request(
      'ListSubResourceTags',
      { path: inNamespace(ref, name) },
      { signal },
    )
  ).data.tags;
}

export const addTagsCall = (ref: InstanceRef, name: string, tags: ResourceTag[]) =>
  swrCall('CreateSubResourceTags', { path: inNamespace(ref, name), body: { tags } });

export async function addTags(ref: InstanceRef, name: string, tags: ResourceTag[]) {
  await send(ref.region, addTagsCall(ref, name, tags));
}

export const removeTagsCall = (ref: InstanceRef, name: string, tags: ResourceTag[]) =>
  swrCall('DeleteSubResourceTags', { path: inNamespace(ref, name), body: { tags } });

export async function removeTags(ref: InstanceRef, name: string, tags: ResourceTag[]) {
  await send(ref.region, removeTagsCall(ref, name, tags));
}

export async function listRepositories(ref: InstanceRef, namespace: string, signal?: AbortSignal) {
  return everything(async (page) => {
    const { data } = await swrClient(ref.region).request(
      'ListNamespaceRepositories',
      { path: inNamespace(ref, namespace), query: page },
      { signal },
    );
    return { items: data.repositories, total: data.total };
  });
}

export async function listArtifacts(
  ref: InstanceRef,
  namespace: string,
  repository: string,
  signal?: AbortSignal,
) {
  return everything(async (page) => {
    const { data } = await swrClient(ref.region).request(
      'ListInstanceArtifacts',
      { path: { ...inNamespace(ref, namespace), repository_name: repository }, query: page },
      { signal },
    );
    return { items: data.artifacts, total: data.total };
  });
}

/** Signature badges, verified by the BFF with the account's public keys (50 digests a call). */
export async function signaturesOf(
  ref: InstanceRef,
  namespace: string,
  repository: string,
  digests: string[],
  signal?: AbortSignal,
): Promise<ArtifactSignatures[]> {
  const results: ArtifactSignatures[] = [];
  for (let i = 0; i < digests.length; i += 50) {
    const answer = await bff.call(
      'CheckSignatures',
      {
        params: { region: ref.region },
        query: { instance: ref.instance, namespace, repository, digest: digests.slice(i, i + 50) },
      },
      { signal },
    );
    results.push(...answer.artifacts);
  }
  return results;
}

export async function listPolicies(ref: InstanceRef, signal?: AbortSignal) {
  return everything(async (page) => {
    const { data } = await swrClient(ref.region).request(
      'ListInstanceSignPolicies',
      { path: at(ref), query: page },
      { signal },
    );
    return { items: data.policies, total: data.total };
  });
}

export const createPolicyCall = (ref: InstanceRef, namespace: string, body: SignPolicyBody) =>
  swrCall('CreateInstanceSignPolicy', { path: inNamespace(ref, namespace), body });

export async function createPolicy(ref: InstanceRef, namespace: string, body: SignPolicyBody) {
  return (await send(ref.region, createPolicyCall(ref, namespace, body))).data.id;
}

export const updatePolicyCall = (
  ref: InstanceRef,
  namespace: string,
  id: number,
  body: SignPolicyBody,
) =>
  swrCall('UpdateInstanceSignPolicy', {
    path: { ...inNamespace(ref, namespace), policy_id: id },
    body,
  });

export async function updatePolicy(
  ref: InstanceRef,
  namespace: string,
  id: number,
  body: SignPolicyBody,
) {
  await send(ref.region, updatePolicyCall(ref, namespace, id, body));
}

export const deletePolicyCall = (ref: InstanceRef, namespace: string, id: number) =>
  swrCall('DeleteInstanceSignPolicy', {
    path: { ...inNamespace(ref, namespace), policy_id: id },
  });

export async function deletePolicy(ref: InstanceRef, namespace: string, id: number) {
  return sendDeletion(ref.region, deletePolicyCall(ref, namespace, id));
}

export const runPolicyCall = (ref: InstanceRef, namespace: string, id: number) =>
  swrCall('ExecuteInstanceSignPolicy', {
    path: { ...inNamespace(ref, namespace), policy_id: id },
  });

export async function runPolicy(ref: InstanceRef, namespace: string, id: number) {
  return (await send(ref.region, runPolicyCall(ref, namespace, id))).data.id;
}

export async function listExecutions(
  ref: InstanceRef,
  namespace: string,
  id: number,
  signal?: AbortSignal,
) {
  return (
    await swrClient(ref.region).request(
      'ListInstanceSignPolicyExecutions',
      { path: { ...inNamespace(ref, namespace), policy_id: id }, query: { offset: 0, limit: 20 } },
      { signal },
    )
  ).data.executions;
}

/** Every artifact result of an execution: its tasks (per repository) and their subtasks. */
export async function executionResults(
  ref: InstanceRef,
  namespace: string,
  policy: number,
  execution: number,
  signal?: AbortSignal,
) {
  const base = { ...inNamespace(ref, namespace), policy_id: policy, execution_id: execution };
  const tasks = await everything(async (page) => {
    const { data } = await swrClient(ref.region).request(
      'ListInstanceSignPolicyExecTasks',
      { path: base, query: page },
      { signal },
    );
    return { items: data.tasks, total: data.total };
  });
  const results = await Promise.all(
    tasks.map((task) =>
      everything(async (page) => {
        const { data } = await swrClient(ref.region).request(
          'ListInstanceSignatureExecutionSubtasks',
          { path: { ...base, task_id: task.id }, query: page },
          { signal },
        );
        return { items: data.sub_tasks, total: data.total };
      }),
    ),
  );
  return results.flat();
}

export async function listKeys(ref: Omit<InstanceRef, 'instance'>, signal?: AbortSignal) {
  return (
    await swrClient(ref.region).request(
      'ListKeys',
      { path: { project_id: ref.projectId }, body: {} },
      { signal },
    )
  ).data.key_details;
}

export const createKeyCall = (
  ref: Omit<InstanceRef, 'instance'>,
  alias: string,
  spec: 'EC_P256' | 'EC_P384',
) =>
  swrCall('CreateKey', {
    path: { project_id: ref.projectId },
    body: { key_alias: alias, key_spec: spec, key_usage: 'SIGN_VERIFY' },
  });

export async function createKey(
  ref: Omit<InstanceRef, 'instance'>,
  alias: string,
  spec: 'EC_P256' | 'EC_P384',
) {
  return (await send(ref.region, createKeyCall(ref, alias, spec))).data.key_info.key_id;
}

/** The namespace's artifacts (first 50 repositories) as the signing preview matches them. */
export async function namespaceArtifacts(
  ref: InstanceRef,
  namespace: string,
  signal?: AbortSignal,
) {
  const repositories = (await listRepositories(ref, namespace, signal)).slice(0, 50);
  const perRepository = await Promise.all(
    repositories.map(async (repository) =>
      (await listArtifacts(ref, namespace, repository.name, signal)).map((artifact) => ({
        repository: repository.name,
        digest: artifact.digest,
        tags: artifact.tags.map((tag) => tag.name),
      })),
    ),
  );
  return perRepository.flat();
}

export type InstanceLogin = BffAnswer<'CreateLoginCommand'>;

/** A temporary docker login of the instance registry, issued by the BFF only when asked. */
export function instanceLogin(ref: InstanceRef): Promise<InstanceLogin> {
  return bff.call('CreateLoginCommand', {
    body: { region: ref.region, kind: 'temporary', instance: ref.instance },
  });
}
