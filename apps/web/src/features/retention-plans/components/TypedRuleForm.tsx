import { regexProblem, TAG_PATTERN } from '@swr-console/swr-api';
import { Button, Flex } from 'antd';
import { useId, useState } from 'react';
import { Choices, Field } from '../../../shared/components/form/Field';
import { TagsInput } from '../../../shared/components/input/TagsInput';
import { TextInput } from '../../../shared/components/input/TextInput';
import { useT } from '../../../shared/i18n';
import type { TypedRule } from '../api';

const LIMITS = { tag_rule: [1, 1000], date_rule: [1, 365] } as const;
/** SWR takes at most this many exemptions per rule, tags and patterns together. */
const MAX_EXEMPTIONS = 50;

/** What is wrong with a typed rule, field by field; empty when it can be planned. */
export function typedRuleProblems(
  rule: TypedRule,
): Partial<Record<'count' | 'exemptions', string>> {
  const [min, max] = LIMITS[rule.template];
  const problems: Partial<Record<'count' | 'exemptions', string>> = {};
  if (!Number.isInteger(rule.count) || rule.count < min || rule.count > max)
    problems.count = `${min}–${max}`;
  const badTag = rule.exemptTags.find((tag) => !TAG_PATTERN.test(tag));
  const badPattern = rule.exemptPatterns
    .map((pattern) => [pattern, regexProblem(pattern)] as const)
    .find(([, problem]) => problem);
  if (badTag) problems.exemptions = badTag;
  else if (badPattern) problems.exemptions = `${badPattern[0]}: ${badPattern[1]}`;
  else if (rule.exemptTags.length + rule.exemptPatterns.length > MAX_EXEMPTIONS)
    problems.exemptions = `> ${MAX_EXEMPTIONS}`;
  return problems;
}

/** The rule typed once for every repository without one; planned when submitted. */
export function TypedRuleForm({
  value,
  onSubmit,
}: {
  value: TypedRule | undefined;
  onSubmit: (rule: TypedRule | undefined) => void;
}) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<TypedRule>(
    value ?? { template: 'tag_rule', count: 10, exemptTags: [], exemptPatterns: [] },
  );
  const [countText, setCountText] = useState(String(draft.count));
  const [tried, setTried] = useState(false);
  const rule = { ...draft, count: countText.trim() === '' ? Number.NaN : Number(countText) };
  const problems = typedRuleProblems(rule);
  const shown = tried ? problems : {};
  return (
    <form
      className="plans-rule"
      aria-label={t('plans.rule')}
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (Object.keys(problems).length === 0) onSubmit(rule);
      }}
    >
      <Choices legend={t('plans.rule.kind')}>
        <Flex gap={16} wrap>
          {(['tag_rule', 'date_rule'] as const).map((template) => (
            <label key={template} className="console-choice">
              <input
                type="radio"
                name={`${id}-template`}
                checked={draft.template === template}
                onChange={() => setDraft({ ...draft, template })}
              />
              {t(`plans.rule.${template}`)}
            </label>
          ))}
        </Flex>
      </Choices>
      <Flex gap={16} wrap align="flex-start">
        <Field
          id={`${id}-count`}
          label={t(draft.template === 'tag_rule' ? 'plans.rule.num' : 'plans.rule.days')}
          help={shown.count ? t('plans.rule.countProblem', { range: shown.count }) : undefined}
          error={!!shown.count}
        >
          <TextInput
            id={`${id}-count`}
            inputMode="numeric"
            value={countText}
            aria-invalid={!!shown.count}
            aria-describedby={shown.count ? `${id}-count-help` : undefined}
            style={{ width: 120 }}
            onChange={(event) => setCountText(event.target.value)}
          />
        </Field>
        <Field id={`${id}-tags`} label={t('plans.rule.exemptTags')}>
          <TagsInput
            id={`${id}-tags`}
            value={draft.exemptTags}
            onChange={(exemptTags) => setDraft({ ...draft, exemptTags })}
            style={{ width: 260 }}
          />
        </Field>
        <Field
          id={`${id}-patterns`}
          label={t('plans.rule.exemptPatterns')}
          help={
            shown.exemptions
              ? t('plans.rule.exemptionProblem', { problem: shown.exemptions })
              : undefined
          }
          error={!!shown.exemptions}
        >
          <TagsInput
            id={`${id}-patterns`}
            value={draft.exemptPatterns}
            onChange={(exemptPatterns) => setDraft({ ...draft, exemptPatterns })}
            aria-invalid={!!shown.exemptions}
            aria-describedby={shown.exemptions ? `${id}-patterns-help` : undefined}
            style={{ width: 260 }}
          />
        </Field>
      </Flex>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit">
          {t('plans.rule.plan')}
        </Button>
        {value ? (
          <Button onClick={() => onSubmit(undefined)}>{t('plans.rule.clear')}</Button>
        ) : null}
      </Flex>
    </form>
  );
}
