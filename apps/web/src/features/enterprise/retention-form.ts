import {
  ENTERPRISE_RETENTION_LIMITS,
  isEnterpriseRetentionTemplate,
  POLICY_NAME_PATTERN,
  retentionRuleProblems,
  type EnterpriseRetentionTemplate,
  type RetentionPolicy,
  type RetentionPolicyBody,
} from '@swr-console/swr-api';
import type { Translate } from '../../shared/i18n';

/**
 * The retention policy form of an Enterprise namespace and what it becomes: SWR's body, and the
 * rules the what-if evaluates. Whether a rule is right is the contract's `retentionRuleProblems`
 * (what the server checks); this maps each problem to its field, in the user's language.
 */

/** The contract's MAX_RETENTION_RULES (its schemas stay out of the browser; a test compares). */
export const MAX_RULES = 15;

export interface RuleDraft {
  template: EnterpriseRetentionTemplate;
  /** The number as typed; '' while empty. */
  count: string;
  repoExcludes: boolean;
  repository: string;
  tagExcludes: boolean;
  tag: string;
  enabled: boolean;
}

export interface PolicyDraft {
  name: string;
  enabled: boolean;
  trigger: 'manual' | 'scheduled';
  cron: string;
  rules: RuleDraft[];
}

export const newRule = (): RuleDraft => ({
  template: 'latestPushedK',
  count: '10',
  repoExcludes: false,
  repository: '**',
  tagExcludes: false,
  tag: '**',
  enabled: true,
});

export const newPolicy = (): PolicyDraft => ({
  name: 'retention',
  enabled: true,
  trigger: 'manual',
  cron: '0 0 3 * * *',
  rules: [newRule()],
});

type RuleBody = RetentionPolicyBody['rules'][number];

/** The rule as SWR takes it; a number that is not one is left for the problems to name. */
export function ruleOf(draft: RuleDraft): RuleBody {
  const count = draft.count.trim();
  return {
    disabled: !draft.enabled,
    action: 'retain',
    repo_scope_mode: 'regular',
    template: draft.template,
    params: { [draft.template]: count === '' ? undefined : Number(count) },
    tag_selectors: [
      {
        kind: 'doublestar',
        decoration: draft.tagExcludes ? 'excludes' : 'matches',
        pattern: draft.tag,
      },
    ],
    scope_selectors: {
      repository: [
        {
          kind: 'doublestar',
          decoration: draft.repoExcludes ? 'repoExcludes' : 'repoMatches',
          pattern: draft.repository,
        },
      ],
    },
  };
}

export function bodyOf(draft: PolicyDraft): RetentionPolicyBody {
  return {
    name: draft.name.trim(),
    algorithm: 'or',
    enabled: draft.enabled,
    rules: draft.rules.map(ruleOf),
    trigger:
      draft.trigger === 'scheduled'
        ? { type: 'scheduled', trigger_settings: { cron: draft.cron.trim() } }
        : { type: 'manual' },
  };
}

/** The form for a policy SWR answered (loosely typed: it may hold what the console never wrote). */
export function draftOf(policy: RetentionPolicy): PolicyDraft {
  return {
    name: policy.name,
    enabled: policy.enabled,
    trigger: policy.trigger.type,
    cron: policy.trigger.trigger_settings?.cron ?? newPolicy().cron,
    rules: policy.rules.map((rule) => {
      const template = isEnterpriseRetentionTemplate(rule.template)
        ? rule.template
        : 'latestPushedK';
      const count = rule.params[template];
      const repository = rule.scope_selectors.repository?.[0];
      const tag = rule.tag_selectors[0];
      return {
        template,
        count: typeof count === 'number' ? String(count) : '',
        repoExcludes: repository?.decoration === 'repoExcludes',
        repository: repository?.pattern ?? '**',
        tagExcludes: tag?.decoration === 'excludes',
        tag: tag?.pattern ?? '**',
        enabled: !rule.disabled,
      };
    }),
  };
}

/** Whether two forms make the same policy. */
export const samePolicy = (a: PolicyDraft, b: PolicyDraft) =>
  JSON.stringify(bodyOf(a)) === JSON.stringify(bodyOf(b));

export type RuleField = 'count' | 'repository' | 'tag' | 'rule';
export type RuleErrors = Partial<Record<RuleField, string>>;

export interface PolicyErrors {
  name?: string;
  cron?: string;
  rules: RuleErrors[];
}

const isCount = (template: EnterpriseRetentionTemplate) =>
  template === 'latestPushedK' || template === 'latestPulledN';

/** The words for a number the contract refuses, by what is wrong with it. */
function countError(draft: RuleDraft, t: Translate): string {
  const { min, max } = ENTERPRISE_RETENTION_LIMITS[draft.template];
  const unit = isCount(draft.template) ? 'tags' : 'days';
  const value = Number(draft.count.trim());
  if (draft.count.trim() === '') return t(`retn.count.missing.${unit}`);
  if (!Number.isInteger(value)) return t('retn.count.whole');
  return t(`retn.count.range.${unit}`, { min, max });
}

function patternError(pattern: string, detail: string, t: Translate): string {
  return pattern === '' ? t('retn.pattern.missing') : t('retn.pattern.bad', { detail });
}

/** Each rule's problems at their fields, as the contract finds them, in the user's words. */
export function ruleErrors(draft: RuleDraft, t: Translate): RuleErrors {
  const errors: RuleErrors = {};
  for (const { path, message } of retentionRuleProblems(ruleOf(draft))) {
    if (path.startsWith('params')) errors.count ??= countError(draft, t);
    else if (path.startsWith('scope_selectors'))
      errors.repository ??= patternError(draft.repository, message, t);
    else if (path.startsWith('tag_selectors')) errors.tag ??= patternError(draft.tag, message, t);
    else errors.rule ??= message;
  }
  return errors;
}

/**
 * Every problem of the form, at its field. `cronProblem` is the contract's checker, loaded when a
 * schedule is first chosen; until it is there a schedule counts as not yet checked.
 */
export function policyErrors(
  draft: PolicyDraft,
  t: Translate,
  cronProblem: ((cron: string) => string | undefined) | undefined,
): PolicyErrors {
  const errors: PolicyErrors = { rules: draft.rules.map((rule) => ruleErrors(rule, t)) };
  const name = draft.name.trim();
  if (name === '') errors.name = t('retn.name.missing');
  else if (name.length > 256) errors.name = t('retn.name.long');
  else if (!POLICY_NAME_PATTERN.test(name)) errors.name = t('retn.name.bad');
  if (draft.trigger === 'scheduled') {
    const cron = draft.cron.trim();
    const problem = cron === '' || !cronProblem ? undefined : cronProblem(cron);
    if (cron === '') errors.cron = t('retn.cron.missing');
    else if (!cronProblem) errors.cron = t('retn.cron.checking');
    else if (problem) errors.cron = t('retn.cron.bad', { detail: problem });
  }
  return errors;
}

/** Whether the form may be sent: nothing wrong anywhere, and 1 to MAX_RULES rules. */
export function isValid(errors: PolicyErrors): boolean {
  return (
    errors.name === undefined &&
    errors.cron === undefined &&
    errors.rules.length >= 1 &&
    errors.rules.length <= MAX_RULES &&
    errors.rules.every((rule) => Object.keys(rule).length === 0)
  );
}
