import { PlusOutlined } from '@ant-design/icons';
import type { WebhookPolicy } from '@swr-console/swr-api';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex } from 'antd';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { DeleteButton } from '../../../shared/components/DeleteButton';
import { EmptyText } from '../../../shared/components/EmptyText';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PendingMark } from '../../../shared/components/HeldMark';
import { RefreshButton } from '../../../shared/components/RefreshButton';
import { DataTable } from '../../../shared/components/table/DataTable';
import { Typography } from '../../../shared/components/typography/Typography';
import { formatTime } from '../../../shared/format';
import { useWatchingUntil } from '../../../shared/freshness';
import { useLocale, useT } from '../../../shared/i18n';
import { useListState } from '../../../shared/list-state';
import type { InstanceRef } from '../api';
import { securityQueries } from '../security-queries';
import { deleteWebhookCall } from '../webhook-api';
import { useDeleteWebhook, useToggleWebhook } from '../webhook-mutations';
import { followDeliveries, webhookKeys, webhookQueries } from '../webhook-queries';
import { DeliveryStatusTag, WebhookDeliveries } from './WebhookDeliveries';
import { WebhookSwitch } from './WebhookSwitch';

// The dialog loads when first opened.
const WebhookModal = lazy(async () => ({
  default: (await import('./WebhookModal')).WebhookModal,
}));

/** The history's state in the address: which webhook, its status filter and page. */
const HISTORY = { pageSize: 10, pageSizes: [10, 20, 50], filters: ['webhook', 'status'] } as const;

/** The newest delivery of a webhook, followed while it is still to end. */
function LastDelivery({
  target,
  namespace,
  webhook,
}: {
  target: InstanceRef;
  namespace: string;
  webhook: number;
}) {
  const t = useT();
  const [locale] = useLocale();
  const last = useQuery({
    ...webhookQueries.deliveries(target, namespace, webhook, { offset: 0, limit: 1 }),
    refetchInterval: followDeliveries(useWatchingUntil()),
  });
  const job = last.data?.jobs[0];
  if (last.isPending) return t('common.loading');
  if (!job) return <Typography.Text type="secondary">{t('wh.last.none')}</Typography.Text>;
  return (
    <Flex gap={4} align="center" wrap>
      <DeliveryStatusTag status={job.status} />
      <Typography.Text type="secondary">{formatTime(job.updated_at, locale)}</Typography.Text>
    </Flex>
  );
}

/**
 * A namespace's webhooks: what each calls on which pushes, whether it is on, how its last delivery
 * went; create, edit, switch on and off, delete, and each one's delivery history.
 */
export function WebhooksPanel({
  target,
  namespace,
  admin,
}: {
  target: InstanceRef;
  namespace: string;
  admin: boolean;
}) {
  const t = useT();
  const noteId = useId();
  const detail = useQuery(securityQueries.namespace(target, namespace));
  const webhooks = useQuery({
    ...webhookQueries.list(target, namespace, detail.data?.namespace_id ?? 0),
    enabled: detail.data !== undefined,
  });
  const toggle = useToggleWebhook(target, namespace);
  const remove = useDeleteWebhook(target, namespace);
  const [editing, setEditing] = useState<WebhookPolicy | 'new'>();
  const [history, setHistory] = useListState(HISTORY);
  const shownId = Number(history.filters.webhook);
  const shown = webhooks.data?.find((webhook) => webhook.id === shownId);
  const taken = useMemo(
    () =>
      new Set(
        (webhooks.data ?? [])
          .filter((webhook) => editing === 'new' || webhook.id !== editing?.id)
          .map((webhook) => webhook.name),
      ),
    [webhooks.data, editing],
  );
  const error = detail.error ?? webhooks.error;
  if (error)
    return (
      <ErrorAlert
        error={error}
        onRetry={() => void (detail.error ? detail.refetch() : webhooks.refetch())}
      />
    );
  // Admin-only actions point to the note that says why they are off.
  const why = admin ? {} : { 'aria-describedby': noteId };

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          disabled={!admin}
          {...why}
          onClick={() => setEditing('new')}
        >
          {t('wh.create')}
        </Button>
        <RefreshButton queryKeys={[webhookKeys.all(target, namespace)]} />
        <Typography.Text type="secondary" id={noteId}>
          {admin ? t('wh.intro') : t('ent.adminOnly')}
        </Typography.Text>
      </Flex>
      {toggle.error ? <ErrorAlert error={toggle.error} /> : null}
      <DataTable
        rowKey="id"
        aria-label={t('wh.list.title', { namespace })}
        loading={webhooks.isPending}
        dataSource={webhooks.data ?? []}
        pagination={false}
        empty={<EmptyText>{t('wh.list.empty')}</EmptyText>}
        columns={[
          {
            key: 'name',
            title: t('wh.name'),
            render: (_, webhook) => (
              <Flex vertical>
                <Typography.Text strong>{webhook.name}</Typography.Text>
                {webhook.description ? (
                  <Typography.Text type="secondary">{webhook.description}</Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          {
            key: 'targets',
            title: t('wh.targets'),
            render: (_, webhook) => (
              <Flex vertical gap={2}>
                {webhook.targets.map((one) => (
                  <span key={one.address}>
                    <Typography.Text code>{one.address}</Typography.Text>{' '}
                    <Typography.Text type="secondary">
                      {one.address_type === 'internet'
                        ? t('wh.addressType.internet')
                        : t('wh.addressType.internal')}
                    </Typography.Text>
                  </span>
                ))}
              </Flex>
            ),
          },
          {
            key: 'events',
            title: t('wh.events'),
            render: (_, webhook) =>
              webhook.event_types
                .map((event) => (event === 'PUSH_ARTIFACT' ? t('wh.event.push') : event))
                .join(', '),
          },
          {
            key: 'enabled',
            title: t('wh.enabled'),
            render: (_, webhook) => (
              <WebhookSwitch
                checked={webhook.enabled}
                disabled={!admin}
                busy={toggle.isPending && toggle.variables?.id === webhook.id}
                aria-label={t('wh.enabledOf', { name: webhook.name })}
                {...why}
                onChange={() => toggle.mutate(webhook)}
              />
            ),
          },
          {
            key: 'last',
            title: t('wh.last'),
            render: (_, webhook) => (
              <LastDelivery target={target} namespace={namespace} webhook={webhook.id} />
            ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, webhook) => (
              <Flex gap={4} wrap>
                <Button
                  size="small"
                  aria-label={t('wh.history.of', { name: webhook.name })}
                  aria-pressed={shown?.id === webhook.id}
                  // Shown already: the same button hides it.
                  onClick={() =>
                    setHistory({
                      filters: {
                        webhook: shown?.id === webhook.id ? '' : String(webhook.id),
                        status: '',
                      },
                    })
                  }
                >
                  {t('wh.history')}
                </Button>
                <PendingMark
                  region={target.region}
                  operation="DeleteInstanceWebhook"
                  params={{
                    instance_id: target.instance,
                    namespace_name: namespace,
                    policy_id: webhook.id,
                  }}
                >
                  <Button
                    size="small"
                    disabled={!admin}
                    aria-label={t('wh.edit', { name: webhook.name })}
                    {...why}
                    onClick={() => setEditing(webhook)}
                  >
                    {t('common.edit')}
                  </Button>
                  <DeleteButton
                    label={t('wh.deleteOf', { name: webhook.name })}
                    title={t('wh.delete.title', { name: webhook.name })}
                    text={admin ? t('wh.delete.text', { name: webhook.name }) : t('ent.adminOnly')}
                    blocked={!admin}
                    mutation={remove}
                    variables={webhook}
                    request={{
                      region: target.region,
                      calls: () => [deleteWebhookCall(target, namespace, webhook.id)],
                    }}
                    onDeleted={() =>
                      shown?.id === webhook.id
                        ? setHistory({ filters: { webhook: '' } })
                        : undefined
                    }
                  />
                </PendingMark>
              </Flex>
            ),
          },
        ]}
      />
      {shown ? (
        <WebhookDeliveries
          target={target}
          namespace={namespace}
          webhook={shown}
          status={history.filters.status}
          page={history.page}
          pageSize={history.pageSize}
          onChange={setHistory}
        />
      ) : null}
      {editing ? (
        <Suspense fallback={null}>
          <WebhookModal
            target={target}
            namespace={namespace}
            editing={editing === 'new' ? undefined : editing}
            taken={taken}
            onClose={() => setEditing(undefined)}
          />
        </Suspense>
      ) : null}
    </Flex>
  );
}
