import type {
  ReplicationExecution,
  ReplicationSubtask,
  ReplicationTask,
} from '@swr-console/swr-api';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { EmptyText } from '../../../shared/components/EmptyText';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { DataTable } from '../../../shared/components/table/DataTable';
import { Typography } from '../../../shared/components/typography/Typography';
import { shortDigest } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import type { InstanceRef } from '../api';
import { isRunning, replicationQueries } from '../replication-queries';
import { RunStatus } from './ReplicationRunStatus';

/** Reads once more when the run ends: the last poll may have come just before its end. */
function useReadWhenEnded(refetch: () => unknown, running: boolean) {
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) void refetch();
    wasRunning.current = running;
  }, [running, refetch]);
}

/** The tags of one repository of a run: each one's digest, status and what happened. */
function RunSubtasks({
  target,
  execution,
  task,
}: {
  target: InstanceRef;
  execution: ReplicationExecution;
  task: ReplicationTask;
}) {
  const t = useT();
  const running = isRunning(execution);
  const subtasks = useQuery(replicationQueries.subtasks(target, execution.id, task.id, running));
  useReadWhenEnded(subtasks.refetch, running);
  if (subtasks.error)
    return <ErrorAlert error={subtasks.error} onRetry={() => void subtasks.refetch()} />;
  return (
    <DataTable<ReplicationSubtask>
      size="small"
      rowKey="id"
      aria-label={t('repl.runs.tagsOf', { repository: task.src_resource, id: execution.id })}
      loading={subtasks.isPending}
      dataSource={subtasks.data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      empty={<EmptyText>{t('repl.runs.noTags')}</EmptyText>}
      columns={[
        { key: 'tag', title: t('repl.tag'), dataIndex: 'tag' },
        {
          key: 'digest',
          title: t('repl.digest'),
          render: (_, subtask) =>
            subtask.digest ? (
              <Typography.Text code>{shortDigest(subtask.digest)}</Typography.Text>
            ) : null,
        },
        {
          key: 'status',
          title: t('repl.status'),
          render: (_, subtask) => <RunStatus status={subtask.status} />,
        },
        { key: 'detail', title: t('repl.detail'), dataIndex: 'status_text' },
      ]}
    />
  );
}

/** The repositories of a run, read again while it runs; each opens on its tags. */
export function RunTasks({
  target,
  execution,
}: {
  target: InstanceRef;
  execution: ReplicationExecution;
}) {
  const t = useT();
  const running = isRunning(execution);
  const tasks = useQuery(replicationQueries.tasks(target, execution.id, running));
  useReadWhenEnded(tasks.refetch, running);
  if (tasks.error) return <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />;
  return (
    <DataTable<ReplicationTask>
      size="small"
      rowKey="id"
      aria-label={t('repl.runs.repositoriesOf', { id: execution.id })}
      loading={tasks.isPending}
      dataSource={tasks.data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      empty={<EmptyText>{t('repl.runs.noRepositories')}</EmptyText>}
      expandable={{
        render: (task) => <RunSubtasks target={target} execution={execution} task={task} />,
      }}
      columns={[
        { key: 'source', title: t('repl.preview.source'), dataIndex: 'src_resource' },
        { key: 'destination', title: t('repl.preview.destination'), dataIndex: 'dst_resource' },
        {
          key: 'status',
          title: t('repl.status'),
          render: (_, task) => <RunStatus status={task.status} />,
        },
      ]}
    />
  );
}
