import type { UserAuth } from '@swr-console/swr-api';
import { Modal } from 'antd';
import { Typography } from '../../../shared/components/typography/Typography';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useT } from '../../../shared/i18n';
import { revokePermissionCall, type PermissionTarget } from '../api';
import { ShowRequest } from '../../../shared/components/ShowRequest';
import { useRevokePermission } from '../mutations';
import { useTargetName } from './useTargetName';
import { useNotices } from '../../../shared/notices';

/**
 * Revoking asks first, naming the user and what they can no longer do, and where they may keep
 * access (a grant on the organization, or on single repositories), so nobody is surprised.
 */
export function RevokeModal({
  target,
  user,
  onClose,
}: {
  target: PermissionTarget;
  user: UserAuth | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const notices = useNotices();
  const targetName = useTargetName(target);
  const mutation = useRevokePermission(target);
  const revoke = (revoked: UserAuth) =>
    mutation.mutate(revoked, {
      onSuccess: (held) => {
        if (!held)
          void notices.success(
            t('permissions.revoked', { user: revoked.user_name, target: targetName }),
          );
        onClose();
      },
    });
  return (
    <Modal
      open={user !== undefined}
      title={user ? t('permissions.revoke.title', { user: user.user_name }) : null}
      okText={t('permissions.revoke')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => user && revoke(user)}
      onCancel={() => {
        mutation.reset();
        onClose();
      }}
      destroyOnHidden
    >
      {user ? (
        <>
          <Typography.Paragraph>
            {t('permissions.revoke.what', {
              user: user.user_name,
              id: user.user_id,
              level: t(`permissions.level.${user.auth}`),
              target: targetName,
              can: t(`permissions.levelCan.${user.auth}`),
            })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            {target.repository
              ? t('permissions.revoke.keepsNamespace', { namespace: target.namespace })
              : t('permissions.revoke.keepsRepositories')}
          </Typography.Paragraph>
          <ShowRequest
            region={target.region}
            calls={() => [revokePermissionCall(target, user.user_id)]}
          />
        </>
      ) : null}
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
    </Modal>
  );
}
