import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Trigger } from '@swr-console/swr-api';
import { Button, Flex, Switch } from 'antd';
import { useDeleteConfirm } from '../../shared/components/DeleteConfirm';
import { Typography } from '../../shared/components/typography/Typography';
import { DataTable } from '../../shared/components/table/DataTable';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { EmptyText } from '../../shared/components/EmptyText';
import { RowActions } from '../../shared/components/RowActions';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { formatTime } from '../../shared/format';
import { useLocale, useT } from '../../shared/i18n';
import { deleteTriggerCall, type RepositoryRef } from './api';
import { useDeleteTrigger, useSetTriggerEnabled } from './mutations';
import { triggerQueries } from './queries';
import { fromTrigger, type TriggerValues } from './trigger-form';
import { useNotices } from '../../shared/notices';
import { PendingMark } from '../../shared/components/HeldMark';

// Dialogs load when first opened.
const TriggerModal = lazy(async () => ({
  default: (await import('./components/TriggerModal')).TriggerModal,
}));

type History = Trigger['trigger_history'][number];

/**
 * Triggers update a CCE or CCI workload to the image when matching tags are pushed. Listed with
 * what fires them, the workload, whether they are on, and what each firing did.
 */
export function TriggersPanel({
  region,
  namespace,
  repository,
  canManage,
}: RepositoryRef & { canManage: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const notices = useNotices();
  const [confirm, confirmHolder] = useDeleteConfirm();
  const titleId = useId();
  const target = useMemo(
    () => ({ region, namespace, repository }),
    [region, namespace, repository],
  );
  const triggers = useQuery(triggerQueries.list(target));
  const [dialog, setDialog] = useState<{ editing: TriggerValues | undefined }>();
  const toggle = useSetTriggerEnabled(target);
  // Each switch says how it went, even while another is still on its way (the error shows below).
  const switchTrigger = (name: string, enabled: boolean) =>
    void toggle.mutateAsync({ name, enabled }).then(
      () =>
        void notices.success(t(enabled ? 'triggers.enabledNow' : 'triggers.disabledNow', { name })),
      () => undefined,
    );
  const remove = useDeleteTrigger(target);
  const confirmDelete = (trigger: Trigger) =>
    confirm({
      title: t('triggers.delete.title', { name: trigger.name }),
      text: t('triggers.delete.body', {
        application: `${trigger.cluster_ns}/${trigger.application}`,
      }),
      request: { region, calls: () => [deleteTriggerCall(target, trigger.name)] },
      run: () =>
        remove.mutateAsync(trigger.name).then((held) => {
          if (!held) void notices.success(t('triggers.deleted', { name: trigger.name }));
        }),
    });
  const names = new Set((triggers.data ?? []).map((trigger) => trigger.name));

  return (
    <section aria-labelledby={titleId}>
      {confirmHolder}
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={3} id={titleId} style={{ margin: 0, fontSize: 18 }}>
            {t('triggers.title')}
          </Typography.Title>
          {canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setDialog({ editing: undefined })}
            >
              {t('triggers.create')}
            </Button>
          ) : null}
        </Flex>
        <Typography.Paragraph style={{ margin: 0 }}>{t('triggers.intro')}</Typography.Paragraph>
        {canManage ? null : (
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('triggers.readOnly')}
          </Typography.Paragraph>
        )}
        {toggle.error ? <ErrorAlert error={toggle.error} /> : null}
        {triggers.error ? (
          <ErrorAlert error={triggers.error} onRetry={() => void triggers.refetch()} />
        ) : (
          <DataTable<Trigger>
            size="small"
            rowKey="name"
            loading={triggers.isPending}
            dataSource={triggers.data}
            pagination={false}
            empty={<EmptyText>{t('triggers.empty')}</EmptyText>}
            expandable={{
              expandable: (trigger) => trigger.trigger_history.length > 0,
              render: (trigger) => (
                <DataTable<History>
                  size="small"
                  rowKey={(entry) => `${entry.created_at}-${entry.tag}`}
                  dataSource={trigger.trigger_history}
                  pagination={{ hideOnSinglePage: true, defaultPageSize: 10 }}
                  columns={[
                    {
                      key: 'time',
                      title: t('triggers.history.time'),
                      render: (_, entry) => formatTime(entry.created_at, locale),
                    },
                    { key: 'tag', title: t('triggers.history.tag'), dataIndex: 'tag' },
                    { key: 'result', title: t('triggers.history.result'), dataIndex: 'result' },
                    { key: 'detail', title: t('triggers.history.detail'), dataIndex: 'detail' },
                  ]}
                />
              ),
            }}
            columns={[
              {
                key: 'name',
                title: t('triggers.name'),
                render: (_, trigger) => <Typography.Text strong>{trigger.name}</Typography.Text>,
              },
              {
                key: 'fires',
                title: t('triggers.type'),
                render: (_, trigger) =>
                  trigger.trigger_type === 'all'
                    ? t('triggers.type.all')
                    : `${t(trigger.trigger_type === 'tag' ? 'triggers.type.tag' : 'triggers.type.regular')}: ${trigger.condition}`,
              },
              {
                key: 'workload',
                title: t('triggers.workload'),
                render: (_, trigger) =>
                  [
                    trigger.trigger_mode === 'cci'
                      ? 'CCI'
                      : trigger.cluster_name || trigger.cluster_id,
                    trigger.cluster_ns,
                    `${trigger.app_type}/${trigger.application}`,
                  ].join(' · '),
              },
              {
                key: 'enabled',
                title: t('triggers.enabled'),
                render: (_, trigger) => (
                  <Switch
                    checked={trigger.enable === 'true'}
                    disabled={!canManage}
                    loading={toggle.isPending && toggle.variables?.name === trigger.name}
                    aria-label={t('triggers.enabledOf', { name: trigger.name })}
                    onChange={(enabled) => switchTrigger(trigger.name, enabled)}
                  />
                ),
              },
              {
                key: 'created',
                title: t('triggers.created'),
                render: (_, trigger) =>
                  `${formatTime(trigger.created_at, locale)} · ${trigger.creator_name}`,
              },
              ...(canManage
                ? [
                    {
                      key: 'actions',
                      title: t('common.actions'),
                      render: (_: unknown, trigger: Trigger) => (
                        <PendingMark
                          region={region}
                          operation="DeleteTrigger"
                          params={{ namespace, repository, trigger: trigger.name }}
                        >
                          <RowActions
                            editLabel={t('triggers.edit', { name: trigger.name })}
                            deleteLabel={t('triggers.delete', { name: trigger.name })}
                            onEdit={() => setDialog({ editing: fromTrigger(trigger) })}
                            onDelete={() => confirmDelete(trigger)}
                          />
                        </PendingMark>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Flex>
      {dialog ? (
        <Suspense fallback={null}>
          <TriggerModal
            target={target}
            editing={dialog.editing}
            taken={new Set([...names].filter((name) => name !== dialog.editing?.name))}
            onClose={() => setDialog(undefined)}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
