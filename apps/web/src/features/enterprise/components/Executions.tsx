import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Typography } from '../../../shared/components/typography/Typography';
import { DataTable } from '../../../shared/components/table/DataTable';
import { EmptyText } from '../../../shared/components/EmptyText';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatTime, shortDigest } from '../../../shared/format';
import { useLocale, useT } from '../../../shared/i18n';
import type { InstanceRef } from '../api';
import { enterpriseKeys, enterpriseQueries } from '../queries';

const running = (status: string) => status === 'InProgress' || status === 'Pending';

/** What one execution did, artifact by artifact. */
function Results({
  target,
  namespace,
  policy,
  execution,
  active,
}: {
  target: InstanceRef;
  namespace: string;
  policy: number;
  execution: number;
  active: boolean;
}) {
  const t = useT();
  const results = useQuery({
    ...enterpriseQueries.results(target, namespace, policy, execution),
    refetchInterval: active ? 1000 : false,
  });
  if (results.error) return <ErrorAlert error={results.error} />;
  return (
    <DataTable
      size="small"
      rowKey="id"
      aria-label={t('ent.exec.resultsOf', { id: execution })}
      loading={results.isPending}
      dataSource={results.data ?? []}
      pagination={false}
      empty={<EmptyText>{t('ent.exec.nothing')}</EmptyText>}
      columns={[
        { key: 'repository', title: t('ent.exec.repository'), dataIndex: 'repository' },
        { key: 'tags', title: t('ent.exec.tags'), dataIndex: 'tags' },
        {
          key: 'digest',
          title: t('ent.artifacts.digest'),
          render: (_, row) => <Typography.Text code>{shortDigest(row.digest)}</Typography.Text>,
        },
        {
          key: 'status',
          title: t('ent.exec.status'),
          render: (_, row) => t(`ent.exec.status.${row.status}`),
        },
        { key: 'text', title: t('ent.exec.detail'), dataIndex: 'status_text' },
      ]}
    />
  );
}

/** A policy's executions, newest first, followed while any is running. */
export function Executions({
  target,
  namespace,
  policy,
}: {
  target: InstanceRef;
  namespace: string;
  policy: number;
}) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const executions = useQuery({
    ...enterpriseQueries.executions(target, namespace, policy),
    // Follows running executions; an idle list is not polled.
    refetchInterval: (query) =>
      query.state.data?.some((execution) => running(execution.status)) ? 1000 : false,
  });
  // When a run ends, the namespace's artifacts carry new signatures: their badges are re-read.
  const active = executions.data?.some((execution) => running(execution.status)) ?? false;
  const wasActive = useRef(false);
  useEffect(() => {
    if (wasActive.current && !active)
      void queryClient.invalidateQueries({ queryKey: enterpriseKeys.namespace(target, namespace) });
    wasActive.current = active;
  }, [active, queryClient, target, namespace]);
  if (executions.error)
    return <ErrorAlert error={executions.error} onRetry={() => void executions.refetch()} />;
  return (
    <DataTable
      size="small"
      rowKey="id"
      aria-label={t('ent.exec.title')}
      loading={executions.isPending}
      dataSource={executions.data ?? []}
      pagination={false}
      empty={<EmptyText>{t('ent.exec.empty')}</EmptyText>}
      expandable={{
        render: (execution) => (
          <Results
            target={target}
            namespace={namespace}
            policy={policy}
            execution={execution.id}
            active={running(execution.status)}
          />
        ),
      }}
      columns={[
        { key: 'id', title: t('ent.exec.id'), dataIndex: 'id' },
        {
          key: 'trigger',
          title: t('ent.policy.trigger'),
          render: (_, execution) => t(`ent.exec.trigger.${execution.trigger}`),
        },
        {
          key: 'status',
          title: t('ent.exec.status'),
          render: (_, execution) => t(`ent.exec.status.${execution.status}`),
        },
        {
          key: 'counts',
          title: t('ent.exec.counts'),
          render: (_, execution) =>
            t('ent.exec.countsText', {
              succeed: execution.succeed,
              failed: execution.failed,
              total: execution.total,
            }),
        },
        {
          key: 'started',
          title: t('ent.exec.started'),
          render: (_, execution) => formatTime(execution.created_at, locale),
        },
      ]}
    />
  );
}
