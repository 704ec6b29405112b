import { loginCommands, type CreatedLtCredential } from '@swr-console/swr-api';
import { Alert, Button, Flex, Modal } from 'antd';
import { CopyButton } from '../../../shared/components/CopyButton';
import { Typography } from '../../../shared/components/typography/Typography';
import { useT } from '../../../shared/i18n';

/**
 * The one time a credential's secret is shown: the login user name, the secret and a whole docker
 * login command, each with a copy button. The secret lives only in the props of this dialog; the
 * caller drops it when the dialog closes, and nothing else ever held it.
 */
export function CredentialSecretModal({
  name,
  created,
  registry,
  onClose,
}: {
  name: string;
  created: Pick<CreatedLtCredential, 'user_id' | 'auth_token'>;
  /** The instance's registry host, as its temporary login gives it. */
  registry: string;
  onClose: () => void;
}) {
  const t = useT();
  const docker = loginCommands({
    registry,
    username: created.user_id,
    password: created.auth_token,
  }).docker;
  const lines = [
    { key: 'user', label: t('cred.secret.user'), value: created.user_id },
    { key: 'secret', label: t('cred.secret.secret'), value: created.auth_token },
    { key: 'command', label: t('cred.secret.command'), value: docker },
  ] as const;
  return (
    <Modal
      open
      title={t('cred.secret.title', { name })}
      // Closing by a stray click outside would lose the secret; the buttons and Escape still do.
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
      onCancel={onClose}
      width={720}
    >
      <Alert type="warning" showIcon title={t('cred.secret.once')} style={{ marginBottom: 16 }} />
      <dl style={{ margin: 0 }}>
        {lines.map((line) => (
          <div key={line.key} style={{ marginBottom: 12 }}>
            <dt>
              <Typography.Text strong>{line.label}</Typography.Text>
            </dt>
            <dd style={{ margin: 0 }}>
              <Flex align="center" gap={4}>
                <Typography.Text code style={{ wordBreak: 'break-all' }}>
                  {line.value}
                </Typography.Text>
                <CopyButton value={line.value} what={t(`cred.secret.what.${line.key}`)} />
              </Flex>
            </dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
