import { EditOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Registry, ReplicationPolicy } from '@swr-console/swr-api';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Tag } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { DeleteButton } from '../../../shared/components/DeleteButton';
import { EmptyText } from '../../../shared/components/EmptyText';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PendingMark } from '../../../shared/components/HeldMark';
import { DataTable } from '../../../shared/components/table/DataTable';
import { Tooltip } from '../../../shared/components/tooltip/Tooltip';
import { Typography } from '../../../shared/components/typography/Typography';
import { useT, type Translate } from '../../../shared/i18n';
import { useNotices } from '../../../shared/notices';
import type { InstanceRef } from '../api';
import { deleteReplicationPolicyCall } from '../replication-api';
import { useDialog } from '../replication-dialog';
import { useDeleteReplicationPolicy, useRunReplication } from '../replication-mutations';
import { isRunning, replicationQueries } from '../replication-queries';
import { RunStatus } from './ReplicationRunStatus';

// The dialog (antd's modal, the form and its preview) loads when first opened.
const ReplicationPolicyModal = lazy(async () => ({
  default: (await import('./ReplicationPolicyModal')).ReplicationPolicyModal,
}));

/** The filters of a policy in words ("every repository" when it has none). */
export function filtersText(t: Translate, policy: Pick<ReplicationPolicy, 'filters'>): string {
  if (policy.filters.length === 0) return t('repl.filters.none');
  return policy.filters
    .map((filter) =>
      t(filter.type === 'tag' ? 'repl.filters.tag' : 'repl.filters.name', {
        pattern: filter.value,
      }),
    )
    .join('; ');
}

/** The trigger of a policy in words; a schedule with its cron (UTC). */
export function triggerText(t: Translate, policy: Pick<ReplicationPolicy, 'trigger'>): string {
  const { type, trigger_settings: settings } = policy.trigger;
  return type === 'scheduled'
    ? t('repl.trigger.scheduledAt', { cron: settings?.cron ?? '' })
    : t(`repl.trigger.${type}`);
}

/** A policy's newest run: its status and a link to it among the runs. */
function LastRun({
  target,
  policy,
  runsOf,
}: {
  target: InstanceRef;
  policy: ReplicationPolicy;
  runsOf: (policyId: number) => string;
}) {
  const t = useT();
  const latest = useQuery(replicationQueries.latest(target, policy.id));
  if (latest.error) return <ErrorAlert error={latest.error} />;
  if (latest.isPending) return t('common.loading');
  if (!latest.data) return t('repl.lastRun.none');
  return (
    <Space wrap size={4}>
      <RunStatus status={latest.data.status} />
      <Link to={runsOf(policy.id)}>{t('repl.lastRun.link', { id: latest.data.id })}</Link>
    </Space>
  );
}

/** The policy's own delete, blocked while it runs (SWR refuses that). */
function DeletePolicy({ target, policy }: { target: InstanceRef; policy: ReplicationPolicy }) {
  const t = useT();
  const notices = useNotices();
  const latest = useQuery(replicationQueries.latest(target, policy.id));
  const remove = useDeleteReplicationPolicy(target);
  const running = isRunning(latest.data);
  return (
    <DeleteButton
      label={t('repl.policy.deleteOf', { name: policy.name })}
      title={t('repl.policy.deleteTitle', { name: policy.name })}
      blocked={running}
      text={
        running
          ? t('repl.policy.deleteRunning', { name: policy.name, id: latest.data?.id ?? '' })
          : t('repl.policy.deleteText', { name: policy.name })
      }
      mutation={remove}
      variables={policy}
      request={{
        region: target.region,
        calls: () => [deleteReplicationPolicyCall(target, policy.id)],
      }}
      onDeleted={(held) => {
        if (!held) notices.success(t('repl.policy.deleted', { name: policy.name }));
      }}
    />
  );
}

/** The instance's replication policies: create, edit, run now, delete, each with its last run. */
export function ReplicationPolicies({
  target,
  admin,
  runsOf,
}: {
  target: InstanceRef;
  admin: boolean;
  /** The address of the runs tab showing one policy's runs. */
  runsOf: (policyId: number) => string;
}) {
  const t = useT();
  const notices = useNotices();
  const policies = useQuery(replicationQueries.policies(target));
  const registries = useQuery(replicationQueries.registries(target));
  const dialog = useDialog<ReplicationPolicy | 'new'>();
  const editing = dialog.value;
  const run = useRunReplication(target);
  const registryOf = (policy: ReplicationPolicy): Registry | undefined => {
    const id = (policy.dest_registry ?? policy.src_registry)?.id;
    return registries.data?.find((registry) => registry.id === id);
  };
  const runNow = (policy: ReplicationPolicy) =>
    run.mutate(policy.id, {
      onSuccess: (id) => notices.success(t('repl.run.started', { name: policy.name, id })),
    });
  const noRegistries = registries.data?.length === 0;
  const adminTip = admin ? undefined : t('ent.adminOnly');

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Tooltip title={adminTip ?? (noRegistries ? t('repl.policy.needsRegistry') : undefined)}>
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            disabled={!admin || noRegistries}
            onClick={() => dialog.open('new')}
          >
            {t('repl.policy.create')}
          </Button>
        </Tooltip>
        <Typography.Text type="secondary">{t('repl.policies.intro')}</Typography.Text>
      </Space>
      {run.error ? <ErrorAlert error={run.error} /> : null}
      {policies.error ? (
        <ErrorAlert error={policies.error} onRetry={() => void policies.refetch()} />
      ) : (
        <DataTable<ReplicationPolicy>
          rowKey="id"
          aria-label={t('repl.policies.title')}
          loading={policies.isPending}
          dataSource={policies.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          empty={<EmptyText>{t('repl.policies.empty')}</EmptyText>}
          columns={[
            { key: 'name', title: t('repl.policy.name'), dataIndex: 'name' },
            {
              key: 'direction',
              title: t('repl.policy.direction'),
              render: (_, policy) => t(policy.src_registry ? 'repl.pull' : 'repl.push'),
            },
            {
              key: 'registry',
              title: t('repl.policy.registry'),
              render: (_, policy) => {
                const registry = registryOf(policy);
                const id = (policy.dest_registry ?? policy.src_registry)?.id ?? 0;
                return (
                  <>
                    {registry?.name ?? t('repl.policy.registryMissing', { id })}
                    {policy.dest_namespace ? (
                      <div>{t('repl.policy.into', { namespace: policy.dest_namespace })}</div>
                    ) : null}
                  </>
                );
              },
            },
            {
              key: 'filters',
              title: t('repl.policy.filters'),
              render: (_, policy) => filtersText(t, policy),
            },
            {
              key: 'trigger',
              title: t('repl.policy.trigger'),
              render: (_, policy) => triggerText(t, policy),
            },
            {
              key: 'enabled',
              title: t('repl.policy.enabled'),
              render: (_, policy) =>
                policy.enabled ? (
                  <Tag color="blue">{t('repl.policy.on')}</Tag>
                ) : (
                  <Tag>{t('repl.policy.off')}</Tag>
                ),
            },
            {
              key: 'last',
              title: t('repl.policy.lastRun'),
              render: (_, policy) => <LastRun target={target} policy={policy} runsOf={runsOf} />,
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, policy) => (
                <PendingMark
                  region={target.region}
                  operation="DeleteInstanceReplicationPolicy"
                  params={{ instance_id: target.instance, policy_id: policy.id }}
                >
                  <Space wrap>
                    <Tooltip
                      title={adminTip ?? (policy.enabled ? undefined : t('repl.run.disabled'))}
                    >
                      <Button
                        size="small"
                        icon={<PlayCircleOutlined aria-hidden />}
                        aria-label={t('repl.run.of', { name: policy.name })}
                        disabled={!admin || !policy.enabled}
                        loading={run.isPending && run.variables === policy.id}
                        onClick={() => runNow(policy)}
                      >
                        {t('repl.run.now')}
                      </Button>
                    </Tooltip>
                    <Tooltip title={adminTip}>
                      <Button
                        size="small"
                        icon={<EditOutlined aria-hidden />}
                        aria-label={t('repl.policy.editOf', { name: policy.name })}
                        disabled={!admin}
                        onClick={() => dialog.open(policy)}
                      >
                        {t('common.edit')}
                      </Button>
                    </Tooltip>
                    {admin ? <DeletePolicy target={target} policy={policy} /> : null}
                  </Space>
                </PendingMark>
              ),
            },
          ]}
        />
      )}
      {editing ? (
        <Suspense fallback={null}>
          <ReplicationPolicyModal
            target={target}
            editing={editing === 'new' ? undefined : editing}
            registries={registries.data ?? []}
            taken={
              new Set(
                (policies.data ?? [])
                  .filter((p) => editing === 'new' || p.id !== editing.id)
                  .map((p) => p.name),
              )
            }
            onClose={dialog.close}
          />
        </Suspense>
      ) : null}
    </>
  );
}
