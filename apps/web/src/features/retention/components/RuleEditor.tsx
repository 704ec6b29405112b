import { TagsInput } from '../../../shared/components/input/TagsInput';
import { TextInput } from '../../../shared/components/input/TextInput';
import { useId } from 'react';
import { Choices, Field } from '../../../shared/components/form/Field';
import { useT } from '../../../shared/i18n';
import './rule-editor.css';
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
    <fieldset className="retention-rule" disabled={disabled}>
      <Choices legend={t('retention.kind')}>
        <div className="retention-choices">
          {(['newest', 'days'] as const).map((kind) => (
            <label key={kind} className="console-choice">
              <input
                type="radio"
                name={`${id}-kind`}
                value={kind}
                checked={values.kind === kind}
                onChange={() => set({ kind })}
              />
              {t(`retention.kind.${kind}`)}
            </label>
          ))}
        </div>
      </Choices>
      <Field
        id={`${id}-count`}
        label={t(`retention.count.${values.kind}`)}
        help={countError ?? t(`retention.count.help.${values.kind}`, { min, max })}
        error={!!countError}
      >
        <TextInput
          id={`${id}-count`}
          type="number"
          inputMode="numeric"
          value={values.count ?? ''}
          // Keystrokes, not only blur: the plan follows what is typed.
          onChange={(event) =>
            set({ count: event.target.value === '' ? null : Number(event.target.value) })
          }
          style={{ width: 160 }}
          aria-invalid={countError ? true : undefined}
          aria-describedby={`${id}-count-help`}
        />
      </Field>
      <Field
        id={`${id}-tags`}
        label={t('retention.exemptTags')}
        help={tagErrors.length ? tagErrors.join(' ') : t('retention.exemptTags.help')}
        error={tagErrors.length > 0}
      >
        <TagsInput
          id={`${id}-tags`}
          value={values.exemptTags}
          onChange={(exemptTags) => set({ exemptTags })}
          suggestions={tagNames}
          style={{ maxWidth: 560 }}
          aria-invalid={tagErrors.length > 0 || undefined}
          aria-describedby={`${id}-tags-help`}
        />
      </Field>
      <Field
        id={`${id}-patterns`}
        label={t('retention.exemptPatterns')}
        help={patternErrors.length ? patternErrors.join(' ') : t('retention.exemptPatterns.help')}
        error={patternErrors.length > 0}
      >
        <TagsInput
          id={`${id}-patterns`}
          value={values.exemptPatterns}
          onChange={(exemptPatterns) => set({ exemptPatterns })}
          style={{ maxWidth: 560 }}
          aria-invalid={patternErrors.length > 0 || undefined}
          aria-describedby={`${id}-patterns-help`}
        />
      </Field>
    </fieldset>
  );
}
