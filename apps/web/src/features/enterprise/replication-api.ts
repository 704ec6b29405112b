import {
  swrCall,
  type RegistryBody,
  type ReplicationExecution,
  type ReplicationPolicyBody,
} from '@swr-console/swr-api';
import { sendDeletion } from '../../shared/deletions';
import { send, swrClient } from '../../shared/swr';
import { at, type InstanceRef } from './api';
import type { RunResults, SourceTag } from './replication-preview';
import { repositoryTags } from './security-api';

/**
 * Replication of an Enterprise instance: its registries, its policies, their runs (executions →
 * tasks, one per repository → sub-tasks, one per tag), and the instance's own repositories and
 * tags that the preview of a push policy matches.
 */

/** Reads every page of a list, 100 at a time. */
async function everything<T>(
  read: (page: { offset: number; limit: number }) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; ; offset += 100) {
    const { items, total } = await read({ offset, limit: 100 });
    all.push(...items);
    if (items.length === 0 || all.length >= total) return all;
  }
}

const ofRegistry = (ref: InstanceRef, id: number) => ({ ...at(ref), registry_id: id });
const ofPolicy = (ref: InstanceRef, id: number) => ({ ...at(ref), policy_id: id });
const ofExecution = (ref: InstanceRef, id: number) => ({ ...at(ref), execution_id: id });

export async function listRegistries(ref: InstanceRef, signal?: AbortSignal) {
  return everything(async (query) => {
    const { data } = await swrClient(ref.region).request(
      'ListInstanceRegistries',
      { path: at(ref), query },
      { signal },
    );
    return { items: data.registries, total: data.total };
  });
}

/** One registry, checked again by SWR as it is read: the console's "test connection". */
export async function checkRegistry(ref: InstanceRef, id: number) {
  return (
    await swrClient(ref.region).request('ShowInstanceRegistry', { path: ofRegistry(ref, id) })
  ).data;
}

export const createRegistryCall = (ref: InstanceRef, body: RegistryBody) =>
  swrCall('CreateInstanceRegistry', { path: at(ref), body });

export const updateRegistryCall = (ref: InstanceRef, id: number, body: RegistryBody) =>
  swrCall('UpdateInstanceRegistry', { path: ofRegistry(ref, id), body });

export const deleteRegistryCall = (ref: InstanceRef, id: number) =>
  swrCall('DeleteInstanceRegistry', { path: ofRegistry(ref, id) });

export async function saveRegistry(ref: InstanceRef, id: number | undefined, body: RegistryBody) {
  if (id === undefined) await send(ref.region, createRegistryCall(ref, body));
  else await send(ref.region, updateRegistryCall(ref, id, body));
}

export const deleteRegistry = (ref: InstanceRef, id: number) =>
  sendDeletion(ref.region, deleteRegistryCall(ref, id));

export async function listReplicationPolicies(ref: InstanceRef, signal?: AbortSignal) {
  return everything(async (query) => {
    const { data } = await swrClient(ref.region).request(
      'ListInstanceReplicationPolicies',
      { path: at(ref), query },
      { signal },
    );
    return { items: data.policies, total: data.total };
  });
}

export const createReplicationPolicyCall = (ref: InstanceRef, body: ReplicationPolicyBody) =>
  swrCall('CreateInstanceReplicationPolicy', { path: at(ref), body });

export const updateReplicationPolicyCall = (
  ref: InstanceRef,
  id: number,
  body: ReplicationPolicyBody,
) => swrCall('UpdateInstanceReplicationPolicy', { path: ofPolicy(ref, id), body });

export const deleteReplicationPolicyCall = (ref: InstanceRef, id: number) =>
  swrCall('DeleteInstanceReplicationPolicy', { path: ofPolicy(ref, id) });

export async function saveReplicationPolicy(
  ref: InstanceRef,
  id: number | undefined,
  body: ReplicationPolicyBody,
) {
  if (id === undefined) await send(ref.region, createReplicationPolicyCall(ref, body));
  else await send(ref.region, updateReplicationPolicyCall(ref, id, body));
}

export const deleteReplicationPolicy = (ref: InstanceRef, id: number) =>
  sendDeletion(ref.region, deleteReplicationPolicyCall(ref, id));

export const executeCall = (ref: InstanceRef, policyId: number) =>
  swrCall('ExecuteInstanceReplicationPolicy', { path: at(ref), body: { policy_id: policyId } });

/** Starts a run now; answers its id. */
export async function execute(ref: InstanceRef, policyId: number) {
  return (await send(ref.region, executeCall(ref, policyId))).data.id;
}

export const stopCall = (ref: InstanceRef, executionId: number) =>
  swrCall('StopInstanceReplicationPolicyExecution', { path: ofExecution(ref, executionId) });

export async function stop(ref: InstanceRef, executionId: number) {
  await send(ref.region, stopCall(ref, executionId));
}

/** One page of runs, newest first, of one policy or of all. */
export async function listExecutions(
  ref: InstanceRef,
  policyId: number | undefined,
  offset: number,
  limit: number,
  signal?: AbortSignal,
): Promise<{ executions: ReplicationExecution[]; total: number }> {
  const { data } = await swrClient(ref.region).request(
    'ListInstanceReplicationPolicyExecutions',
    {
      path: at(ref),
      query: { offset, limit, ...(policyId === undefined ? {} : { policy_id: policyId }) },
    },
    { signal },
  );
  return { executions: data.executions, total: data.total };
}

/** The newest run of a policy, or null before its first (a query answers no undefined). */
export async function latestExecution(ref: InstanceRef, policyId: number, signal?: AbortSignal) {
  return (await listExecutions(ref, policyId, 0, 1, signal)).executions[0] ?? null;
}

export async function executionTasks(ref: InstanceRef, executionId: number, signal?: AbortSignal) {
  return everything(async (query) => {
    const { data } = await swrClient(ref.region).request(
      'ListInstanceReplicationPolicyExecTasks',
      { path: ofExecution(ref, executionId), query },
      { signal },
    );
    return { items: data.tasks, total: data.total };
  });
}

export async function taskSubtasks(
  ref: InstanceRef,
  executionId: number,
  taskId: number,
  signal?: AbortSignal,
) {
  return everything(async (query) => {
    const { data } = await swrClient(ref.region).request(
      'ListInstanceReplicationPolicyExecSubTasks',
      { path: { ...ofExecution(ref, executionId), task_id: taskId }, query },
      { signal },
    );
    return { items: data.subtasks, total: data.total };
  });
}

/** Every task of a run with its sub-tasks: what the preview says of the target. */
export async function runResults(
  ref: InstanceRef,
  executionId: number,
  signal?: AbortSignal,
): Promise<RunResults> {
  const tasks = await executionTasks(ref, executionId, signal);
  return Promise.all(
    tasks.map(async (task) => ({
      task,
      subtasks: await taskSubtasks(ref, executionId, task.id, signal),
    })),
  );
}

/** Every repository of the instance, as `namespace/repository`. */
export async function instanceRepositories(ref: InstanceRef, signal?: AbortSignal) {
  const repositories = await everything(async (query) => {
    const { data } = await swrClient(ref.region).request(
      'ListInstanceRepositories',
      { path: at(ref), query },
      { signal },
    );
    return { items: data.repositories, total: data.total };
  });
  return repositories.map((repository) => ({
    namespace: repository.namespace_name,
    name: repository.name,
    path: `${repository.namespace_name}/${repository.name}`,
  }));
}

/** The tags of one repository with their digests, as the preview matches them. */
export async function sourceTags(
  ref: InstanceRef,
  namespace: string,
  repository: string,
  signal?: AbortSignal,
): Promise<SourceTag[]> {
  return (await repositoryTags(ref, namespace, repository, signal)).map((tag) => ({
    repository: `${namespace}/${repository}`,
    tag: tag.name,
    digest: tag.digest,
  }));
}
