import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ReplicationExecution } from '@swr-console/swr-api';
import type { InstanceRef } from './api';
import { enterpriseKeys } from './queries';
import {
  executionTasks,
  instanceRepositories,
  latestExecution,
  listExecutions,
  listRegistries,
  listReplicationPolicies,
  runResults,
  sourceTags,
  taskSubtasks,
} from './replication-api';

/** How often runs are read again while one of those on screen is under way. */
export const RUN_POLL_MS = 2000;

export const isRunning = (execution: Pick<ReplicationExecution, 'status'> | null | undefined) =>
  execution?.status === 'InProgress' ||
  execution?.status === 'Pending' ||
  execution?.status === 'Initialized';

/**
 * Keys shaped like SWR's paths under the instance: `…/registries`, `…/replication/policies`,
 * `…/replication/executions/{id}/tasks/{task}`; so a change to the runs refreshes every list of
 * them, and the instance's refresh reaches them all.
 */
export const replicationKeys = {
  registries: (ref: InstanceRef) => [...enterpriseKeys.instance(ref), 'registries'] as const,
  all: (ref: InstanceRef) => [...enterpriseKeys.instance(ref), 'replication'] as const,
  policies: (ref: InstanceRef) => [...replicationKeys.all(ref), 'policies'] as const,
  executions: (ref: InstanceRef) => [...replicationKeys.all(ref), 'executions'] as const,
  execution: (ref: InstanceRef, id: number) => [...replicationKeys.executions(ref), id] as const,
};

export const replicationQueries = {
  registries: (ref: InstanceRef) =>
    queryOptions({
      queryKey: replicationKeys.registries(ref),
      queryFn: ({ signal }) => listRegistries(ref, signal),
    }),
  policies: (ref: InstanceRef) =>
    queryOptions({
      queryKey: replicationKeys.policies(ref),
      queryFn: ({ signal }) => listReplicationPolicies(ref, signal),
    }),
  /** A page of runs (of one policy, or all), followed while one of them is under way. */
  executions: (ref: InstanceRef, policyId: number | undefined, page: number, pageSize: number) =>
    queryOptions({
      queryKey: [
        ...replicationKeys.executions(ref),
        'list',
        { policy: policyId ?? null, page, pageSize },
      ],
      queryFn: ({ signal }) =>
        listExecutions(ref, policyId, (page - 1) * pageSize, pageSize, signal),
      placeholderData: keepPreviousData,
      refetchInterval: (query) =>
        query.state.data?.executions.some(isRunning) ? RUN_POLL_MS : false,
    }),
  /** A policy's newest run, followed while it is under way. */
  latest: (ref: InstanceRef, policyId: number) =>
    queryOptions({
      queryKey: [...replicationKeys.executions(ref), 'latest', policyId],
      queryFn: ({ signal }) => latestExecution(ref, policyId, signal),
      refetchInterval: (query) => (isRunning(query.state.data) ? RUN_POLL_MS : false),
    }),
  /** The repositories of a run; read again while it runs. */
  tasks: (ref: InstanceRef, executionId: number, running: boolean) =>
    queryOptions({
      queryKey: [...replicationKeys.execution(ref, executionId), 'tasks'],
      queryFn: ({ signal }) => executionTasks(ref, executionId, signal),
      refetchInterval: running ? RUN_POLL_MS : false,
    }),
  subtasks: (ref: InstanceRef, executionId: number, taskId: number, running: boolean) =>
    queryOptions({
      queryKey: [...replicationKeys.execution(ref, executionId), 'tasks', taskId],
      queryFn: ({ signal }) => taskSubtasks(ref, executionId, taskId, signal),
      refetchInterval: running ? RUN_POLL_MS : false,
    }),
  /** Everything one run did, tag by tag (the preview's "as of that run"). */
  results: (ref: InstanceRef, executionId: number) =>
    queryOptions({
      queryKey: [...replicationKeys.execution(ref, executionId), 'results'],
      queryFn: ({ signal }) => runResults(ref, executionId, signal),
    }),
  repositories: (ref: InstanceRef) =>
    queryOptions({
      queryKey: [...enterpriseKeys.instance(ref), 'repositories'],
      queryFn: ({ signal }) => instanceRepositories(ref, signal),
    }),
  /** A repository's tags, under its namespace's key, so the namespace's changes refresh them. */
  tags: (ref: InstanceRef, namespace: string, repository: string) =>
    queryOptions({
      queryKey: [
        ...enterpriseKeys.namespace(ref, namespace),
        'repositories',
        repository,
        'tags',
        'sources',
      ],
      queryFn: ({ signal }) => sourceTags(ref, namespace, repository, signal),
    }),
};
