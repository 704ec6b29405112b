import { ApiOutlined, PlusOutlined } from '@ant-design/icons';
import type { Registry } from '@swr-console/swr-api';
import { useQuery } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { DeleteButton } from '../../../shared/components/DeleteButton';
import { EmptyText } from '../../../shared/components/EmptyText';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PendingMark } from '../../../shared/components/HeldMark';
import { DataTable } from '../../../shared/components/table/DataTable';
import { Tooltip } from '../../../shared/components/tooltip/Tooltip';
import { Typography } from '../../../shared/components/typography/Typography';
import { useT } from '../../../shared/i18n';
import { useNotices } from '../../../shared/notices';
import type { InstanceRef } from '../api';
import { deleteRegistryCall } from '../replication-api';
import { useDeleteRegistry, useTestRegistry } from '../replication-mutations';
import { replicationQueries } from '../replication-queries';
import { useDialog } from '../replication-dialog';
import { REGISTRY_TYPES } from '../replication-rules';
import { Health } from './ReplicationRunStatus';

// The dialog (antd's modal) loads when first opened.
const ReplicationRegistryModal = lazy(async () => ({
  default: (await import('./ReplicationRegistryModal')).ReplicationRegistryModal,
}));

/** What a test of one registry found: said in a live region beside its button. */
type Tested = { id: number; found: Registry } | { id: number; error: Error };

/**
 * The instance's registries: add, edit, test the connection (SWR checks a registry when it is
 * read), delete. A registry that policies use is not offered for deletion: the dialog names them.
 */
export function ReplicationRegistries({ target, admin }: { target: InstanceRef; admin: boolean }) {
  const t = useT();
  const notices = useNotices();
  const registries = useQuery(replicationQueries.registries(target));
  const policies = useQuery(replicationQueries.policies(target));
  const dialog = useDialog<Registry | 'new'>();
  const editing = dialog.value;
  const [tested, setTested] = useState<Tested>();
  const test = useTestRegistry(target);
  const remove = useDeleteRegistry(target);

  const users = (registry: Registry) =>
    (policies.data ?? [])
      .filter((policy) => (policy.dest_registry ?? policy.src_registry)?.id === registry.id)
      .map((policy) => policy.name);
  const runTest = (registry: Registry) =>
    test.mutate(registry.id, {
      onSuccess: (found) => setTested({ id: registry.id, found }),
      onError: (error) => setTested({ id: registry.id, error }),
    });
  const testResult = (registry: Registry) => {
    if (tested?.id !== registry.id) return null;
    if ('error' in tested) return <ErrorAlert error={tested.error} />;
    return tested.found.status === 'healthy'
      ? t('repl.test.healthy', { name: registry.name })
      : t('repl.test.unhealthy', {
          name: registry.name,
          reason: tested.found.status_text ?? '',
        });
  };
  const typeLabel = (type: string) =>
    (REGISTRY_TYPES as readonly string[]).includes(type) ? t(`repl.registry.type.${type}`) : type;

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Tooltip title={admin ? undefined : t('ent.adminOnly')}>
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            disabled={!admin}
            onClick={() => dialog.open('new')}
          >
            {t('repl.registry.add')}
          </Button>
        </Tooltip>
        <Typography.Text type="secondary">{t('repl.registries.intro')}</Typography.Text>
      </Space>
      {registries.error ? (
        <ErrorAlert error={registries.error} onRetry={() => void registries.refetch()} />
      ) : (
        <DataTable<Registry>
          rowKey="id"
          aria-label={t('repl.registries.title')}
          loading={registries.isPending}
          dataSource={registries.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          empty={<EmptyText>{t('repl.registries.empty')}</EmptyText>}
          columns={[
            { key: 'name', title: t('repl.registry.name'), dataIndex: 'name' },
            {
              key: 'type',
              title: t('repl.registry.type'),
              render: (_, registry) => typeLabel(registry.type),
            },
            {
              key: 'url',
              title: t('repl.registry.url'),
              render: (_, registry) => <Typography.Text code>{registry.url}</Typography.Text>,
            },
            {
              key: 'user',
              title: t('repl.registry.username'),
              render: (_, registry) =>
                registry.credential?.access_key || t('repl.registry.anonymous'),
            },
            {
              key: 'health',
              title: t('repl.registry.health'),
              render: (_, registry) => (
                <Health status={registry.status} reason={registry.status_text} />
              ),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, registry) => (
                <PendingMark
                  region={target.region}
                  operation="DeleteInstanceRegistry"
                  params={{ instance_id: target.instance, registry_id: registry.id }}
                >
                  <Space wrap>
                    <Button
                      size="small"
                      icon={<ApiOutlined aria-hidden />}
                      aria-label={t('repl.test.of', { name: registry.name })}
                      loading={test.isPending && test.variables === registry.id}
                      onClick={() => runTest(registry)}
                    >
                      {t('repl.test')}
                    </Button>
                    <Tooltip title={admin ? undefined : t('ent.adminOnly')}>
                      <Button
                        size="small"
                        disabled={!admin}
                        aria-label={t('repl.registry.editOf', { name: registry.name })}
                        onClick={() => dialog.open(registry)}
                      >
                        {t('common.edit')}
                      </Button>
                    </Tooltip>
                    {admin ? (
                      <DeleteButton
                        label={t('repl.registry.deleteOf', { name: registry.name })}
                        title={t('repl.registry.deleteTitle', { name: registry.name })}
                        blocked={users(registry).length > 0}
                        text={
                          users(registry).length > 0
                            ? t('repl.registry.inUse', {
                                name: registry.name,
                                policies: users(registry).join(', '),
                              })
                            : t('repl.registry.deleteText', {
                                name: registry.name,
                                url: registry.url,
                              })
                        }
                        mutation={remove}
                        variables={registry.id}
                        request={{
                          region: target.region,
                          calls: () => [deleteRegistryCall(target, registry.id)],
                        }}
                        onDeleted={(held) => {
                          if (!held)
                            notices.success(t('repl.registry.deleted', { name: registry.name }));
                        }}
                      />
                    ) : null}
                  </Space>
                  <div role="status">{testResult(registry)}</div>
                </PendingMark>
              ),
            },
          ]}
        />
      )}
      {editing ? (
        <Suspense fallback={null}>
          <ReplicationRegistryModal
            target={target}
            editing={editing === 'new' ? undefined : editing}
            taken={
              new Set(
                (registries.data ?? [])
                  .filter((r) => editing === 'new' || r.id !== editing.id)
                  .map((r) => r.name),
              )
            }
            onClose={dialog.close}
          />
        </Suspense>
      ) : null}
    </>
  );
}
