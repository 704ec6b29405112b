import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Share } from '@swr-console/swr-api';
import { Alert, Button, Flex, Space } from 'antd';
import { useDeleteConfirm } from '../../shared/components/DeleteConfirm';
import { Typography } from '../../shared/components/typography/Typography';
import { DataTable } from '../../shared/components/table/DataTable';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { EmptyText } from '../../shared/components/EmptyText';
import { RowActions } from '../../shared/components/RowActions';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { formatTime } from '../../shared/format';
import { useLocale, useT } from '../../shared/i18n';
import { useSession } from '../../shared/session';
import { deleteShareCall, type RepositoryRef } from './api';
import { AccessCheck } from './components/AccessCheck';
import { isExpired } from './deadline';
import { useDeleteShare } from './mutations';
import { sharingQueries } from './queries';
import { useNotices } from '../../shared/notices';
import { PendingMark } from '../../shared/components/HeldMark';

// Dialogs load when first opened.
const ShareModal = lazy(async () => ({
  default: (await import('./components/ShareModal')).ShareModal,
}));

/**
 * The accounts that may pull this private repository: shared read-only, within the region, until
 * a day or for good. Managers add, change and remove shares; everyone may check an account.
 */
export function SharingPanel({
  region,
  namespace,
  repository,
  isPublic,
  canManage,
}: RepositoryRef & { isPublic: boolean; canManage: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const notices = useNotices();
  const [confirm, confirmHolder] = useDeleteConfirm();
  const titleId = useId();
  const session = useSession();
  const target = useMemo(
    () => ({ region, namespace, repository }),
    [region, namespace, repository],
  );
  const name = `${namespace}/${repository}`;
  const shares = useQuery(sharingQueries.shares(target));
  const [dialog, setDialog] = useState<{ editing: Share | undefined }>();
  const remove = useDeleteShare(target);
  const confirmDelete = (share: Share) =>
    confirm({
      title: t('sharing.delete.title', { account: share.access_domain, repository: name }),
      text: t('sharing.delete.body', { account: share.access_domain }),
      okText: t('sharing.delete.ok'),
      request: { region, calls: () => [deleteShareCall(target, share.access_domain)] },
      run: () =>
        remove
          .mutateAsync(share.access_domain)
          .then(
            () =>
              void notices.success(
                t('sharing.deleted', { account: share.access_domain, repository: name }),
              ),
          ),
    });
  const now = new Date();

  return (
    <section aria-labelledby={titleId}>
      {confirmHolder}
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={3} id={titleId} style={{ margin: 0, fontSize: 18 }}>
            {t('sharing.title')}
          </Typography.Title>
          {canManage && !isPublic ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setDialog({ editing: undefined })}
            >
              {t('sharing.create')}
            </Button>
          ) : null}
        </Flex>
        <Typography.Paragraph style={{ margin: 0 }}>{t('sharing.intro')}</Typography.Paragraph>
        {isPublic ? <Alert type="info" showIcon title={t('sharing.public')} /> : null}
        {canManage ? null : (
          <Typography.Paragraph style={{ margin: 0 }}>{t('sharing.readOnly')}</Typography.Paragraph>
        )}
        {shares.error ? (
          <ErrorAlert error={shares.error} onRetry={() => void shares.refetch()} />
        ) : (
          <DataTable<Share>
            size="small"
            rowKey="access_domain"
            loading={shares.isPending}
            dataSource={shares.data}
            pagination={{ hideOnSinglePage: true, defaultPageSize: 20 }}
            empty={<EmptyText>{t('sharing.empty')}</EmptyText>}
            columns={[
              {
                key: 'account',
                title: t('sharing.account'),
                render: (_, share) => (
                  <Typography.Text strong>{share.access_domain}</Typography.Text>
                ),
              },
              {
                key: 'deadline',
                title: t('sharing.validity'),
                render: (_, share) =>
                  share.deadline === 'forever' ? (
                    t('sharing.forever')
                  ) : (
                    <Space size={4} wrap>
                      <span>
                        {t('sharing.through', {
                          day: share.deadline.slice(0, 10),
                        })}
                      </span>
                      {isExpired(share.deadline, now) ? (
                        <Typography.Text type="danger" strong>
                          {t('sharing.expired')}
                        </Typography.Text>
                      ) : null}
                    </Space>
                  ),
              },
              { key: 'description', title: t('sharing.description'), dataIndex: 'description' },
              { key: 'creator', title: t('sharing.creator'), dataIndex: 'creator_name' },
              {
                key: 'updated',
                title: t('sharing.updatedAt'),
                render: (_, share) => formatTime(share.updated, locale),
              },
              ...(canManage
                ? [
                    {
                      key: 'actions',
                      title: t('common.actions'),
                      render: (_: unknown, share: Share) => (
                        <PendingMark
                          region={region}
                          operation="DeleteRepoDomains"
                          params={{ namespace, repository, access_domain: share.access_domain }}
                        >
                          <RowActions
                            editLabel={t('sharing.edit', { account: share.access_domain })}
                            deleteLabel={t('sharing.delete', { account: share.access_domain })}
                            deleteText={t('sharing.delete.ok')}
                            onEdit={() => setDialog({ editing: share })}
                            onDelete={() => confirmDelete(share)}
                          />
                        </PendingMark>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
        <AccessCheck target={target} />
      </Flex>
      {dialog ? (
        <Suspense fallback={null}>
          <ShareModal
            target={target}
            ownAccount={session?.account.name ?? ''}
            editing={dialog.editing}
            open
            onClose={() => setDialog(undefined)}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
