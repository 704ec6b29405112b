import type { PlanReason } from '@swr-console/swr-api';
import type { Translate } from '../../shared/i18n';
import type { RuleValues } from './rule-form';

/** A rule in a sentence: "keep the 3 newest tags; never delete latest, ^release-". */
export function describeRule(values: RuleValues, t: Translate): string {
  const rule =
    values.kind === 'newest'
      ? t('retention.rule.newest', { num: values.count ?? '?' })
      : t('retention.rule.days', { days: values.count ?? '?' });
  const exemptions = [...values.exemptTags, ...values.exemptPatterns];
  return exemptions.length > 0
    ? t('retention.rule.exempt', { rule, exemptions: exemptions.join(', ') })
    : rule;
}

/** Why the plan keeps or deletes a tag, in the user's words. */
export function reasonText(reason: PlanReason, t: Translate): string {
  switch (reason.kind) {
    case 'exempt-tag':
    case 'exempt-pattern':
      return t(`retention.reason.${reason.kind}`, { pattern: reason.pattern });
    case 'recent':
    case 'expired':
      return t(`retention.reason.${reason.kind}`, { age: reason.ageDays, days: reason.days });
    case 'newest':
    case 'beyond-newest':
      return t(`retention.reason.${reason.kind}`, { rank: reason.rank, num: reason.num });
  }
}
