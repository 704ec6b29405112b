import {
  compileGlob,
  globProblem,
  signedDigestOf,
  type ReplicationSubtask,
  type ReplicationTask,
} from '@swr-console/swr-api';

/**
 * What a run of a policy would copy, worked out in the browser the way swr-local plans a run
 * (`apps/swr-local/src/enterprise/replication-plan.ts`): the repositories and tags the filters
 * select, where each lands, and what the policy's last run found at the target for each tag. SWR
 * has no call that reads the target registry, so that last part is only as fresh as that run.
 */

/** One tag of the instance: `repository` is the whole path, `namespace/repository`. */
export interface SourceTag {
  repository: string;
  tag: string;
  digest: string;
}

/**
 * Where a repository lands: the destination namespace replaces the first component of its path;
 * without one the path stays. A path of one component has no namespace to keep: undefined.
 */
export function destinationOf(source: string, namespace: string): string | undefined {
  const slash = source.indexOf('/');
  if (!namespace) return slash < 0 ? undefined : source;
  return `${namespace}/${slash < 0 ? source : source.slice(slash + 1)}`;
}

export interface Filters {
  nameFilter: string;
  tagFilter: string;
}

/** Whether the filters can be matched at all (each empty, or a pattern that compiles). */
export const filtersValid = (filters: Filters) =>
  [filters.nameFilter, filters.tagFilter].every(
    (pattern) => pattern.trim() === '' || globProblem(pattern.trim()) === undefined,
  );

/** A test of the name filter (every repository when it is empty); throws on a bad pattern. */
export function repositoryTest(filters: Filters): (repository: string) => boolean {
  const pattern = filters.nameFilter.trim();
  if (pattern === '') return () => true;
  const glob = compileGlob(pattern);
  return (repository) => glob.test(repository);
}

/**
 * The tags a run takes, in the order it copies them (by repository, then tag): the filters match,
 * cosign signature tags (`sha256-….sig`) never. Each with where it lands.
 */
export function selectTags(
  filters: Filters,
  destNamespace: string,
  tags: readonly SourceTag[],
): (SourceTag & { destination: string | undefined })[] {
  const repositoryMatches = repositoryTest(filters);
  const tagPattern = filters.tagFilter.trim();
  const tagGlob = tagPattern === '' ? undefined : compileGlob(tagPattern);
  return tags
    .filter(
      (row) =>
        signedDigestOf(row.tag) === undefined &&
        repositoryMatches(row.repository) &&
        (tagGlob?.test(row.tag) ?? true),
    )
    .map((row) => ({ ...row, destination: destinationOf(row.repository, destNamespace.trim()) }))
    .sort((a, b) =>
      a.repository === b.repository
        ? a.tag < b.tag
          ? -1
          : 1
        : a.repository < b.repository
          ? -1
          : 1,
    );
}

/** What a run found at the target for one tag, read from its sub-task. */
export type TargetFact =
  | { kind: 'copied'; digest: string }
  | { kind: 'same'; digest: string }
  | { kind: 'other'; digest: string | undefined }
  | { kind: 'failed'; text: string }
  | { kind: 'stopped'; text: string }
  | { kind: 'running' };

const OTHER_IMAGE = /another image \((sha(?:256|384|512):[a-f0-9]+)\)/;
const SAME_IMAGE = /same digest/i;

/**
 * A sub-task's outcome as a fact about the target. A success with no words copied the tag; swr-local
 * words the two successes that copied nothing ("Already at the target with the same digest", "The
 * target has this tag with another image (sha256:…); override is off: left alone").
 */
export function targetFactOf(
  subtask: Pick<ReplicationSubtask, 'status' | 'status_text' | 'digest'>,
): TargetFact {
  const text = subtask.status_text;
  switch (subtask.status) {
    case 'Succeed': {
      const other = OTHER_IMAGE.exec(text);
      if (other || /another image/i.test(text)) return { kind: 'other', digest: other?.[1] };
      if (SAME_IMAGE.test(text)) return { kind: 'same', digest: subtask.digest };
      return { kind: 'copied', digest: subtask.digest };
    }
    case 'Failed':
      return { kind: 'failed', text };
    case 'Stopped':
      return { kind: 'stopped', text };
    default:
      return { kind: 'running' };
  }
}

export interface LastRunTag {
  fact: TargetFact;
  /** Where that run wrote the tag (`host/path`, as the task says). */
  destination: string;
}

/** A run's tasks with their sub-tasks, as read for the preview. */
export type RunResults = { task: ReplicationTask; subtasks: ReplicationSubtask[] }[];

/** The last run's facts by `repository:tag` of the source. */
export function lastRunByTag(results: RunResults): Map<string, LastRunTag> {
  const byTag = new Map<string, LastRunTag>();
  for (const { task, subtasks } of results)
    for (const subtask of subtasks)
      byTag.set(`${task.src_resource}:${subtask.tag}`, {
        fact: targetFactOf(subtask),
        destination: task.dst_resource,
      });
  return byTag;
}

/**
 * What a run would do with a tag, as far as the last run tells: `unknown` (the last run did not
 * take it, or wrote it elsewhere), `there` (the target had this very image), `replace` (another
 * image is there and override is on), `kept` (another image is there and override is off), or
 * `retry` (the last run failed or stopped on it).
 */
export type Outlook = 'unknown' | 'there' | 'replace' | 'kept' | 'retry';

export function outlookOf(
  digest: string,
  destination: string,
  last: LastRunTag | undefined,
  override: boolean,
): Outlook {
  if (!last || last.destination !== destination) return 'unknown';
  const { fact } = last;
  if (fact.kind === 'failed' || fact.kind === 'stopped') return 'retry';
  if (fact.kind === 'running') return 'unknown';
  const atTarget = fact.digest;
  if (atTarget === digest) return 'there';
  return override ? 'replace' : 'kept';
}

/** `host/path` of a registry address and a path, as tasks name their destination. */
export function targetPath(registryUrl: string, path: string): string {
  try {
    return `${new URL(registryUrl).host}/${path}`;
  } catch {
    return path;
  }
}
