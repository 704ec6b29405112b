import { compileGlob, signedDigestOf, type ReplicationPolicyBody } from '@swr-console/swr-api';
import type { Db } from '../db/database.js';
import { issueTemporaryLogin } from '../registry/access.js';
import { ownRegistry, RemoteRegistry } from '../replication/remote-registry.js';
import type { Services } from '../services.js';
import type { InstanceRow } from './records.js';
import { definitionOf as registryDefinition, findRegistry, remoteOf } from './registries.js';

/**
 * What a replication run copies, decided before it copies anything: the repositories and tags the
 * policy's filters select at the source, where each lands at the destination, and the two
 * registries of the run.
 */

/** Where an image lands: the destination namespace replaces the first component, if given. */
export function destinationOf(source: string, namespace: string | undefined): string | undefined {
  if (!namespace) return source.includes('/') ? source : undefined;
  const rest = source.includes('/') ? source.slice(source.indexOf('/') + 1) : source;
  return `${namespace}/${rest}`;
}

/** Whether the policy's filters take a repository, and a tag of it (signatures never), each glob compiled once. */
export function selectorOf(policy: ReplicationPolicyBody) {
  const glob = (type: 'name' | 'tag') => {
    const filter = policy.filters.find((one) => one.type === type);
    return filter ? compileGlob(filter.value) : undefined;
  };
  const name = glob('name');
  const tag = glob('tag');
  const repository = (value: string) => !name || name.test(value);
  const ofTag = (value: string) => signedDigestOf(value) === undefined && (!tag || tag.test(value));
  return {
    repository,
    tag: ofTag,
    takes: (image: string, value: string) => repository(image) && ofTag(value),
  };
}

/** The most tags one run copies: its plan is stored, and listed, whole. */
export const MAX_PLANNED_TAGS = 100_000;

export interface Side {
  registry: RemoteRegistry;
  label: string;
}

/** The two registries of a run: this instance's (direct or through its front) and the target. */
export function sidesOf(
  services: Services,
  instance: InstanceRow,
  policy: ReplicationPolicyBody,
  operatorId: string,
) {
  const target = findRegistry(
    services.db,
    instance.id,
    (policy.dest_registry ?? policy.src_registry)!.id,
  );
  if (!target) throw new Error('The policy’s registry no longer exists');
  const remote: Side = { registry: remoteOf(registryDefinition(target)), label: target.name };
  const runtime = services.instances.get(instance.id);
  if (!runtime) throw new Error('The instance registry is starting');
  if (policy.dest_registry)
    return {
      target,
      from: { registry: ownRegistry(runtime.registry.url), label: 'this instance' },
      to: remote,
    };
  const login = issueTemporaryLogin(
    services.db,
    operatorId,
    instance.region,
    new Date(services.clock().getTime() + 6 * 3_600_000),
  );
  const front = new RemoteRegistry({
    url: `http://${runtime.host}`,
    username: login.username,
    password: login.password,
  });
  return { target, from: remote, to: { registry: front, label: 'this instance' } };
}

/** Lists what the run copies: repositories and tags the filters select at the source. */
export async function planOf(
  services: Services,
  instance: InstanceRow,
  policy: ReplicationPolicyBody,
  from: Side,
  onlyTag: string | null,
  signal: AbortSignal,
): Promise<Map<string, string[]>> {
  const plan = new Map<string, string[]>();
  const selector = selectorOf(policy);
  if (onlyTag) {
    const [repository, tag] = [
      onlyTag.slice(0, onlyTag.lastIndexOf(':')),
      onlyTag.slice(onlyTag.lastIndexOf(':') + 1),
    ];
    if (selector.takes(repository, tag)) plan.set(repository, [tag]);
    return plan;
  }
  const repositories = policy.dest_registry
    ? (services.db
        .prepare(
          `SELECT n.name || '/' || r.name FROM ent_repositories r JOIN ent_namespaces n ON n.id = r.namespace_id
           WHERE n.instance_id = ? ORDER BY 1`,
        )
        .pluck()
        .all(instance.id) as string[])
    : (await from.registry.catalog({ signal })).sort();
  let planned = 0;
  for (const repository of repositories) {
    if (!selector.repository(repository)) continue;
    const tags = (await from.registry.listTags(repository, { signal })).filter(selector.tag).sort();
    planned += tags.length;
    if (planned > MAX_PLANNED_TAGS)
      throw new Error(
        `The policy selects more than ${MAX_PLANNED_TAGS} tags at ${from.registry.url}; narrow its filters.`,
      );
    if (tags.length > 0) plan.set(repository, tags);
  }
  return plan;
}

export function storePlan(
  db: Db,
  executionId: number,
  plan: Map<string, string[]>,
  policy: ReplicationPolicyBody,
  where: { targetUrl: string; at: string; missing: (namespace: string) => boolean },
): void {
  const { at } = where;
  const host = new URL(where.targetUrl).host;
  db.transaction(() => {
    for (const [repository, tags] of plan) {
      const destination = destinationOf(repository, policy.dest_namespace);
      const namespace = destination?.slice(0, destination.indexOf('/'));
      const problem = !destination
        ? 'Give a destination namespace: the source repository has none.'
        : where.missing(namespace!)
          ? `Namespace "${namespace}" does not exist in this instance; create it first.`
          : '';
      const taskId = Number(
        db
          .prepare(
            `INSERT INTO ent_replication_tasks (execution_id, src_resource, dst_resource, status, start_time)
             VALUES (?, ?, ?, 'Pending', ?)`,
          )
          .run(executionId, repository, `${host}/${destination ?? repository}`, at).lastInsertRowid,
      );
      const slash = repository.indexOf('/');
      const insert = db.prepare(
        `INSERT INTO ent_replication_subtasks (task_id, namespace, repository, tag, status, status_text)
         VALUES (?, ?, ?, ?, ?, ?)`,
      );
      for (const tag of tags)
        insert.run(
          taskId,
          slash < 0 ? '' : repository.slice(0, slash),
          slash < 0 ? repository : repository.slice(slash + 1),
          tag,
          problem ? 'Failed' : 'Pending',
          problem,
        );
    }
  })();
}
