import type { ImmutabilityMatcher, RetentionReason } from '@swr-console/swr-api';
import type { Translate } from '../../shared/i18n';

/** Why the what-if keeps or deletes a tag, in the user's words; rules are numbered from 1. */

const plurals = new Map<string, Intl.PluralRules>();

function plural(n: number, locale: string, type: Intl.PluralRuleType): string {
  const key = `${locale} ${type}`;
  let rules = plurals.get(key);
  if (!rules) {
    rules = new Intl.PluralRules(locale, { type });
    plurals.set(key, rules);
  }
  return rules.select(n);
}

/** "3rd" in English, "第 3" in Chinese (each language's ordinal forms are in its messages). */
export function ordinal(n: number, locale: string, t: Translate): string {
  return t(`retn.ordinal.${plural(n, locale, 'ordinal')}`, { n });
}

/** "1 tag", "2 repositories", "30 days", in the language's plural forms. */
export function counted(
  n: number,
  noun: 'tag' | 'repository' | 'day',
  locale: string,
  t: Translate,
): string {
  return t(`retn.n.${noun}.${plural(n, locale, 'cardinal')}`, { n });
}

export interface ReasonContext {
  t: Translate;
  locale: string;
  /** The namespace's immutability rules, to name the ones protecting a tag. */
  matcher: ImmutabilityMatcher | undefined;
  repository: string;
  tag: string;
}

export function reasonText(reason: RetentionReason, context: ReasonContext): string {
  const { t, locale } = context;
  if (reason.kind === 'immutable') {
    const ids = context.matcher?.rulesProtecting(context.repository, context.tag) ?? [];
    return t('retn.why.immutable', { rules: ids.filter((id) => id !== undefined).join(', ') });
  }
  const rule = reason.rule + 1;
  switch (reason.kind) {
    case 'not-selected':
      return t(`retn.why.not-selected.${reason.decoration}`, { rule, pattern: reason.pattern });
    case 'never-pulled':
      return t(`retn.why.never.${reason.template}`, {
        rule,
        limit:
          reason.template === 'nDaysSinceLastPull'
            ? counted(reason.limit, 'day', locale, t)
            : reason.limit,
        rank: reason.rank === undefined ? '' : ordinal(reason.rank, locale, t),
      });
    case 'retained':
    case 'beyond-count':
    case 'too-old': {
      const prefix = { retained: 'kept', 'beyond-count': 'beyond', 'too-old': 'old' }[reason.kind];
      const values: Record<string, string | number> =
        'rank' in reason
          ? { rule, limit: reason.limit, rank: ordinal(reason.rank, locale, t) }
          : {
              rule,
              limit: counted(reason.limit, 'day', locale, t),
              age: counted(reason.ageDays, 'day', locale, t),
            };
      return t(`retn.why.${prefix}.${reason.template}`, values);
    }
  }
}
