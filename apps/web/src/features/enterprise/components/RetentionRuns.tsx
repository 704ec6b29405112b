import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { DataTable } from '../../../shared/components/table/DataTable';
import { EmptyText } from '../../../shared/components/EmptyText';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { Typography } from '../../../shared/components/typography/Typography';
import { formatTime } from '../../../shared/format';
import { useLocale, useT } from '../../../shared/i18n';
import { enterpriseKeys } from '../queries';
import {
  FOLLOW_MS,
  retentionQueries,
  RUNS_SHOWN,
  running,
  type RunScope,
} from '../retention-queries';
import { RunTasks } from './RetentionRunDetails';

/**
 * The policy's runs, newest first, each expanding to its repositories and their tags; followed
 * every 2 s while one runs. When a real run ends, the namespace's lists are read again.
 */
export function RetentionRuns({
  name,
  expanded,
  onExpandedChange,
  ...scope
}: RunScope & {
  name: string;
  expanded: number[];
  onExpandedChange: (keys: number[]) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const runs = useQuery({
    ...retentionQueries.runs(scope.target, scope.namespace, scope.policy),
    refetchInterval: (query) =>
      query.state.data?.runs.some((run) => running(run.status)) ? FOLLOW_MS : false,
  });
  // A real run that ended (seen ending, or already ended when it first showed: a short run can
  // start and end between two reads) has deleted tags: the namespace's lists are read again.
  const ended = useRef<Set<number>>(undefined);
  useEffect(() => {
    if (!runs.data) return;
    const done = runs.data.runs.filter((run) => !run.dry_run && !running(run.status));
    const known = ended.current;
    if (known && done.some((run) => !known.has(run.id)))
      void queryClient.invalidateQueries({
        queryKey: enterpriseKeys.namespace(scope.target, scope.namespace),
      });
    ended.current = new Set(done.map((run) => run.id));
  }, [runs.data, queryClient, scope.target, scope.namespace]);

  if (runs.error) return <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} />;
  const total = runs.data?.total ?? 0;
  return (
    <>
      <DataTable
        size="small"
        rowKey="id"
        aria-label={t('retn.runs.table', { name })}
        loading={runs.isPending}
        dataSource={runs.data?.runs ?? []}
        empty={<EmptyText>{t('retn.runs.empty')}</EmptyText>}
        expandable={{
          expandedKeys: expanded,
          onExpandedChange: (keys) => onExpandedChange(keys.map(Number)),
          render: (run) => <RunTasks scope={scope} run={run} />,
        }}
        columns={[
          { key: 'id', title: t('retn.runs.id'), dataIndex: 'id' },
          {
            key: 'kind',
            title: t('retn.runs.kind'),
            render: (_, run) => t(run.dry_run ? 'retn.runs.kind.dry' : 'retn.runs.kind.real'),
          },
          {
            key: 'trigger',
            title: t('retn.runs.trigger'),
            render: (_, run) => t(`retn.runs.trigger.${run.trigger}`),
          },
          {
            key: 'status',
            title: t('retn.runs.status'),
            render: (_, run) => t(`retn.status.${run.status}`),
          },
          {
            key: 'start',
            title: t('retn.runs.start'),
            render: (_, run) => formatTime(run.start_time, locale),
          },
          {
            key: 'end',
            title: t('retn.runs.end'),
            render: (_, run) => (run.end_time ? formatTime(run.end_time, locale) : '—'),
          },
          {
            key: 'detail',
            title: t('retn.runs.detail'),
            render: (_, run) => (typeof run.status_text === 'string' ? run.status_text : ''),
          },
        ]}
      />
      {total > RUNS_SHOWN ? (
        <Typography.Text type="secondary">
          {t('retn.runs.more', { shown: RUNS_SHOWN, total })}
        </Typography.Text>
      ) : null}
    </>
  );
}
