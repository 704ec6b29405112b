import { Button } from 'antd';
import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { Choices, Field } from '../../../shared/components/form/Field';
import { TextInput } from '../../../shared/components/input/TextInput';
import { Typography } from '../../../shared/components/typography/Typography';
import { useT } from '../../../shared/i18n';
import { MAX_RULES, newRule, type PolicyDraft, type PolicyErrors } from '../retention-form';
import { RetentionRuleFields } from './RetentionRuleFields';

// The cron rules load when a schedule is first chosen: a manual policy never needs them.
const loadSchedule = () => import('./RetentionSchedule');
const SchedulePreview = lazy(async () => ({ default: (await loadSchedule()).SchedulePreview }));

/** The contract's cron checker once `needed` (a schedule chosen); undefined while it loads. */
export function useCronCheck(needed: boolean) {
  const [check, setCheck] = useState<{ problem: (cron: string) => string | undefined }>();
  useEffect(() => {
    if (needed && !check)
      void loadSchedule().then((schedule) => setCheck({ problem: schedule.cronProblem }));
  }, [needed, check]);
  return check?.problem;
}

/** A clock for the schedule's next runs, moving each half minute while the form is open. */
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The policy's fields, controlled (the what-if follows each change), problems at their field. */
export function RetentionPolicyForm({
  draft,
  errors,
  disabled,
  onChange,
}: {
  draft: PolicyDraft;
  errors: PolicyErrors;
  disabled: boolean;
  onChange: (draft: PolicyDraft) => void;
}) {
  const t = useT();
  const id = useId();
  const now = useMinuteClock();
  const set = (change: Partial<PolicyDraft>) => onChange({ ...draft, ...change });
  const full = draft.rules.length >= MAX_RULES;

  return (
    <fieldset className="retention-form" disabled={disabled}>
      <Field
        id={`${id}-name`}
        label={t('retn.name')}
        help={errors.name ?? t('retn.name.help')}
        error={errors.name !== undefined}
      >
        <TextInput
          id={`${id}-name`}
          value={draft.name}
          onChange={(event) => set({ name: event.target.value })}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={`${id}-name-help`}
          style={{ maxWidth: 360 }}
        />
      </Field>
      <label className="console-choice">
        <input
          type="checkbox"
          checked={draft.enabled}
          onChange={(event) => set({ enabled: event.target.checked })}
        />
        {t('retn.enabled')}
      </label>
      <Choices legend={t('retn.trigger')}>
        <div className="retention-rule-row">
          {(['manual', 'scheduled'] as const).map((trigger) => (
            <label key={trigger} className="console-choice">
              <input
                type="radio"
                name={`${id}-trigger`}
                checked={draft.trigger === trigger}
                onChange={() => set({ trigger })}
              />
              {t(`retn.trigger.${trigger}`)}
            </label>
          ))}
        </div>
      </Choices>
      {draft.trigger === 'scheduled' ? (
        <Field
          id={`${id}-cron`}
          label={t('retn.cron')}
          help={errors.cron ?? t('retn.cron.help')}
          error={errors.cron !== undefined}
        >
          <TextInput
            id={`${id}-cron`}
            value={draft.cron}
            onChange={(event) => set({ cron: event.target.value })}
            aria-invalid={errors.cron ? true : undefined}
            aria-describedby={`${id}-cron-help`}
            spellCheck={false}
            style={{ maxWidth: 360, fontFamily: 'monospace' }}
          />
        </Field>
      ) : null}
      {draft.trigger === 'scheduled' ? (
        <Suspense fallback={null}>
          <SchedulePreview cron={draft.cron} enabled={draft.enabled} from={now} />
        </Suspense>
      ) : null}
      <Typography.Title level={3} className="retention-subheading">
        {t('retn.rules')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('retn.rules.help')}</Typography.Paragraph>
      {draft.rules.map((rule, index) => (
        <RetentionRuleFields
          // Rules have no identity of their own: a removed rule renumbers those after it.
          key={index}
          id={`${id}-rule-${index}`}
          n={index + 1}
          rule={rule}
          errors={errors.rules[index] ?? {}}
          disabled={disabled}
          onChange={(next) => set({ rules: draft.rules.map((r, i) => (i === index ? next : r)) })}
          onRemove={
            draft.rules.length > 1
              ? () => set({ rules: draft.rules.filter((_, i) => i !== index) })
              : undefined
          }
        />
      ))}
      <div className="retention-rule-row">
        <Button
          disabled={disabled || full}
          aria-describedby={full ? `${id}-full` : undefined}
          onClick={() => set({ rules: [...draft.rules, newRule()] })}
        >
          {t('retn.rule.add')}
        </Button>
        {full ? (
          <Typography.Text type="secondary" id={`${id}-full`}>
            {t('retn.rule.max', { max: MAX_RULES })}
          </Typography.Text>
        ) : null}
      </div>
    </fieldset>
  );
}
