import { KeyOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Select } from '../../../shared/components/select/Select';
import { Typography } from '../../../shared/components/typography/Typography';
import { useId } from 'react';
import { Choices, Field } from '../../../shared/components/form/Field';
import './login-command-form.css';
import { useT } from '../../../shared/i18n';
import type { SessionRegion } from '../../../shared/session';
import type { LoginKind } from '../api';
import { canUseLongTerm, DURATIONS, type LoginCommandInput } from '../command';

/** Which login to issue: the region, temporary (with its duration) or long-term. */
export function LoginCommandForm({
  value,
  onChange,
  regions,
  method,
  pending,
  onSubmit,
}: {
  value: LoginCommandInput;
  onChange: (value: LoginCommandInput) => void;
  regions: readonly SessionRegion[];
  method: 'aksk' | 'password';
  pending: boolean;
  onSubmit: () => void;
}) {
  const t = useT();
  const ids = useId();
  const longTerm = canUseLongTerm(method);
  const kind: LoginKind = longTerm ? value.kind : 'temporary';
  return (
    <div className="login-command-form">
      <Field id={`${ids}-region`} label={t('loginCommand.region')} labelsInput={false}>
        <Select
          id={`${ids}-region`}
          aria-labelledby={`${ids}-region-label`}
          value={value.region}
          onChange={(region) => onChange({ ...value, region })}
          options={regions.map((region) => ({
            value: region.id,
            label: `${region.id} (${region.registry})`,
          }))}
        />
      </Field>
      <Choices legend={t('loginCommand.kind')}>
        <label className="console-choice">
          <input
            type="radio"
            name={`${ids}-kind`}
            value="temporary"
            checked={kind === 'temporary'}
            onChange={() => onChange({ ...value, kind: 'temporary' })}
          />
          <span>
            <Typography.Text strong>{t('loginCommand.kind.temporary')}</Typography.Text>
            {' — '}
            <Typography.Text>{t('loginCommand.kind.temporary.help')}</Typography.Text>
          </span>
        </label>
        <label className="console-choice">
          <input
            type="radio"
            name={`${ids}-kind`}
            value="long-term"
            checked={kind === 'long-term'}
            disabled={!longTerm}
            aria-describedby={longTerm ? undefined : `${ids}-long-term`}
            onChange={() => onChange({ ...value, kind: 'long-term' })}
          />
          <span>
            <Typography.Text strong disabled={!longTerm}>
              {t('loginCommand.kind.longTerm')}
            </Typography.Text>
            {' — '}
            <Typography.Text>{t('loginCommand.kind.longTerm.help')}</Typography.Text>
          </span>
        </label>
        {longTerm ? null : (
          <Typography.Paragraph id={`${ids}-long-term`} style={{ margin: '4px 0 0 24px' }}>
            {t('loginCommand.kind.longTerm.needsAccessKey')}
          </Typography.Paragraph>
        )}
      </Choices>
      {kind === 'temporary' ? (
        <Field
          id={`${ids}-duration`}
          label={t('loginCommand.duration')}
          labelsInput={false}
          help={t('loginCommand.duration.help')}
        >
          <Select
            id={`${ids}-duration`}
            aria-labelledby={`${ids}-duration-label`}
            aria-describedby={`${ids}-duration-help`}
            value={value.durationSeconds}
            onChange={(durationSeconds) => onChange({ ...value, durationSeconds })}
            options={DURATIONS.map((seconds) => ({
              value: seconds,
              label: t(`loginCommand.duration.${seconds}`),
            }))}
            style={{ maxWidth: 240 }}
          />
        </Field>
      ) : null}
      <Button type="primary" icon={<KeyOutlined />} loading={pending} onClick={onSubmit}>
        {t('loginCommand.get')}
      </Button>
    </div>
  );
}
