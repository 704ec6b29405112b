import { Form, InputNumber, Radio, Select } from 'antd';
import { useId } from 'react';
import { useT } from '../../../shared/i18n';
import { LIMITS, MAX_EXEMPTIONS, ruleProblems, type RuleValues } from '../rule-form';

/**
 * The rule's fields, controlled: every change goes straight to `onChange`, so the plan next to it
 * follows each keystroke. Problems are shown at the field they belong to.
 */
export function RuleEditor({
  values,
  onChange,
  tagNames,
  disabled,
}: {
  values: RuleValues;
  onChange: (values: RuleValues) => void;
  /** The repository's tags, offered as exemptions. */
  tagNames: readonly string[];
  disabled: boolean;
}) {
  const t = useT();
  const id = useId();
  const problems = ruleProblems(values);
  const { min, max } = LIMITS[values.kind];
  const countError = problems.count
    ? t(`retention.count.${problems.count}`, { min, max })
    : undefined;
  const tagErrors = problems.exemptions.flatMap((p) =>
    p.kind === 'tag' ? [t('retention.exempt.badTag', { tag: p.tag })] : [],
  );
  const patternErrors = problems.exemptions.flatMap((p) =>
    p.kind === 'pattern'
      ? [t('retention.exempt.badPattern', { pattern: p.pattern, detail: p.detail })]
      : p.kind === 'tooMany'
        ? [t('retention.exempt.tooMany', { max: MAX_EXEMPTIONS })]
        : [],
  );
  const set = (change: Partial<RuleValues>) => onChange({ ...values, ...change });

  return (
    <Form layout="vertical" component="div" disabled={disabled}>
      <Form.Item label={t('retention.kind')} htmlFor={`${id}-kind`}>
        <Radio.Group
          aria-label={t('retention.kind')}
          id={`${id}-kind`}
          value={values.kind}
          onChange={(event) => set({ kind: event.target.value as RuleValues['kind'] })}
          options={[
            { value: 'newest', label: t('retention.kind.newest') },
            { value: 'days', label: t('retention.kind.days') },
          ]}
        />
      </Form.Item>
      <Form.Item
        label={t(`retention.count.${values.kind}`)}
        htmlFor={`${id}-count`}
        validateStatus={countError ? 'error' : undefined}
        help={countError ?? t(`retention.count.help.${values.kind}`, { min, max })}
      >
        <InputNumber
          id={`${id}-count`}
          value={values.count}
          // Keystrokes, not only blur: the plan follows what is typed.
          onChange={(count) => set({ count: typeof count === 'number' ? count : null })}
          style={{ width: 160 }}
          aria-invalid={countError ? true : undefined}
        />
      </Form.Item>
      <Form.Item
        label={t('retention.exemptTags')}
        htmlFor={`${id}-tags`}
        validateStatus={tagErrors.length ? 'error' : undefined}
        help={tagErrors.length ? tagErrors.join(' ') : t('retention.exemptTags.help')}
      >
        <Select
          id={`${id}-tags`}
          mode="tags"
          value={values.exemptTags}
          onChange={(exemptTags: string[]) => set({ exemptTags })}
          options={tagNames.map((name) => ({ value: name, label: name }))}
          tokenSeparators={[',', ' ']}
          style={{ maxWidth: 560 }}
        />
      </Form.Item>
      <Form.Item
        label={t('retention.exemptPatterns')}
        htmlFor={`${id}-patterns`}
        validateStatus={patternErrors.length ? 'error' : undefined}
        help={patternErrors.length ? patternErrors.join(' ') : t('retention.exemptPatterns.help')}
      >
        <Select
          id={`${id}-patterns`}
          mode="tags"
          open={false}
          suffixIcon={null}
          value={values.exemptPatterns}
          onChange={(exemptPatterns: string[]) => set({ exemptPatterns })}
          style={{ maxWidth: 560 }}
        />
      </Form.Item>
    </Form>
  );
}
