import { KeyOutlined } from '@ant-design/icons';
import { Button, Form, Radio, Select, Space, Typography } from 'antd';
import { useId } from 'react';
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
    <Form layout="vertical" component="div" style={{ maxWidth: 560 }}>
      <Form.Item label={t('loginCommand.region')} htmlFor={`${ids}-region`}>
        <Select
          id={`${ids}-region`}
          value={value.region}
          onChange={(region) => onChange({ ...value, region })}
          options={regions.map((region) => ({
            value: region.id,
            label: `${region.id} (${region.registry})`,
          }))}
        />
      </Form.Item>
      <Form.Item label={<span id={`${ids}-kind`}>{t('loginCommand.kind')}</span>}>
        <Radio.Group
          aria-labelledby={`${ids}-kind`}
          value={kind}
          onChange={(event) => onChange({ ...value, kind: event.target.value as LoginKind })}
        >
          <Space orientation="vertical">
            <Radio value="temporary">
              <Typography.Text strong>{t('loginCommand.kind.temporary')}</Typography.Text>
              {' — '}
              <Typography.Text>{t('loginCommand.kind.temporary.help')}</Typography.Text>
            </Radio>
            <Radio
              value="long-term"
              disabled={!longTerm}
              aria-describedby={longTerm ? undefined : `${ids}-long-term`}
            >
              <Typography.Text strong disabled={!longTerm}>
                {t('loginCommand.kind.longTerm')}
              </Typography.Text>
              {' — '}
              <Typography.Text>{t('loginCommand.kind.longTerm.help')}</Typography.Text>
            </Radio>
          </Space>
        </Radio.Group>
        {longTerm ? null : (
          <Typography.Paragraph id={`${ids}-long-term`} style={{ margin: '4px 0 0 24px' }}>
            {t('loginCommand.kind.longTerm.needsAccessKey')}
          </Typography.Paragraph>
        )}
      </Form.Item>
      {kind === 'temporary' ? (
        <Form.Item label={t('loginCommand.duration')} htmlFor={`${ids}-duration`}>
          <Select
            id={`${ids}-duration`}
            aria-describedby={`${ids}-duration-help`}
            value={value.durationSeconds}
            onChange={(durationSeconds) => onChange({ ...value, durationSeconds })}
            options={DURATIONS.map((seconds) => ({
              value: seconds,
              label: t(`loginCommand.duration.${seconds}`),
            }))}
            style={{ maxWidth: 240 }}
          />
          {/* Not Form.Item's "extra": its pale grey is below the contrast WCAG asks for. */}
          <Typography.Paragraph id={`${ids}-duration-help`} style={{ margin: '4px 0 0' }}>
            {t('loginCommand.duration.help')}
          </Typography.Paragraph>
        </Form.Item>
      ) : null}
      <Button type="primary" icon={<KeyOutlined />} loading={pending} onClick={onSubmit}>
        {t('loginCommand.get')}
      </Button>
    </Form>
  );
}
