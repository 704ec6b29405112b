import { compileGlob, globProblem, type Glob } from './glob.js';

/**
 * The retention policy of an SWR Enterprise (Harbor-like) namespace: which tags it deletes and why.
 * The sandbox deletes what this says and the console shows it as a what-if, so both agree on what a
 * rule means. Free of any schema library.
 *
 * A rule's parameter sits under its template's name (`{"latestPushedK": 10}`), a whole number: a
 * count of tags (1 to 1000) for `latestPushedK` and `latestPulledN`, days (1 to 3650) for
 * `nDaysSinceLastPush` and `nDaysSinceLastPull`. A rule scopes a repository (its name inside the
 * namespace, e.g. `team/app`) that its one repository glob matches (`repoMatches`) or does not
 * (`repoExcludes`), and selects a tag that its one tag glob matches (`matches`) or does not
 * (`excludes`). Globs are doublestar globs (glob.ts); `extras` is not read.
 *
 * Among the tags a rule selects in one repository, it retains:
 * - `latestPushedK`: the K most recently pushed;
 * - `latestPulledN`: the N most recently pulled; never-pulled tags rank after every pulled one (among
 *   themselves, most recently pushed first), so they are retained only when there is room;
 * - `nDaysSinceLastPush`: those pushed at or after `now` − N×24h (a tag exactly N days old stays);
 * - `nDaysSinceLastPull`: likewise by the last pull; a never-pulled tag is not retained.
 * Ties in time rank by tag name (code units); ages are whole days rounded down, 0 if after `now`.
 *
 * The algorithm is "or": in a repository at least one enabled rule scopes, a tag is kept when any
 * enabled rule scoping the repository retains it; every other tag there is deleted, tags no rule
 * selects included. Repositories no enabled rule scopes are not candidates: their tags are not
 * listed, and their names come back in `untouched`. Disabled rules count for nothing. An immutable
 * tag that would be deleted is kept, with `immutable` first among its reasons. Whether the policy
 * itself is enabled is the caller's concern.
 *
 * Evaluation throws EnterpriseRetentionError rather than guess when an enabled rule is malformed, a
 * time is unreadable or a tag is listed twice: skipping a rule that would keep tags deletes them.
 */
export const ENTERPRISE_RETENTION_LIMITS = {
  latestPushedK: { min: 1, max: 1000 },
  latestPulledN: { min: 1, max: 1000 },
  nDaysSinceLastPush: { min: 1, max: 3650 },
  nDaysSinceLastPull: { min: 1, max: 3650 },
} as const;
export type EnterpriseRetentionTemplate = keyof typeof ENTERPRISE_RETENTION_LIMITS;
export type CountTemplate = 'latestPushedK' | 'latestPulledN';
export type DaysTemplate = 'nDaysSinceLastPush' | 'nDaysSinceLastPull';
export type PullTemplate = 'latestPulledN' | 'nDaysSinceLastPull';
export const ENTERPRISE_RETENTION_TEMPLATES = Object.keys(
  ENTERPRISE_RETENTION_LIMITS,
) as readonly EnterpriseRetentionTemplate[];

/** A selector as on the wire; `decoration` is matches/excludes or repoMatches/repoExcludes. */
export interface RetentionSelector {
  kind: string;
  decoration: string;
  pattern: string;
  extras?: string | undefined;
}

/** A rule as on the wire: `template` is one of ENTERPRISE_RETENTION_TEMPLATES when valid. */
export interface EnterpriseRetentionRule {
  disabled?: boolean | undefined;
  template: string;
  params: Record<string, unknown>;
  tag_selectors: readonly RetentionSelector[];
  scope_selectors: Record<string, readonly RetentionSelector[]>;
}

/** A tag of the namespace. Times are ISO; `pulled` is absent for a tag never pulled. */
export interface EnterpriseRetentionTag {
  repository: string;
  tag: string;
  digest: string;
  pushed: string;
  pulled?: string | undefined;
  size?: number | undefined;
}

/** A count rule's verdict on a tag: its rank among the tags the rule selects, and the count. */
export type CountVerdict = { rule: number; template: CountTemplate; rank: number; limit: number };

/** A days rule's verdict: the tag's age in whole days, the days, and the ISO time kept from. */
export interface DaysVerdict {
  rule: number;
  template: DaysTemplate;
  ageDays: number;
  limit: number;
  since: string;
}

/**
 * Why a tag stays or goes; `rule` is the rule's index in the list given, disabled rules counted.
 * A never-pulled tag has a `rank` under latestPulledN, where the tags before it filled the count.
 */
export type RetentionReason =
  | ({ kind: 'retained' } & (CountVerdict | DaysVerdict))
  | { kind: 'immutable' }
  | { kind: 'not-selected'; rule: number; decoration: string; pattern: string }
  | ({ kind: 'beyond-count' } & CountVerdict)
  | ({ kind: 'too-old' } & DaysVerdict)
  | { kind: 'never-pulled'; rule: number; template: PullTemplate; limit: number; rank?: number };

export interface EnterpriseRetentionEntry extends EnterpriseRetentionTag {
  action: 'keep' | 'delete';
  /** Kept: each rule retaining it, or `immutable` then why not; deleted: each scoping rule's why. */
  reasons: RetentionReason[];
}

export interface EnterpriseRetentionResult {
  /** Every tag of a scoped repository, by repository, then most recently pushed, then name. */
  entries: EnterpriseRetentionEntry[];
  /** Repositories no enabled rule scopes, sorted: left alone entirely. */
  untouched: string[];
  deleted: EnterpriseRetentionEntry[];
  kept: EnterpriseRetentionEntry[];
}

export interface EnterpriseRetentionOptions {
  now: Date;
  isImmutable?: ((repository: string, tag: string) => boolean) | undefined;
}

export type RetentionProblem = { path: string; message: string };
export type FreedArtifact = { repository: string; digest: string };

export class EnterpriseRetentionError extends Error {
  constructor(readonly problems: RetentionProblem[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.message}`).join(' '));
    this.name = 'EnterpriseRetentionError';
  }
}

const DAY_MS = 86_400_000;
const DECORATIONS = { tag: ['matches', 'excludes'], repository: ['repoMatches', 'repoExcludes'] };

export function isEnterpriseRetentionTemplate(
  template: unknown,
): template is EnterpriseRetentionTemplate {
  return ENTERPRISE_RETENTION_TEMPLATES.includes(template as EnterpriseRetentionTemplate);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(' or ');
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What is wrong with a rule, one problem per wrong field; paths are dotted (`params.latestPushedK`). */
export function retentionRuleProblems(rule: EnterpriseRetentionRule): RetentionProblem[] {
  const problems: RetentionProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const { template } = rule;
  if (!isEnterpriseRetentionTemplate(template)) {
    const choices = ENTERPRISE_RETENTION_TEMPLATES.join(', ');
    add('template', `Unknown template "${String(template)}": choose ${choices}.`);
  } else if (!isRecord(rule.params)) {
    add('params', `Give the parameters as an object, e.g. {"${template}": 10}.`);
  } else {
    const message = paramProblem(template, rule.params[template]);
    if (message) add(`params.${template}`, message);
    for (const key of Object.keys(rule.params))
      if (key !== template) add(`params.${key}`, `The ${template} template takes no "${key}".`);
  }

  selectorProblems('tag_selectors', rule.tag_selectors, 'tag', add);
  const scopes: Record<string, unknown> = { ...rule.scope_selectors };
  for (const key of Object.keys(scopes))
    if (key !== 'repository') add(`scope_selectors.${key}`, 'The only scope is "repository".');
  selectorProblems('scope_selectors.repository', scopes.repository, 'repository', add);
  return problems;
}

function paramProblem(template: EnterpriseRetentionTemplate, value: unknown): string | undefined {
  const { min, max } = ENTERPRISE_RETENTION_LIMITS[template];
  const counts = template === 'latestPushedK' || template === 'latestPulledN';
  const [what, verb, unit] = counts ? ['tags to keep', 'Keep', 'tag'] : ['days', 'Give', 'day'];
  if (value === undefined || value === null) return `Give the number of ${what}.`;
  if (typeof value !== 'number' || !Number.isInteger(value))
    return `The number of ${what} is a whole number.`;
  if (value < min) return `${verb} at least ${min} ${unit}${min === 1 ? '' : 's'}.`;
  if (value > max) return `${verb} at most ${max} ${unit}s.`;
  return undefined;
}

function selectorProblems(
  path: string,
  selectors: unknown,
  what: keyof typeof DECORATIONS,
  add: (path: string, message: string) => void,
): void {
  if (!Array.isArray(selectors) || selectors.length !== 1) {
    add(path, `Give exactly one ${what} selector.`);
    return;
  }
  const selector: Record<string, unknown> = isRecord(selectors[0]) ? selectors[0] : {};
  if (selector.kind !== 'doublestar')
    add(`${path}.0.kind`, `A ${what} selector is a "doublestar" glob.`);
  const decorations = DECORATIONS[what];
  if (typeof selector.decoration !== 'string' || !decorations.includes(selector.decoration))
    add(`${path}.0.decoration`, `A ${what} selector's decoration is ${quoted(decorations)}.`);
  const problem =
    typeof selector.pattern === 'string' ? globProblem(selector.pattern) : 'Give a pattern.';
  if (problem) add(`${path}.0.pattern`, problem);
}

type CompiledSelector = { decoration: string; pattern: string; excludes: boolean; glob: Glob };

interface CompiledRule {
  index: number;
  template: EnterpriseRetentionTemplate;
  limit: number;
  repository: CompiledSelector;
  tag: CompiledSelector;
  /** A days rule keeps times at or after `from` (ms), `since` as ISO. */
  from: number;
  since: string;
}

type TimedTag = { source: EnterpriseRetentionTag; pushed: number; pulled: number | undefined };

/** What the enabled rules do to the namespace's tags at `now`; pass every tag of the namespace. */
export function evaluateEnterpriseRetention(
  rules: readonly EnterpriseRetentionRule[],
  tags: readonly EnterpriseRetentionTag[],
  options: EnterpriseRetentionOptions,
): EnterpriseRetentionResult {
  const now = options.now.getTime();
  if (Number.isNaN(now))
    throw new EnterpriseRetentionError([{ path: 'now', message: 'Not a time.' }]);
  const compiled = compileRules(rules, now);
  const entries: EnterpriseRetentionEntry[] = [];
  const untouched: string[] = [];

  const groups = groupByRepository(tags);
  for (const repository of [...groups.keys()].sort(byCodeUnits)) {
    const scoping = compiled.filter(
      (rule) => rule.repository.glob.test(repository) !== rule.repository.excludes,
    );
    if (scoping.length === 0) {
      untouched.push(repository);
      continue;
    }
    const group = groups
      .get(repository)!
      .sort((a, b) => b.pushed - a.pushed || byCodeUnits(a.source.tag, b.source.tag));
    const matches = new Map<string, Uint8Array>();
    const ranks = scoping.map((rule) => rankSelected(rule, group, matches));
    group.forEach((timed, i) => {
      const { tag, digest, pushed, pulled, size } = timed.source;
      const judge = (k: number) => verdict(scoping[k]!, timed, ranks[k]![i]!, now);
      // Reasons are made only where the result shows them: a kept tag's retaining rules alone.
      const reasons: RetentionReason[] = [];
      for (let k = 0; k < scoping.length; k++)
        if (retains(scoping[k]!, timed, ranks[k]![i]!)) reasons.push(judge(k));
      const kept = reasons.length > 0;
      const immutable = !kept && (options.isImmutable?.(repository, tag) ?? false);
      if (immutable) reasons.push({ kind: 'immutable' });
      if (!kept) for (let k = 0; k < scoping.length; k++) reasons.push(judge(k));
      const action = kept || immutable ? 'keep' : 'delete';
      entries.push({ repository, tag, digest, pushed, pulled, size, action, reasons });
    });
  }

  return {
    entries,
    untouched,
    deleted: entries.filter((entry) => entry.action === 'delete'),
    kept: entries.filter((entry) => entry.action === 'keep'),
  };
}

function compileRules(rules: readonly EnterpriseRetentionRule[], now: number): CompiledRule[] {
  const problems: RetentionProblem[] = [];
  const compiled: CompiledRule[] = [];
  const compileSelector = ({ decoration, pattern }: RetentionSelector, excludes: string) => ({
    decoration,
    pattern,
    excludes: decoration === excludes,
    glob: compileGlob(pattern),
  });
  rules.forEach((rule, index) => {
    if (rule.disabled) return;
    const found = retentionRuleProblems(rule);
    for (const { path, message } of found)
      problems.push({ path: `rules.${index}.${path}`, message });
    if (found.length > 0) return;
    const template = rule.template as EnterpriseRetentionTemplate;
    const limit = rule.params[template] as number;
    const from = now - limit * DAY_MS;
    compiled.push({
      index,
      template,
      limit,
      repository: compileSelector(rule.scope_selectors.repository![0]!, 'repoExcludes'),
      tag: compileSelector(rule.tag_selectors[0]!, 'excludes'),
      from,
      since: new Date(from).toISOString(),
    });
  });
  if (problems.length > 0) throw new EnterpriseRetentionError(problems);
  return compiled;
}

function groupByRepository(tags: readonly EnterpriseRetentionTag[]): Map<string, TimedTag[]> {
  const problems: RetentionProblem[] = [];
  const groups = new Map<string, TimedTag[]>();
  const seen = new Set<string>();
  tags.forEach((source, index) => {
    const problem = (field: string, message: string) =>
      problems.push({ path: `tags.${index}.${field}`, message });
    const pushed = Date.parse(source.pushed);
    const pulled = source.pulled == null ? undefined : Date.parse(source.pulled);
    if (Number.isNaN(pushed)) problem('pushed', 'Not a time.');
    if (Number.isNaN(pulled)) problem('pulled', 'Not a time.');
    const key = JSON.stringify([source.repository, source.tag]);
    if (seen.has(key)) problem('tag', `"${source.repository}:${source.tag}" is listed twice.`);
    seen.add(key);
    const group = groups.get(source.repository) ?? [];
    groups.set(source.repository, group);
    group.push({ source, pushed, pulled });
  });
  if (problems.length > 0) throw new EnterpriseRetentionError(problems);
  return groups;
}

/**
 * Each tag's rank among those the rule selects in one repository (1 first), 0 when not selected.
 * The group comes most recently pushed first, ties by name: the order latestPushedK ranks in.
 * Which tags a pattern matches is worked out once per group (`matches`): rules often share one.
 */
function rankSelected(
  rule: CompiledRule,
  group: readonly TimedTag[],
  matches: Map<string, Uint8Array>,
): Int32Array {
  const { glob, pattern, excludes } = rule.tag;
  const matched = matches.get(pattern) ?? Uint8Array.from(group, (t) => +glob.test(t.source.tag));
  matches.set(pattern, matched);
  const selected: number[] = [];
  matched.forEach((match, i) => {
    if ((match === 1) !== excludes) selected.push(i);
  });
  // Never-pulled tags go last, keeping the group's order among themselves.
  if (rule.template === 'latestPulledN')
    selected.sort((i, j) => {
      const a = group[i]!.pulled;
      const b = group[j]!.pulled;
      if (a === b)
        return a === undefined ? i - j : byCodeUnits(group[i]!.source.tag, group[j]!.source.tag);
      return a === undefined ? 1 : b === undefined ? -1 : b - a;
    });
  const ranks = new Int32Array(group.length);
  selected.forEach((i, position) => (ranks[i] = position + 1));
  return ranks;
}

const isCount = (template: EnterpriseRetentionTemplate): template is CountTemplate =>
  template === 'latestPushedK' || template === 'latestPulledN';
const daysTime = (template: DaysTemplate, tag: TimedTag) =>
  template === 'nDaysSinceLastPush' ? tag.pushed : tag.pulled;

function retains({ template, limit, from }: CompiledRule, tag: TimedTag, rank: number): boolean {
  if (rank === 0) return false;
  if (isCount(template)) return rank <= limit;
  return (daysTime(template, tag) ?? -Infinity) >= from;
}

/** The rule's verdict on a tag, `rank` from rankSelected: retained, or why not. */
function verdict(rule: CompiledRule, tag: TimedTag, rank: number, now: number): RetentionReason {
  const { index, template, limit } = rule;
  if (rank === 0) {
    const { decoration, pattern } = rule.tag;
    return { kind: 'not-selected', rule: index, decoration, pattern };
  }
  if (isCount(template)) {
    if (rank <= limit) return { kind: 'retained', rule: index, template, rank, limit };
    if (template === 'latestPulledN' && tag.pulled === undefined)
      return { kind: 'never-pulled', rule: index, template, limit, rank };
    return { kind: 'beyond-count', rule: index, template, rank, limit };
  }
  const time = daysTime(template, tag);
  if (time === undefined)
    return { kind: 'never-pulled', rule: index, template: 'nDaysSinceLastPull', limit };
  const ageDays = Math.max(0, Math.floor((now - time) / DAY_MS));
  const kind = time >= rule.from ? 'retained' : 'too-old';
  return { kind, rule: index, template, ageDays, limit, since: rule.since };
}

/**
 * The artifacts the result frees: each repository's digests whose every tag is deleted (an artifact
 * goes with its last tag), in the order of the entries. A digest is per repository: the same digest
 * in two repositories is two artifacts.
 */
export function digestsFreed(result: Pick<EnterpriseRetentionResult, 'entries'>): FreedArtifact[] {
  const kept = new Set<string>();
  const deleted = new Map<string, FreedArtifact>();
  for (const { repository, digest, action } of result.entries) {
    const key = `${repository}@${digest}`;
    if (action === 'keep') kept.add(key);
    else if (!deleted.has(key)) deleted.set(key, { repository, digest });
  }
  return [...deleted].filter(([key]) => !kept.has(key)).map(([, artifact]) => artifact);
}
