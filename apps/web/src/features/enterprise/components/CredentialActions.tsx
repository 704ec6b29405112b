import { CheckCircleOutlined, StopOutlined } from '@ant-design/icons';
import type { LtCredential } from '@swr-console/swr-api';
import { Alert, Button, Space } from 'antd';
import { DeleteButton } from '../../../shared/components/DeleteButton';
import { useDeleteConfirm } from '../../../shared/components/DeleteConfirm';
import { useLocale, useT } from '../../../shared/i18n';
import { useNotices } from '../../../shared/notices';
import type { InstanceRef } from '../api';
import { deleteCredentialCall, setEnabledCall } from '../credentials-api';
import { useDeleteCredential, useSetCredentialEnabled } from '../credentials-mutations';
import { formatAgo, recentUse } from '../credentials-rules';

/**
 * What a confirmation says about a credential used in the last 24 hours: prominently, since
 * whoever logs in with it (a registry, a CI job) is refused from then on. Nothing otherwise.
 */
export function RecentUseWarning({
  lastUsedAt,
  now = Date.now(),
}: {
  lastUsedAt: string | undefined;
  now?: number;
}) {
  const t = useT();
  const [locale] = useLocale();
  const ago = recentUse(lastUsedAt, now);
  return ago === undefined ? null : (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 12 }}
      title={t('cred.recent', { ago: formatAgo(ago, locale) })}
    />
  );
}

/**
 * A credential's actions: enable at once, disable and delete after a confirmation naming it (and
 * saying so when it was used lately). Errors of the confirmed ones show in their dialog; a failed
 * enable is the page's to show (`onEnableError`).
 */
export function CredentialActions({
  target,
  credential,
  onEnableError,
}: {
  target: InstanceRef;
  credential: LtCredential;
  /** A failed enable (undefined when another is tried). */
  onEnableError: (error: Error | undefined) => void;
}) {
  const t = useT();
  const notices = useNotices();
  const toggle = useSetCredentialEnabled(target);
  const remove = useDeleteCredential(target);
  const [confirm, holder] = useDeleteConfirm();
  const { name, token_id: tokenId, user_id: user } = credential;
  const warning = <RecentUseWarning lastUsedAt={credential.last_used_at} />;
  return (
    <>
      <Space wrap>
        {credential.enable ? (
          <Button
            size="small"
            icon={<StopOutlined aria-hidden />}
            aria-label={t('cred.disableOf', { name })}
            onClick={() =>
              confirm({
                title: t('cred.disable.title', { name }),
                text: (
                  <>
                    {t('cred.disable.text', { name, user })}
                    {warning}
                  </>
                ),
                okText: t('cred.disable'),
                request: {
                  region: target.region,
                  calls: () => [setEnabledCall(target, tokenId, false)],
                },
                run: () => toggle.mutateAsync({ tokenId, enable: false }),
              })
            }
          >
            {t('cred.disable')}
          </Button>
        ) : (
          <Button
            size="small"
            icon={<CheckCircleOutlined aria-hidden />}
            aria-label={t('cred.enableOf', { name })}
            loading={toggle.isPending}
            onClick={() => {
              onEnableError(undefined);
              toggle.mutate({ tokenId, enable: true }, { onError: onEnableError });
            }}
          >
            {t('cred.enable')}
          </Button>
        )}
        <DeleteButton
          label={t('cred.deleteOf', { name })}
          title={t('cred.delete.title', { name })}
          text={
            <>
              {t('cred.delete.text', { name, user })}
              {warning}
            </>
          }
          mutation={remove}
          variables={tokenId}
          request={{ region: target.region, calls: () => [deleteCredentialCall(target, tokenId)] }}
          onDeleted={(held) => {
            if (!held) void notices.success(t('cred.deleted', { name }));
          }}
        />
      </Space>
      {holder}
    </>
  );
}
