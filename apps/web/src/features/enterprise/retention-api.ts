import {
  signedDigestOf,
  swrCall,
  type EnterpriseRetentionTag,
  type RetentionPolicyBody,
} from '@swr-console/swr-api';
import { runBatch } from '../../shared/batch';
import { sendDeletion } from '../../shared/deletions';
import { send, swrClient } from '../../shared/swr';
import { at, inNamespace, listRepositories, type InstanceRef } from './api';

/**
 * The retention policy of an Enterprise namespace (one per namespace), its runs, and the tags the
 * what-if evaluates: every tag of every repository of the namespace, with its push and pull times.
 */

const PAGE = 100;
/** Tag pages read at once while the what-if gathers the namespace's tags. */
const READS_AT_ONCE = 6;

const ofPolicy = (ref: InstanceRef, namespace: string, policy: number) => ({
  ...inNamespace(ref, namespace),
  policy_id: policy,
});

/** The namespace's policy (SWR lists them per instance, filtered by namespace id), or null. */
export async function namespacePolicy(ref: InstanceRef, namespaceId: number, signal?: AbortSignal) {
  const { data } = await swrClient(ref.region).request(
    'ListInstanceRetentionPolicies',
    { path: at(ref), query: { namespace_id: namespaceId, offset: 0, limit: 10 } },
    { signal },
  );
  return data.retentions.find((policy) => policy.namespace_id === namespaceId) ?? null;
}

export const savePolicyCall = (
  ref: InstanceRef,
  namespace: string,
  id: number | undefined,
  body: RetentionPolicyBody,
) =>
  id === undefined
    ? swrCall('CreateInstanceRetentionPolicy', { path: inNamespace(ref, namespace), body })
    : swrCall('UpdateInstanceRetentionPolicy', { path: ofPolicy(ref, namespace, id), body });

export const deletePolicyCall = (ref: InstanceRef, namespace: string, id: number) =>
  swrCall('DeleteInstanceRetentionPolicy', { path: ofPolicy(ref, namespace, id) });

export const runPolicyCall = (ref: InstanceRef, namespace: string, id: number, dryRun: boolean) =>
  swrCall('ExecuteInstanceRetentionPolicy', {
    path: ofPolicy(ref, namespace, id),
    body: { dry_run: dryRun },
  });

export async function savePolicy(
  ref: InstanceRef,
  namespace: string,
  id: number | undefined,
  body: RetentionPolicyBody,
) {
  await send(ref.region, savePolicyCall(ref, namespace, id, body));
}

export const deletePolicy = (ref: InstanceRef, namespace: string, id: number) =>
  sendDeletion(ref.region, deletePolicyCall(ref, namespace, id));

/** Starts a run; answers its id. */
export async function runPolicy(ref: InstanceRef, namespace: string, id: number, dryRun: boolean) {
  return (await send(ref.region, runPolicyCall(ref, namespace, id, dryRun))).data.id;
}

/** The newest runs of the policy, newest first, with how many there are. */
export async function listRuns(
  ref: InstanceRef,
  namespace: string,
  policy: number,
  limit: number,
  signal?: AbortSignal,
) {
  const { data } = await swrClient(ref.region).request(
    'ListInstanceRetentionPolicyExecutions',
    { path: ofPolicy(ref, namespace, policy), query: { offset: 0, limit } },
    { signal },
  );
  return { runs: data.executions, total: data.total };
}

/** Every repository of a run (one task each). */
export async function listRunTasks(
  ref: InstanceRef,
  namespace: string,
  policy: number,
  run: number,
  signal?: AbortSignal,
) {
  const path = { ...ofPolicy(ref, namespace, policy), execution_id: run };
  const tasks = [];
  for (let offset = 0; ; offset += PAGE) {
    const { data } = await swrClient(ref.region).request(
      'ListInstanceRetentionPolicyExecTasks',
      { path, query: { offset, limit: PAGE } },
      { signal },
    );
    tasks.push(...data.tasks);
    if (data.tasks.length === 0 || tasks.length >= data.total) return tasks;
  }
}

/** One page of the tags a task deleted (or, in a dry run, would delete). */
export async function listRunTags(
  ref: InstanceRef,
  namespace: string,
  where: { policy: number; run: number; task: number },
  page: { offset: number; limit: number },
  signal?: AbortSignal,
) {
  const { data } = await swrClient(ref.region).request(
    'ListInstanceRetentionPolicyExecSubTasks',
    {
      path: {
        ...ofPolicy(ref, namespace, where.policy),
        execution_id: where.run,
        task_id: where.task,
      },
      query: page,
    },
    { signal },
  );
  return { tags: data.sub_tasks, total: data.total };
}

/**
 * Every tag of the namespace as the evaluator takes it (signatures left out, as the server does):
 * the repositories' counts say how many pages each has, and the pages are read a few at a time.
 * A tag met twice (a push between two pages moves it) is kept once.
 */
export async function namespaceRetentionTags(
  ref: InstanceRef,
  namespace: string,
  signal?: AbortSignal,
): Promise<EnterpriseRetentionTag[]> {
  const repositories = await listRepositories(ref, namespace, signal);
  const counted = new Map(
    repositories.map((r) => [r.name, Math.max(1, Math.ceil(r.tag_count / PAGE))]),
  );
  const pages = [...counted].flatMap(([repository, count]) =>
    Array.from({ length: count }, (_, i) => ({ repository, offset: i * PAGE })),
  );
  const readPage = async ({ repository, offset }: { repository: string; offset: number }) => {
    const lastCounted = (counted.get(repository)! - 1) * PAGE;
    const tags = [];
    // The last counted page reads on while pages are full: pushes may have come after the count.
    for (let at = offset; ; at += PAGE) {
      const { data } = await swrClient(ref.region).request(
        'ListInstanceTags',
        {
          path: {
            instance_id: ref.instance,
            namespace_name: namespace,
            repository_name: repository,
          },
          query: { offset: at, limit: PAGE, is_accessory: 'false' },
        },
        { signal },
      );
      tags.push(...data.tags);
      if (at < lastCounted || data.tags.length < PAGE)
        return tags.map((tag) => ({ repository, tag }));
    }
  };
  const outcomes = await runBatch(pages, readPage, { concurrency: READS_AT_ONCE, signal });
  const seen = new Set<string>();
  const all: EnterpriseRetentionTag[] = [];
  for (const outcome of outcomes) {
    if (outcome.status === 'failed') throw outcome.error;
    if (outcome.status === 'skipped') throw signal?.reason ?? new Error('Stopped.');
    for (const { repository, tag } of outcome.value) {
      const key = `${repository}\n${tag.name}`;
      if (seen.has(key) || signedDigestOf(tag.name) !== undefined) continue;
      seen.add(key);
      all.push({
        repository,
        tag: tag.name,
        digest: tag.digest,
        pushed: tag.push_time,
        pulled: tag.pull_time || undefined,
        size: tag.size,
      });
    }
  }
  return all;
}
