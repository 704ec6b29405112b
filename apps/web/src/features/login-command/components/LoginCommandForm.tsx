import { KeyOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Select } from '../../../shared/components/select/Select';
import { Typography } from '../../../shared/components/typography/Typography';
import { useId } from 'react';
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
      <div className="login-command-field">
        <span id={`${ids}-region-label`} className="login-command-label">
          {t('loginCommand.region')}
        </span>
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
      </div>
      <fieldset className="login-command-field">
        <legend className="login-command-label">{t('loginCommand.kind')}</legend>
        <label className="login-command-choice">
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
        <label className="login-command-choice" data-disabled={!longTerm || undefined}>
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
      </fieldset>
      {kind === 'temporary' ? (
        <div className="login-command-field">
          <span id={`${ids}-duration-label`} className="login-command-label">
            {t('loginCommand.duration')}
          </span>
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
          <Typography.Paragraph id={`${ids}-duration-help`} style={{ margin: '4px 0 0' }}>
            {t('loginCommand.duration.help')}
          </Typography.Paragraph>
        </div>
      ) : null}
      <Button type="primary" icon={<KeyOutlined />} loading={pending} onClick={onSubmit}>
        {t('loginCommand.get')}
      </Button>
    </div>
  );
}
