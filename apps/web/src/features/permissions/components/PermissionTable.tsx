import { DeleteOutlined } from '@ant-design/icons';
import type { AuthLevel, UserAuth } from '@swr-console/swr-api';
import { Button, Flex, Tag } from 'antd';
import { Tooltip } from '../../../shared/components/tooltip/Tooltip';
import { Select } from '../../../shared/components/select/Select';
import { Typography } from '../../../shared/components/typography/Typography';
import { DataTable } from '../../../shared/components/table/DataTable';
import { lazy, useState } from 'react';
import { CopyButton } from '../../../shared/components/CopyButton';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useT } from '../../../shared/i18n';
import type { Holders, PermissionTarget } from '../api';
import { useChangePermission } from '../mutations';
import { LEVELS, LevelTag } from './LevelTag';
import { useTargetName } from './useTargetName';
import { EmptyText } from '../../../shared/components/EmptyText';
import { useNotices } from '../../../shared/notices';
import { PendingMark } from '../../../shared/components/HeldMark';
import { OnceOpened } from '../../../shared/components/OnceOpened';

// Dialogs load when first opened.
const RevokeModal = lazy(async () => ({
  default: (await import('./RevokeModal')).RevokeModal,
}));

interface Row extends UserAuth {
  self: boolean;
}

/** You first, then the others by name. */
export function holderRows(holders: Holders): Row[] {
  const others = holders.others_auths
    .filter((user) => user.user_id !== holders.self_auth.user_id)
    .map((user) => ({ ...user, self: false }))
    .sort((a, b) => a.user_name.localeCompare(b.user_name));
  return [{ ...holders.self_auth, self: true }, ...others];
}

/**
 * Who holds which level. Managers change a level in place and revoke after a confirmation; your
 * own row stays read-only because SWR refuses to change your own permission.
 */
export function PermissionTable({
  target,
  holders,
  canManage,
  loading = false,
}: {
  target: PermissionTarget;
  holders: Holders | undefined;
  canManage: boolean;
  loading?: boolean;
}) {
  const t = useT();
  const notices = useNotices();
  const targetName = useTargetName(target);
  const [revoking, setRevoking] = useState<UserAuth | undefined>();
  const change = useChangePermission(target);
  const changeLevel = (user: UserAuth) =>
    change.mutate(user, {
      onSuccess: () =>
        void notices.success(
          t('permissions.changed', {
            user: user.user_name,
            level: t(`permissions.level.${user.auth}`),
            target: targetName,
          }),
        ),
    });
  return (
    <Flex vertical gap={12}>
      {change.error ? <ErrorAlert error={change.error} /> : null}
      <DataTable<Row>
        rowKey="user_id"
        size="middle"
        loading={loading}
        pagination={false}
        dataSource={holders ? holderRows(holders) : []}
        empty={<EmptyText>{t('permissions.empty')}</EmptyText>}
        columns={[
          {
            key: 'name',
            title: t('permissions.user'),
            render: (_, row) => (
              <Flex gap={8} align="center" wrap>
                <span>{row.user_name}</span>
                {row.self ? <Tag>{t('permissions.you')}</Tag> : null}
              </Flex>
            ),
          },
          {
            key: 'id',
            title: t('permissions.userId'),
            render: (_, row) => (
              <Flex gap={4} align="center">
                <Typography.Text code>{row.user_id}</Typography.Text>
                <CopyButton
                  value={row.user_id}
                  what={t('permissions.userIdOf', { user: row.user_name })}
                />
              </Flex>
            ),
          },
          {
            key: 'level',
            title: t('permissions.level'),
            render: (_, row) => (
              <Flex vertical gap={2} align="start">
                {canManage && !row.self ? (
                  <Select<AuthLevel>
                    aria-label={t('permissions.levelOf', { user: row.user_name })}
                    value={row.auth}
                    disabled={change.isPending}
                    style={{ minWidth: 120 }}
                    options={LEVELS.map((auth) => ({
                      value: auth,
                      label: t(`permissions.level.${auth}`),
                    }))}
                    onChange={(auth) => {
                      if (auth !== row.auth)
                        changeLevel({ user_id: row.user_id, user_name: row.user_name, auth });
                    }}
                  />
                ) : (
                  <LevelTag auth={row.auth} />
                )}
                <Typography.Text>{t(`permissions.levelHelp.${row.auth}`)}</Typography.Text>
              </Flex>
            ),
          },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, row: Row) =>
                    row.self ? null : (
                      <PendingMark
                        region={target.region}
                        operation={
                          target.repository ? 'DeleteUserRepositoryAuth' : 'DeleteNamespaceAuth'
                        }
                        params={{
                          namespace: target.namespace,
                          ...(target.repository && { repository: target.repository }),
                          user_id: row.user_id,
                        }}
                      >
                        <Tooltip title={t('permissions.revoke.label', { user: row.user_name })}>
                          <Button
                            danger
                            type="text"
                            icon={<DeleteOutlined />}
                            aria-label={t('permissions.revoke.label', { user: row.user_name })}
                            onClick={() => setRevoking(row)}
                          />
                        </Tooltip>
                      </PendingMark>
                    ),
                },
              ]
            : []),
        ]}
      />
      <OnceOpened open={revoking !== undefined}>
        <RevokeModal target={target} user={revoking} onClose={() => setRevoking(undefined)} />
      </OnceOpened>
    </Flex>
  );
}
