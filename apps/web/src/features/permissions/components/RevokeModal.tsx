import type { UserAuth } from '@swr-console/swr-api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Modal, Typography } from 'antd';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useT } from '../../../shared/i18n';
import { revokePermission, type PermissionTarget } from '../api';
import { refreshAfterChange } from '../queries';
import { useTargetName } from './useTargetName';

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
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const targetName = useTargetName(target);
  const mutation = useMutation({
    mutationFn: (revoked: UserAuth) => revokePermission(target, revoked.user_id),
    onSuccess: async (_, revoked) => {
      void message.success(
        t('permissions.revoked', { user: revoked.user_name, target: targetName }),
      );
      onClose();
      await refreshAfterChange(queryClient, target);
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
      onOk={() => user && mutation.mutate(user)}
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
        </>
      ) : null}
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
    </Modal>
  );
}
