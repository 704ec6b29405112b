import { useQuery } from '@tanstack/react-query';
import type { RetentionExecution, RetentionTask } from '@swr-console/swr-api';
import { useState } from 'react';
import { DataTable } from '../../../shared/components/table/DataTable';
import { EmptyText } from '../../../shared/components/EmptyText';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { Typography } from '../../../shared/components/typography/Typography';
import { shortDigest } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { FOLLOW_MS, retentionQueries, running, type RunScope } from '../retention-queries';

// What a run did: its repositories, and the tags of each.

const TAGS_PAGE = 20;

/** The tags one repository of a run deleted (or would delete), a page at a time. */
function RunTags({
  scope,
  run,
  task,
}: {
  scope: RunScope;
  run: RetentionExecution;
  task: RetentionTask;
}) {
  const t = useT();
  const [page, setPage] = useState(1);
  const tags = useQuery({
    ...retentionQueries.runTags(
      scope.target,
      scope.namespace,
      { policy: scope.policy, run: run.id, task: task.id },
      { offset: (page - 1) * TAGS_PAGE, limit: TAGS_PAGE },
    ),
    refetchInterval: running(run.status) ? FOLLOW_MS : false,
    placeholderData: (previous) => previous,
  });
  if (tags.error) return <ErrorAlert error={tags.error} onRetry={() => void tags.refetch()} />;
  return (
    <DataTable
      size="small"
      rowKey="id"
      aria-label={t('retn.subtasks.of', { repository: task.repository, id: run.id })}
      loading={tags.isPending}
      dataSource={tags.data?.tags ?? []}
      empty={<EmptyText>{t('retn.subtasks.empty')}</EmptyText>}
      pagination={{
        current: page,
        pageSize: TAGS_PAGE,
        total: tags.data?.total ?? 0,
        hideOnSinglePage: true,
        onChange: setPage,
      }}
      columns={[
        { key: 'tag', title: t('retn.whatif.tag'), dataIndex: 'tag' },
        {
          key: 'digest',
          title: t('retn.subtasks.digest'),
          render: (_, row) => <Typography.Text code>{shortDigest(row.digest)}</Typography.Text>,
        },
        {
          key: 'status',
          title: t('retn.runs.status'),
          render: (_, row) => t(`retn.status.${row.status}`),
        },
        { key: 'detail', title: t('retn.runs.detail'), dataIndex: 'status_text' },
      ]}
    />
  );
}

/** The repositories of a run: how many tags each had and kept, and each one's tags. */
export function RunTasks({ scope, run }: { scope: RunScope; run: RetentionExecution }) {
  const t = useT();
  const tasks = useQuery({
    ...retentionQueries.tasks(scope.target, scope.namespace, scope.policy, run.id),
    refetchInterval: running(run.status) ? FOLLOW_MS : false,
  });
  if (tasks.error) return <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />;
  return (
    <DataTable
      size="small"
      rowKey="id"
      aria-label={t('retn.tasks.of', { id: run.id })}
      loading={tasks.isPending}
      dataSource={tasks.data ?? []}
      empty={<EmptyText>{t('retn.tasks.empty')}</EmptyText>}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
      expandable={{
        expandable: (task) => task.total > task.retained,
        render: (task) => <RunTags scope={scope} run={run} task={task} />,
      }}
      columns={[
        { key: 'repository', title: t('retn.whatif.repository'), dataIndex: 'repository' },
        { key: 'total', title: t('retn.tasks.total'), dataIndex: 'total' },
        { key: 'retained', title: t('retn.tasks.retained'), dataIndex: 'retained' },
        {
          key: 'deleted',
          title: t(run.dry_run ? 'retn.tasks.deleted.dry' : 'retn.tasks.deleted.real'),
          render: (_, task) => task.total - task.retained,
        },
        {
          key: 'status',
          title: t('retn.runs.status'),
          render: (_, task) => t(`retn.status.${task.status}`),
        },
      ]}
    />
  );
}
