import { RedoOutlined, StopOutlined } from '@ant-design/icons';
import type { ReplicationExecution, ReplicationPolicy } from '@swr-console/swr-api';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Space } from 'antd';
import { useId } from 'react';
import { useDeleteConfirm } from '../../../shared/components/DeleteConfirm';
import { EmptyText } from '../../../shared/components/EmptyText';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { Select } from '../../../shared/components/select/Select';
import { DataTable } from '../../../shared/components/table/DataTable';
import { Tooltip } from '../../../shared/components/tooltip/Tooltip';
import { formatTime } from '../../../shared/format';
import { useLocale, useT, type Translate } from '../../../shared/i18n';
import { useNotices } from '../../../shared/notices';
import type { InstanceRef } from '../api';
import { stopCall } from '../replication-api';
import { useRunReplication, useStopReplication } from '../replication-mutations';
import { isRunning, replicationQueries } from '../replication-queries';
import { RunTasks } from './ReplicationRunTasks';
import { RunStatus } from './ReplicationRunStatus';

export const RUNS_PAGE_SIZE = 20;

const COUNTS = ['succeed', 'failed', 'in_progress', 'stopped'] as const;

/** "2 done, 1 failed of 3": what a run did with its tags, the counts that are not zero. */
export function countsText(t: Translate, execution: ReplicationExecution): string {
  const parts = COUNTS.filter((count) => count === 'succeed' || execution[count] > 0).map((count) =>
    t(`repl.runs.count.${count}`, { count: execution[count] }),
  );
  return t('repl.runs.countsOf', {
    parts: parts.join(t('repl.list.separator')),
    total: execution.total,
  });
}

/** Stop on a run under way (after a confirmation naming it), Run again on one that ended. */
function RunActions({
  target,
  execution,
  policy,
  admin,
}: {
  target: InstanceRef;
  execution: ReplicationExecution;
  policy: ReplicationPolicy | undefined;
  admin: boolean;
}) {
  const t = useT();
  const notices = useNotices();
  const [confirm, holder] = useDeleteConfirm();
  const stop = useStopReplication(target);
  const run = useRunReplication(target);
  const name = policy?.name ?? t('repl.runs.policyGone', { id: execution.policy_id });
  const adminTip = admin ? undefined : t('ent.adminOnly');
  if (isRunning(execution))
    return (
      <Tooltip title={adminTip}>
        <Button
          size="small"
          danger
          icon={<StopOutlined aria-hidden />}
          disabled={!admin}
          aria-label={t('repl.stop.of', { id: execution.id })}
          onClick={() =>
            confirm({
              title: t('repl.stop.title', { id: execution.id, name }),
              text: t('repl.stop.text', { id: execution.id, name }),
              okText: t('repl.stop'),
              request: { region: target.region, calls: () => [stopCall(target, execution.id)] },
              run: () =>
                stop
                  .mutateAsync(execution.id)
                  .then(() => notices.success(t('repl.stop.done', { id: execution.id }))),
            })
          }
        >
          {t('repl.stop')}
        </Button>
        {holder}
      </Tooltip>
    );
  const reason =
    adminTip ??
    (!policy ? t('repl.rerun.gone') : !policy.enabled ? t('repl.run.disabled') : undefined);
  return (
    <>
      <Tooltip title={reason}>
        <Button
          size="small"
          icon={<RedoOutlined aria-hidden />}
          disabled={reason !== undefined}
          loading={run.isPending}
          aria-label={t('repl.rerun.of', { id: execution.id })}
          onClick={() =>
            run.mutate(execution.policy_id, {
              onSuccess: (id) => notices.success(t('repl.run.started', { name, id })),
            })
          }
        >
          {t('repl.rerun')}
        </Button>
      </Tooltip>
      {run.error ? <ErrorAlert error={run.error} /> : null}
    </>
  );
}

/**
 * The runs of the instance's policies, newest first (of one policy when `policyId` is given),
 * read again every 2 s while any on screen is under way. Each opens on its repositories, and each
 * repository on its tags with what became of them.
 */
export function ReplicationRuns({
  target,
  admin,
  policyId,
  page,
  onFilter,
}: {
  target: InstanceRef;
  admin: boolean;
  policyId: number | undefined;
  page: number;
  onFilter: (changes: { policy?: number | undefined; page?: number }) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const filterLabel = useId();
  const policies = useQuery(replicationQueries.policies(target));
  const runs = useQuery(replicationQueries.executions(target, policyId, page, RUNS_PAGE_SIZE));
  const policyOf = (id: number) => policies.data?.find((policy) => policy.id === id);

  return (
    <>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <span id={filterLabel}>{t('repl.runs.filter')}</span>
        <Select<number>
          aria-labelledby={filterLabel}
          style={{ minWidth: 240 }}
          value={policyId}
          placeholder={t('repl.runs.all')}
          allowClear
          options={(policies.data ?? []).map((policy) => ({
            value: policy.id,
            label: policy.name,
          }))}
          onChange={(policy) => onFilter({ policy })}
        />
      </Flex>
      {runs.error ? (
        <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} />
      ) : (
        <DataTable<ReplicationExecution>
          rowKey="id"
          aria-label={t('repl.runs.title')}
          loading={runs.isPending}
          dataSource={runs.data?.executions ?? []}
          empty={<EmptyText>{t('repl.runs.empty')}</EmptyText>}
          pagination={{
            current: page,
            pageSize: RUNS_PAGE_SIZE,
            total: runs.data?.total ?? 0,
            hideOnSinglePage: true,
            onChange: (next) => onFilter({ page: next }),
          }}
          expandable={{
            render: (execution) => <RunTasks target={target} execution={execution} />,
          }}
          columns={[
            {
              key: 'id',
              title: t('repl.runs.id'),
              render: (_, execution) => t('repl.runs.number', { id: execution.id }),
            },
            {
              key: 'policy',
              title: t('repl.runs.policy'),
              render: (_, execution) =>
                policyOf(execution.policy_id)?.name ??
                t('repl.runs.policyGone', { id: execution.policy_id }),
            },
            {
              key: 'trigger',
              title: t('repl.policy.trigger'),
              render: (_, execution) => t(`repl.runs.trigger.${execution.trigger}`),
            },
            {
              key: 'status',
              title: t('repl.status'),
              render: (_, execution) => (
                <Space direction="vertical" size={2}>
                  <RunStatus status={execution.status} />
                  {execution.status_text ? <span>{execution.status_text}</span> : null}
                </Space>
              ),
            },
            {
              key: 'counts',
              title: t('repl.runs.counts'),
              render: (_, execution) => countsText(t, execution),
            },
            {
              key: 'started',
              title: t('repl.runs.started'),
              render: (_, execution) => formatTime(execution.created_at, locale),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, execution) => (
                <RunActions
                  target={target}
                  execution={execution}
                  policy={policyOf(execution.policy_id)}
                  admin={admin}
                />
              ),
            },
          ]}
        />
      )}
    </>
  );
}
