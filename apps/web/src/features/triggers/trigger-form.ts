import {
  regexProblem,
  TAG_PATTERN,
  type CreateTriggerBody,
  type Trigger,
} from '@swr-console/swr-api';

export interface TriggerValues {
  name: string;
  /** Which pushes fire it: every tag, listed tags, or tags matching a regular expression. */
  type: 'all' | 'tag' | 'regular';
  /** The listed tags (for `tag`) or the expression (for `regular`). */
  condition: string;
  mode: 'cce' | 'cci';
  cluster: string;
  clusterNamespace: string;
  appType: 'deployments' | 'statefulsets';
  application: string;
  container: string;
  enabled: boolean;
}

export const EMPTY_TRIGGER: TriggerValues = {
  name: '',
  type: 'all',
  condition: '',
  mode: 'cce',
  cluster: '',
  clusterNamespace: 'default',
  appType: 'deployments',
  application: '',
  container: '',
  enabled: true,
};

const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const K8S_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export type TriggerField =
  'name' | 'condition' | 'cluster' | 'clusterNamespace' | 'application' | 'container';
export type TriggerProblems = Partial<Record<TriggerField, string>>;

/** Problems by field, as message keys (`triggers.problem.*`), except a regex's own explanation. */
export function triggerProblems(
  values: TriggerValues,
  taken: ReadonlySet<string>,
): TriggerProblems {
  const problems: TriggerProblems = {};
  if (!values.name) problems.name = 'triggers.problem.required';
  else if (!NAME.test(values.name)) problems.name = 'triggers.problem.name';
  else if (taken.has(values.name)) problems.name = 'triggers.problem.taken';
  if (values.type === 'tag') {
    const tags = values.condition.split(';').map((tag) => tag.trim());
    if (!values.condition.trim()) problems.condition = 'triggers.problem.tags';
    else if (!tags.every((tag) => TAG_PATTERN.test(tag)))
      problems.condition = 'triggers.problem.tagList';
  }
  if (values.type === 'regular') {
    if (!values.condition) problems.condition = 'triggers.problem.regex';
    else {
      const problem = regexProblem(values.condition);
      if (problem) problems.condition = problem;
    }
  }
  if (values.mode === 'cce' && !values.cluster.trim())
    problems.cluster = 'triggers.problem.cluster';
  for (const field of ['clusterNamespace', 'application'] as const) {
    const value = values[field];
    if (!value) problems[field] = 'triggers.problem.required';
    else if (value.length > 63 || !K8S_NAME.test(value)) problems[field] = 'triggers.problem.k8s';
  }
  if (values.container && (values.container.length > 63 || !K8S_NAME.test(values.container)))
    problems.container = 'triggers.problem.k8s';
  return problems;
}

/** The body SWR takes for the values (which must have no problems). */
export function toBody(values: TriggerValues): CreateTriggerBody {
  const condition =
    values.type === 'all'
      ? '.*'
      : values.type === 'tag'
        ? values.condition
            .split(';')
            .map((tag) => tag.trim())
            .join(';')
        : values.condition;
  return {
    name: values.name,
    action: 'update',
    app_type: values.appType,
    application: values.application,
    cluster_ns: values.clusterNamespace,
    condition,
    container: values.container,
    enable: values.enabled ? 'true' : 'false',
    trigger_mode: values.mode,
    trigger_type: values.type,
    ...(values.mode === 'cce' ? { cluster_name: values.cluster.trim() } : {}),
  };
}

/** The editor's values for an existing trigger. */
export function fromTrigger(trigger: Trigger): TriggerValues {
  const type =
    (['all', 'tag', 'regular'] as const).find((t) => t === trigger.trigger_type) ?? 'all';
  return {
    name: trigger.name,
    type,
    condition: type === 'all' ? '' : trigger.condition,
    mode: trigger.trigger_mode === 'cci' ? 'cci' : 'cce',
    cluster: trigger.cluster_name || trigger.cluster_id,
    clusterNamespace: trigger.cluster_ns,
    appType: trigger.app_type === 'statefulsets' ? 'statefulsets' : 'deployments',
    application: trigger.application,
    container: trigger.container,
    enabled: trigger.enable === 'true',
  };
}

/** Whether an edit changes more than `enabled`: SWR can then only delete and create again. */
export function needsRecreate(before: TriggerValues, after: TriggerValues): boolean {
  return (
    JSON.stringify({ ...before, enabled: true }) !== JSON.stringify({ ...after, enabled: true })
  );
}
