import { queryOptions } from '@tanstack/react-query';
import type { InstanceRef } from './api';
import { enterpriseKeys } from './queries';
import {
  listRunTags,
  listRuns,
  listRunTasks,
  namespacePolicy,
  namespaceRetentionTags,
} from './retention-api';

/** How many runs the history shows, newest first. */
export const RUNS_SHOWN = 20;

/** A run, its tasks and their tags are followed this often while the run goes on. */
export const FOLLOW_MS = 2000;

/** Whether a run (or one of its tasks or tags) is still going on. */
export const running = (status: string) =>
  status === 'InProgress' || status === 'Pending' || status === 'Initialized';

/** The policy whose runs are read. */
export interface RunScope {
  target: InstanceRef;
  namespace: string;
  policy: number;
}

/**
 * Under the namespace's key, so that a change to the namespace (a tag deleted, a push seen)
 * refreshes the what-if's tags too; a run's tasks under the run, its tags under the task.
 */
export const retentionKeys = {
  all: (ref: InstanceRef, namespace: string) =>
    [...enterpriseKeys.namespace(ref, namespace), 'retention'] as const,
  policy: (ref: InstanceRef, namespace: string) =>
    [...retentionKeys.all(ref, namespace), 'policy'] as const,
  runs: (ref: InstanceRef, namespace: string, policy: number) =>
    [...retentionKeys.all(ref, namespace), 'runs', policy] as const,
  run: (ref: InstanceRef, namespace: string, policy: number, run: number) =>
    [...retentionKeys.runs(ref, namespace, policy), run] as const,
};

export const retentionQueries = {
  policy: (ref: InstanceRef, namespace: string, namespaceId: number) =>
    queryOptions({
      queryKey: [...retentionKeys.policy(ref, namespace), namespaceId],
      queryFn: ({ signal }) => namespacePolicy(ref, namespaceId, signal),
    }),
  tags: (ref: InstanceRef, namespace: string) =>
    queryOptions({
      queryKey: [...retentionKeys.all(ref, namespace), 'tags'],
      queryFn: ({ signal }) => namespaceRetentionTags(ref, namespace, signal),
    }),
  runs: (ref: InstanceRef, namespace: string, policy: number) =>
    queryOptions({
      queryKey: retentionKeys.runs(ref, namespace, policy),
      queryFn: ({ signal }) => listRuns(ref, namespace, policy, RUNS_SHOWN, signal),
    }),
  tasks: (ref: InstanceRef, namespace: string, policy: number, run: number) =>
    queryOptions({
      queryKey: [...retentionKeys.run(ref, namespace, policy, run), 'tasks'],
      queryFn: ({ signal }) => listRunTasks(ref, namespace, policy, run, signal),
    }),
  runTags: (
    ref: InstanceRef,
    namespace: string,
    where: { policy: number; run: number; task: number },
    page: { offset: number; limit: number },
  ) =>
    queryOptions({
      queryKey: [
        ...retentionKeys.run(ref, namespace, where.policy, where.run),
        'tasks',
        where.task,
        page,
      ],
      queryFn: ({ signal }) => listRunTags(ref, namespace, where, page, signal),
    }),
};
