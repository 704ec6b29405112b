import type { RetentionPlans } from '@swr-console/contracts/bff';
import { swrCall, type RetentionRule } from '@swr-console/swr-api';
import { bff } from '../../shared/http';
import { send } from '../../shared/swr';

export interface PlanFilter {
  namespace?: string;
  name?: string;
}

/** A rule typed on the page, for the repositories without one. */
export interface TypedRule {
  template: 'tag_rule' | 'date_rule';
  count: number;
  exemptTags: string[];
  exemptPatterns: string[];
}

/** Repositories planned per call. */
export const PLAN_PAGE = 20;

export async function planRetentions(
  region: string,
  filter: PlanFilter,
  rule: TypedRule | undefined,
  offset: number,
  signal?: AbortSignal,
): Promise<RetentionPlans> {
  return bff.call(
    'PlanRetentions',
    {
      params: { region },
      query: {
        ...(filter.namespace ? { namespace: filter.namespace } : {}),
        ...(filter.name ? { name: filter.name } : {}),
        ...(rule
          ? {
              template: rule.template,
              count: rule.count,
              exemptTag: rule.exemptTags,
              exemptPattern: rule.exemptPatterns,
            }
          : {}),
        offset,
        limit: PLAN_PAGE,
      },
    },
    { signal },
  );
}

/** The rule SWR stores for a typed rule. */
export function ruleOf(rule: TypedRule): RetentionRule {
  const tag_selectors = [
    ...rule.exemptTags.map((pattern) => ({ kind: 'label' as const, pattern })),
    ...rule.exemptPatterns.map((pattern) => ({ kind: 'regexp' as const, pattern })),
  ];
  const count = String(rule.count);
  return rule.template === 'tag_rule'
    ? { template: 'tag_rule', params: { num: count }, tag_selectors }
    : { template: 'date_rule', params: { days: count }, tag_selectors };
}

export const createRuleCall = (namespace: string, repository: string, rule: TypedRule) =>
  swrCall('CreateRetention', {
    path: { namespace, repository },
    body: { algorithm: 'or', rules: [ruleOf(rule)] },
  });

/** Gives a repository the rule; SWR runs it at once. */
export async function applyRule(
  region: string,
  namespace: string,
  repository: string,
  rule: TypedRule,
): Promise<void> {
  await send(region, createRuleCall(namespace, repository, rule));
}
