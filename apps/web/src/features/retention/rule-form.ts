import { regexProblem, TAG_PATTERN, type RetentionRule } from '@swr-console/swr-api';
import { fieldsOf, itemsOf, parseJson, stringOf } from '../../shared/json';

/** The editor's values: what the form holds, before it is a rule SWR accepts. */
export interface RuleValues {
  /** Keep the `count` newest tags, or the tags updated in the last `count` days. */
  kind: 'newest' | 'days';
  count: number | null;
  /** Tags never deleted, by exact name. */
  exemptTags: string[];
  /** Tags never deleted, by regular expression. */
  exemptPatterns: string[];
}

export const LIMITS = { newest: { min: 1, max: 1000 }, days: { min: 1, max: 365 } } as const;
/** SWR takes at most this many exemptions per rule. */
export const MAX_EXEMPTIONS = 50;

export const EMPTY_RULE: RuleValues = {
  kind: 'newest',
  count: 10,
  exemptTags: [],
  exemptPatterns: [],
};

export type CountProblem = 'required' | 'whole' | 'range';
export type ExemptionProblem =
  | { kind: 'tag'; tag: string }
  | { kind: 'pattern'; pattern: string; detail: string }
  | { kind: 'tooMany' };

export interface RuleProblems {
  count?: CountProblem;
  exemptions: ExemptionProblem[];
}

export function ruleProblems(values: RuleValues): RuleProblems {
  const problems: RuleProblems = { exemptions: [] };
  const { min, max } = LIMITS[values.kind];
  if (values.count === null) problems.count = 'required';
  else if (!Number.isInteger(values.count)) problems.count = 'whole';
  else if (values.count < min || values.count > max) problems.count = 'range';
  for (const tag of values.exemptTags)
    if (!TAG_PATTERN.test(tag)) problems.exemptions.push({ kind: 'tag', tag });
  for (const pattern of values.exemptPatterns) {
    const detail = regexProblem(pattern);
    if (detail) problems.exemptions.push({ kind: 'pattern', pattern, detail });
  }
  if (values.exemptTags.length + values.exemptPatterns.length > MAX_EXEMPTIONS)
    problems.exemptions.push({ kind: 'tooMany' });
  return problems;
}

/** The rule SWR will store, or undefined while the values have a problem. */
export function toRule(values: RuleValues): RetentionRule | undefined {
  const problems = ruleProblems(values);
  if (problems.count || problems.exemptions.length > 0) return undefined;
  const count = String(values.count);
  const tag_selectors = [
    ...values.exemptTags.map((pattern) => ({ kind: 'label' as const, pattern })),
    ...values.exemptPatterns.map((pattern) => ({ kind: 'regexp' as const, pattern })),
  ];
  return values.kind === 'newest'
    ? { template: 'tag_rule', params: { num: count }, tag_selectors }
    : { template: 'date_rule', params: { days: count }, tag_selectors };
}

/** Values for the editor from a rule SWR returned (loosely typed: it may hold what we never wrote). */
/** A rule as SWR records it (the fields the editor reads). */
export interface RecordedRule {
  template: string;
  params: Record<string, string>;
  tag_selectors: { kind: string; pattern: string }[];
}

/** A recorded rule read from SWR's JSON text; undefined when it is not one. */
export function recordedRule(text: string): RecordedRule | undefined {
  const rule = fieldsOf(parseJson(text));
  const template = stringOf(rule?.template);
  const params = fieldsOf(rule?.params);
  if (!template || !params) return undefined;
  const selectors = itemsOf(rule?.tag_selectors).map((item) => {
    const selector = fieldsOf(item);
    return { kind: stringOf(selector?.kind) ?? '', pattern: stringOf(selector?.pattern) ?? '' };
  });
  return {
    template,
    params: Object.fromEntries(
      Object.entries(params).map(([key, value]) => [key, stringOf(value) ?? String(value)]),
    ),
    tag_selectors: selectors,
  };
}

export function fromRule(rule: RecordedRule): RuleValues {
  const kind = rule.template === 'date_rule' ? 'days' : 'newest';
  const count = Number(kind === 'days' ? rule.params.days : rule.params.num);
  return {
    kind,
    count: Number.isFinite(count) ? count : null,
    exemptTags: rule.tag_selectors.filter((s) => s.kind === 'label').map((s) => s.pattern),
    exemptPatterns: rule.tag_selectors.filter((s) => s.kind === 'regexp').map((s) => s.pattern),
  };
}

/** Whether two values describe the same rule (exemptions compared as sets). */
export function sameRule(a: RuleValues, b: RuleValues): boolean {
  const same = (x: string[], y: string[]) =>
    x.length === y.length && [...x].sort().join('\n') === [...y].sort().join('\n');
  return (
    a.kind === b.kind &&
    a.count === b.count &&
    same(a.exemptTags, b.exemptTags) &&
    same(a.exemptPatterns, b.exemptPatterns)
  );
}
