import {
  cronProblem,
  globProblem,
  POLICY_NAME_PATTERN,
  type Registry,
  type RegistryBody,
  type ReplicationPolicy,
  type ReplicationPolicyBody,
  MASKED_SECRET,
} from '@swr-console/swr-api';

/**
 * The replication forms (a registry, a policy) and what they become: SWR's bodies, and the problem
 * of each field, as codes the dialogs put into words. The contract's schemas say the same, but
 * they carry zod, which the browser does not load; the tests hold the two together.
 */

export const REGISTRY_TYPES = ['swr-pro', 'huawei-SWR', 'swr-pro-internal'] as const;
export type RegistryType = (typeof REGISTRY_TYPES)[number];

export interface RegistryForm {
  name: string;
  description: string;
  type: RegistryType;
  url: string;
  username: string;
  /** On an edit, empty keeps the stored secret (sent as `*****`). */
  secret: string;
  insecure: boolean;
  /** An Enterprise instance target (`swr-pro-internal`) is named by these three. */
  regionId: string;
  projectId: string;
  instanceId: string;
}

export const emptyRegistry = (): RegistryForm => ({
  name: '',
  description: '',
  type: 'swr-pro',
  url: '',
  username: '',
  secret: '',
  insecure: false,
  regionId: '',
  projectId: '',
  instanceId: '',
});

const isRegistryType = (type: string): type is RegistryType =>
  (REGISTRY_TYPES as readonly string[]).includes(type);

/** The form of a registry being edited: its secret is never known, so the field starts empty. */
export function fromRegistry(registry: Registry): RegistryForm {
  return {
    name: registry.name,
    description: registry.description,
    type: isRegistryType(registry.type) ? registry.type : 'swr-pro',
    url: registry.url,
    username: registry.credential?.access_key ?? '',
    secret: '',
    insecure: registry.insecure,
    regionId: registry.region_id,
    projectId: typeof registry.project_id === 'string' ? registry.project_id : '',
    instanceId: registry.instance_id,
  };
}

/**
 * Whether an edit keeps the stored secret: the registry has one, a user name is still given, and
 * no new secret was typed. Without a user name the registry is reached without a credential.
 */
export const keepsSecret = (form: RegistryForm, editing: Registry | undefined) =>
  editing?.credential !== undefined && form.username !== '' && form.secret === '';

export function toRegistryBody(form: RegistryForm, editing?: Registry): RegistryBody {
  const internal = form.type === 'swr-pro-internal';
  return {
    name: form.name.trim(),
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    type: form.type,
    url: form.url.trim(),
    credential: {
      type: 'basic',
      access_key: form.username,
      access_secret: keepsSecret(form, editing)
        ? MASKED_SECRET
        : form.username === ''
          ? ''
          : form.secret,
    },
    insecure: form.insecure,
    ...(internal
      ? {
          region_id: form.regionId.trim(),
          project_id: form.projectId.trim(),
          instance_id: form.instanceId.trim(),
        }
      : {}),
  };
}

export type NameProblem = 'missing' | 'long' | 'characters' | 'taken';

/** A registry's or a policy's name: letters, digits, Chinese characters, `_` and `-`. */
export function nameProblem(
  name: string,
  max: number,
  taken: ReadonlySet<string>,
): NameProblem | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'missing';
  if (trimmed.length > max) return 'long';
  if (!POLICY_NAME_PATTERN.test(trimmed)) return 'characters';
  return taken.has(trimmed) ? 'taken' : undefined;
}

export type UrlProblem = 'missing' | 'long' | 'invalid' | 'scheme' | 'credentials' | 'query';

/** What is wrong with a registry's address (as the contract's `registryUrl` checks it). */
export function registryUrlProblem(value: string): UrlProblem | undefined {
  const url = value.trim();
  if (url === '') return 'missing';
  if (url.length > 512) return 'long';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'invalid';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'scheme';
  if (parsed.username || parsed.password) return 'credentials';
  if (parsed.search || parsed.hash) return 'query';
  return undefined;
}

const originOf = (url: string) => {
  try {
    return new URL(url.trim()).origin;
  } catch {
    return url;
  }
};

export type RegistryField = 'name' | 'url' | 'username' | 'secret' | 'description' | 'internal';

/** Every problem of the registry form, by field (`internal`: a missing instance part). */
export function registryProblems(
  form: RegistryForm,
  taken: ReadonlySet<string>,
  editing?: Registry,
): Partial<Record<RegistryField, string>> {
  const problems: Partial<Record<RegistryField, string>> = {};
  const name = nameProblem(form.name, 64, taken);
  if (name) problems.name = `name.${name}`;
  const url = registryUrlProblem(form.url);
  if (url) problems.url = `url.${url}`;
  if (form.username.length > 256) problems.username = 'username.long';
  if (form.secret.length > 4096) problems.secret = 'secret.long';
  // The stored secret is only ever sent to the address it was given for.
  else if (keepsSecret(form, editing) && !url && originOf(form.url) !== originOf(editing!.url))
    problems.secret = 'secret.newAddress';
  if (form.description.length > 1024) problems.description = 'description.long';
  if (
    form.type === 'swr-pro-internal' &&
    [form.regionId, form.projectId, form.instanceId].some((part) => part.trim() === '')
  )
    problems.internal = 'internal.missing';
  return problems;
}

export type Direction = 'push' | 'pull';
export type TriggerType = 'manual' | 'scheduled' | 'event_based';

export interface PolicyForm {
  name: string;
  description: string;
  direction: Direction;
  registryId: number | undefined;
  /** Replaces the first component of each repository's path; empty keeps the path. */
  destNamespace: string;
  /** A glob on `namespace/repository`; empty takes every repository. */
  nameFilter: string;
  /** A glob on the tag; empty takes every tag. */
  tagFilter: string;
  trigger: TriggerType;
  /** Six fields, seconds first, UTC. */
  cron: string;
  override: boolean;
  enabled: boolean;
}

export const emptyPolicyForm = (): PolicyForm => ({
  name: '',
  description: '',
  direction: 'push',
  registryId: undefined,
  destNamespace: '',
  nameFilter: '',
  tagFilter: '',
  trigger: 'manual',
  cron: '0 0 2 * * *',
  override: false,
  enabled: true,
});

export function fromPolicy(policy: ReplicationPolicy): PolicyForm {
  const filter = (type: string) => policy.filters.find((f) => f.type === type)?.value ?? '';
  return {
    name: policy.name,
    description: policy.description,
    direction: policy.src_registry ? 'pull' : 'push',
    registryId: (policy.dest_registry ?? policy.src_registry)?.id,
    destNamespace: policy.dest_namespace,
    nameFilter: filter('name'),
    tagFilter: filter('tag'),
    trigger: policy.trigger.type,
    cron: policy.trigger.trigger_settings?.cron ?? emptyPolicyForm().cron,
    override: policy.override,
    enabled: policy.enabled,
  };
}

export function toPolicyBody(form: PolicyForm): ReplicationPolicyBody {
  const registry = { id: form.registryId ?? 0 };
  const filters: ReplicationPolicyBody['filters'] = [];
  if (form.nameFilter.trim()) filters.push({ type: 'name', value: form.nameFilter.trim() });
  if (form.tagFilter.trim()) filters.push({ type: 'tag', value: form.tagFilter.trim() });
  return {
    name: form.name.trim(),
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    ...(form.direction === 'push' ? { dest_registry: registry } : { src_registry: registry }),
    ...(form.destNamespace.trim() ? { dest_namespace: form.destNamespace.trim() } : {}),
    filters,
    repo_scope_mode: 'regular',
    trigger:
      form.trigger === 'scheduled'
        ? { type: 'scheduled', trigger_settings: { cron: form.cron.trim() } }
        : { type: form.trigger },
    override: form.override,
    enabled: form.enabled,
  };
}

const NAMESPACE_PATH = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;

export type PolicyField =
  | 'name'
  | 'description'
  | 'registry'
  | 'destNamespace'
  | 'nameFilter'
  | 'tagFilter'
  | 'trigger'
  | 'cron';

/**
 * Every problem of the policy form, by field: message keys, except the globs' and the schedule's,
 * which are the contract's own words (`text:` before them).
 */
export function policyProblems(
  form: PolicyForm,
  taken: ReadonlySet<string>,
): Partial<Record<PolicyField, string>> {
  const problems: Partial<Record<PolicyField, string>> = {};
  const name = nameProblem(form.name, 256, taken);
  if (name) problems.name = `name.${name}`;
  if (form.description.length > 1024) problems.description = 'description.long';
  if (form.registryId === undefined) problems.registry = 'registry.missing';
  const namespace = form.destNamespace.trim();
  if (namespace.length > 255) problems.destNamespace = 'namespace.long';
  else if (namespace !== '' && !NAMESPACE_PATH.test(namespace))
    problems.destNamespace = 'namespace.characters';
  for (const field of ['nameFilter', 'tagFilter'] as const) {
    const pattern = form[field].trim();
    const problem = pattern === '' ? undefined : globProblem(pattern);
    if (problem) problems[field] = `text:${problem}`;
  }
  if (form.direction === 'pull' && form.trigger === 'event_based')
    problems.trigger = 'trigger.pullOnPush';
  if (form.trigger === 'scheduled') {
    const cron = form.cron.trim();
    const problem = cron === '' ? undefined : cronProblem(cron);
    if (cron === '') problems.cron = 'cron.missing';
    else if (problem) problems.cron = `text:${problem}`;
  }
  return problems;
}
