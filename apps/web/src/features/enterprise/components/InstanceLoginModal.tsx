import { Alert, Button, Flex, Modal } from 'antd';
import { Typography } from '../../../shared/components/typography/Typography';
import { CopyButton } from '../../../shared/components/CopyButton';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatTime } from '../../../shared/format';
import { useLocale, useT } from '../../../shared/i18n';
import type { InstanceRef } from '../api';
import { useInstanceLogin } from '../mutations';

/**
 * A docker login for the instance's own registry. The password is asked for only on the click and
 * kept only while the dialog is open (the mutation is dropped with it).
 */
export function InstanceLoginModal({
  target,
  onClose,
}: {
  target: InstanceRef;
  onClose: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const issue = useInstanceLogin(target);
  const login = issue.data;
  return (
    <Modal
      open
      title={t('ent.login.title')}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      onCancel={onClose}
      width={720}
    >
      <Typography.Paragraph>{t('ent.login.intro')}</Typography.Paragraph>
      {login ? (
        <Flex vertical gap={8}>
          {(['docker', 'nerdctl'] as const).map((client) => (
            <Flex key={client} align="center" gap={4}>
              <Typography.Text code style={{ wordBreak: 'break-all' }}>
                {login.commands[client]}
              </Typography.Text>
              <CopyButton
                value={login.commands[client]}
                what={t('ent.login.command', { client })}
              />
            </Flex>
          ))}
          {login.expiresAt ? (
            <Alert
              type="info"
              showIcon
              title={t('ent.login.expires', { at: formatTime(login.expiresAt, locale) })}
            />
          ) : null}
        </Flex>
      ) : (
        <Button type="primary" loading={issue.isPending} onClick={() => issue.mutate()}>
          {t('ent.login.get')}
        </Button>
      )}
      {issue.error ? <ErrorAlert error={issue.error} /> : null}
    </Modal>
  );
}
