import { ApiError, SwrErrorCode, type UserAuth } from '@swr-console/swr-api';
import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Modal } from 'antd';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useT } from '../../../shared/i18n';
import { grantPermissionsCall, type PermissionTarget } from '../api';
import { useGrantPermissions } from '../mutations';
import { permissionQueries } from '../queries';
import { GrantForm } from './GrantForm';
import { useTargetName } from './useTargetName';
import { useNotices } from '../../../shared/notices';

/** IAM lists users only to administrators; everyone else types the grantee in. */
function isIamForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

/** A second grant to a holder: SWR answers 409 rather than changing the level ("busy" is a 409 too). */
function isAlreadyGranted(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return (
    error.code === SwrErrorCode.permissionExists ||
    (error.status === 409 && error.code !== SwrErrorCode.busy)
  );
}

export function GrantModal({
  target,
  open,
  onClose,
  selfId,
  held,
}: {
  target: PermissionTarget;
  open: boolean;
  onClose: () => void;
  selfId: string;
  held: ReadonlySet<string>;
}) {
  const t = useT();
  const notices = useNotices();
  const targetName = useTargetName(target);
  const users = useQuery({ ...permissionQueries.iamUsers(), enabled: open });
  const mutation = useGrantPermissions(target);
  const submit = (grants: UserAuth[]) =>
    mutation.mutate(grants, {
      onSuccess: () => {
        void notices.success(
          t('permissions.granted', {
            users: grants.map((grant) => grant.user_name).join(', '),
            level: t(`permissions.level.${grants[0]!.auth}`),
            target: targetName,
          }),
        );
        close();
      },
    });
  function close() {
    mutation.reset();
    onClose();
  }
  const forbidden = isIamForbidden(users.error);
  return (
    <Modal
      open={open}
      title={t('permissions.grant.title', { target: targetName })}
      footer={null}
      onCancel={close}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        {forbidden ? (
          <Alert
            type="info"
            showIcon
            title={t('permissions.grant.typeIn')}
            description={t('permissions.grant.typeIn.help')}
          />
        ) : null}
        {users.error && !forbidden ? (
          <>
            <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
            <Alert type="info" showIcon title={t('permissions.grant.listFailed')} />
          </>
        ) : null}
        {isAlreadyGranted(mutation.error) ? (
          <Alert type="warning" showIcon title={t('permissions.grant.exists')} />
        ) : null}
        {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
        <GrantForm
          // A switch from picking to typing starts a fresh form.
          key={users.error ? 'type' : 'pick'}
          users={users.error ? undefined : (users.data ?? [])}
          loadingUsers={users.isPending}
          selfId={selfId}
          held={held}
          pending={mutation.isPending}
          request={{
            region: target.region,
            calls: (grants) => [grantPermissionsCall(target, grants)],
          }}
          onSubmit={submit}
          onCancel={close}
        />
      </Flex>
    </Modal>
  );
}
