import { DeleteOutlined } from '@ant-design/icons';
import {
  ENTERPRISE_RETENTION_LIMITS,
  ENTERPRISE_RETENTION_TEMPLATES,
  type EnterpriseRetentionTemplate,
} from '@swr-console/swr-api';
import { Button } from 'antd';
import { Field } from '../../../shared/components/form/Field';
import { TextInput } from '../../../shared/components/input/TextInput';
import { Select } from '../../../shared/components/select/Select';
import { useT } from '../../../shared/i18n';
import type { RuleDraft, RuleErrors } from '../retention-form';

const isCount = (template: EnterpriseRetentionTemplate) =>
  template === 'latestPushedK' || template === 'latestPulledN';

/** A doublestar pattern that selects what it matches, or all but what it matches. */
function PatternField({
  id,
  label,
  modeLabel,
  help,
  error,
  excludes,
  pattern,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  modeLabel: string;
  help: string;
  error: boolean;
  excludes: boolean;
  pattern: string;
  disabled: boolean;
  onChange: (excludes: boolean, pattern: string) => void;
}) {
  const t = useT();
  return (
    <Field id={id} label={label} help={help} error={error}>
      <div className="retention-pair">
        <Select
          aria-label={modeLabel}
          value={excludes ? 'excludes' : 'matches'}
          disabled={disabled}
          onChange={(mode) => onChange(mode === 'excludes', pattern)}
          options={[
            { value: 'matches', label: t('retn.mode.matches') },
            { value: 'excludes', label: t('retn.mode.excludes') },
          ]}
          style={{ width: 140 }}
        />
        <TextInput
          id={id}
          value={pattern}
          onChange={(event) => onChange(excludes, event.target.value)}
          aria-invalid={error || undefined}
          aria-describedby={`${id}-help`}
          style={{ flex: 1, minWidth: 160 }}
        />
      </div>
    </Field>
  );
}

/**
 * One rule of the policy, controlled: each keystroke goes to `onChange`, so the what-if follows
 * it. Its problems are shown at the field they belong to.
 */
export function RetentionRuleFields({
  id,
  n,
  rule,
  errors,
  disabled,
  onChange,
  onRemove,
}: {
  /** A prefix for the fields' ids. */
  id: string;
  /** The rule's number, from 1. */
  n: number;
  rule: RuleDraft;
  errors: RuleErrors;
  disabled: boolean;
  onChange: (rule: RuleDraft) => void;
  /** Absent when the rule is the only one. */
  onRemove: (() => void) | undefined;
}) {
  const t = useT();
  const set = (change: Partial<RuleDraft>) => onChange({ ...rule, ...change });
  const unit = isCount(rule.template) ? 'tags' : 'days';
  const { min, max } = ENTERPRISE_RETENTION_LIMITS[rule.template];

  return (
    <fieldset
      className="retention-rule-box"
      aria-describedby={errors.rule ? `${id}-rule` : undefined}
    >
      <legend id={`${id}-legend`}>{t('retn.rule', { n })}</legend>
      <div className="retention-rule-row retention-fields">
        <Field id={`${id}-template`} label={t('retn.rule.template')} labelsInput={false}>
          <Select<EnterpriseRetentionTemplate>
            id={`${id}-template`}
            aria-labelledby={`${id}-legend ${id}-template-label`}
            value={rule.template}
            disabled={disabled}
            onChange={(template) => set({ template })}
            options={ENTERPRISE_RETENTION_TEMPLATES.map((template) => ({
              value: template,
              label: t(`retn.template.${template}`),
            }))}
            style={{ width: 260 }}
          />
        </Field>
        <Field
          id={`${id}-count`}
          label={t(`retn.count.${unit}`)}
          help={errors.count ?? t(`retn.count.help.${unit}`, { min, max })}
          error={errors.count !== undefined}
        >
          <TextInput
            id={`${id}-count`}
            inputMode="numeric"
            value={rule.count}
            onChange={(event) => set({ count: event.target.value })}
            aria-invalid={errors.count ? true : undefined}
            aria-describedby={`${id}-count-help`}
            style={{ width: 140 }}
          />
        </Field>
      </div>
      <PatternField
        id={`${id}-repository`}
        label={t('retn.repositories')}
        modeLabel={t('retn.repositoryMode', { n })}
        help={errors.repository ?? t('retn.repository.help')}
        error={errors.repository !== undefined}
        excludes={rule.repoExcludes}
        pattern={rule.repository}
        disabled={disabled}
        onChange={(repoExcludes, repository) => set({ repoExcludes, repository })}
      />
      <PatternField
        id={`${id}-tag`}
        label={t('retn.tags')}
        modeLabel={t('retn.tagMode', { n })}
        help={errors.tag ?? t('retn.tag.help')}
        error={errors.tag !== undefined}
        excludes={rule.tagExcludes}
        pattern={rule.tag}
        disabled={disabled}
        onChange={(tagExcludes, tag) => set({ tagExcludes, tag })}
      />
      {errors.rule ? (
        <div id={`${id}-rule`} className="console-field-help" data-error>
          {errors.rule}
        </div>
      ) : null}
      <div className="retention-rule-row">
        <label className="console-choice">
          <input
            type="checkbox"
            checked={rule.enabled}
            onChange={(event) => set({ enabled: event.target.checked })}
          />
          {t('retn.rule.enabled')}
        </label>
        {onRemove ? (
          <Button
            size="small"
            icon={<DeleteOutlined aria-hidden />}
            disabled={disabled}
            onClick={onRemove}
          >
            {t('retn.rule.remove', { n })}
          </Button>
        ) : null}
      </div>
    </fieldset>
  );
}
