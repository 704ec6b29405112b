import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { Typography } from '../../../shared/components/typography/Typography';
import { useId, useState } from 'react';
import { CopyButton } from '../../../shared/components/CopyButton';
import { formatTime } from '../../../shared/format';
import { useLocale, useT } from '../../../shared/i18n';
import type { LoginCommand } from '../api';
import { expiryDate, maskPassword } from '../command';

const CLIENTS = ['docker', 'nerdctl', 'ctr'] as const;

const codeBlock = {
  margin: 0,
  padding: '8px 12px',
  flex: 1,
  minWidth: 0,
  // Wrapped rather than scrolled: a scrolling block would have to be focusable to be reachable.
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  fontSize: 13,
  background: 'rgba(128, 128, 128, 0.12)',
  borderRadius: 6,
} as const;

const facts = {
  display: 'grid',
  gridTemplateColumns: 'max-content minmax(0, 1fr)',
  alignItems: 'center',
  gap: '4px 16px',
  margin: 0,
} as const;

/**
 * An issued login. The password stays masked on screen until revealed (screens get shared and
 * recorded); the copy buttons always copy the real command.
 */
export function LoginCommandResult({ login }: { login: LoginCommand }) {
  const t = useT();
  const [locale] = useLocale();
  const titleId = useId();
  const [revealed, setRevealed] = useState(false);
  const expires = expiryDate(login.expiresAt);
  const shown = (command: string) => (revealed ? command : maskPassword(command, login.password));
  return (
    <section aria-labelledby={titleId}>
      <Flex vertical gap={12}>
        <Typography.Title level={3} id={titleId} style={{ margin: 0, fontSize: 18 }}>
          {t('loginCommand.result.title')}
        </Typography.Title>
        <Alert
          type="warning"
          showIcon
          title={t('loginCommand.secret.title')}
          description={t('loginCommand.secret.text')}
        />
        {/* A plain list rather than Descriptions, whose pale labels fall short of WCAG contrast. */}
        <dl style={facts}>
          <dt style={{ fontWeight: 600 }}>{t('loginCommand.registry')}</dt>
          <dd style={{ margin: 0 }}>
            <Flex gap={4} align="center">
              <Typography.Text code>{login.registry}</Typography.Text>
              <CopyButton value={login.registry} what={t('loginCommand.registry.what')} />
            </Flex>
          </dd>
          <dt style={{ fontWeight: 600 }}>{t('loginCommand.username')}</dt>
          <dd style={{ margin: 0 }}>
            <Flex gap={4} align="center">
              <Typography.Text code style={{ wordBreak: 'break-all' }}>
                {login.username}
              </Typography.Text>
              <CopyButton value={login.username} what={t('loginCommand.username.what')} />
            </Flex>
          </dd>
          <dt style={{ fontWeight: 600 }}>{t('loginCommand.expires')}</dt>
          <dd style={{ margin: 0 }}>
            {login.kind === 'long-term'
              ? t('loginCommand.expires.never')
              : expires
                ? formatTime(expires.toISOString(), locale)
                : (login.expiresAt ?? t('loginCommand.expires.unknown'))}
          </dd>
        </dl>
        <div>
          <Button
            icon={revealed ? <EyeInvisibleOutlined /> : <EyeOutlined />}
            aria-pressed={revealed}
            onClick={() => setRevealed(!revealed)}
          >
            {revealed ? t('loginCommand.password.hide') : t('loginCommand.password.show')}
          </Button>
        </div>
        {CLIENTS.map((client) => (
          <Flex key={client} vertical gap={4}>
            <Typography.Title level={4} style={{ margin: 0, fontSize: 15 }}>
              {t(`loginCommand.client.${client}`)}
            </Typography.Title>
            {client === 'ctr' ? (
              <Typography.Text>{t('loginCommand.client.ctr.help')}</Typography.Text>
            ) : null}
            <Flex gap={4} align="start">
              <pre style={codeBlock}>
                <code>{shown(login.commands[client])}</code>
              </pre>
              <CopyButton
                value={login.commands[client]}
                what={t('loginCommand.command.what', { client })}
              />
            </Flex>
          </Flex>
        ))}
      </Flex>
    </section>
  );
}
