import type { Registry, ReplicationExecution } from '@swr-console/swr-api';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { EmptyText } from '../../../shared/components/EmptyText';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { DataTable } from '../../../shared/components/table/DataTable';
import { Typography } from '../../../shared/components/typography/Typography';
import { formatTime, shortDigest } from '../../../shared/format';
import { useLocale, useT, type Translate } from '../../../shared/i18n';
import type { InstanceRef } from '../api';
import {
  filtersValid,
  lastRunByTag,
  outlookOf,
  repositoryTest,
  selectTags,
  targetPath,
  type LastRunTag,
  type RunResults,
  type TargetFact,
} from '../replication-preview';
import { replicationQueries } from '../replication-queries';
import type { PolicyForm } from '../replication-rules';
import { RunStatus } from './ReplicationRunStatus';

/** Repositories whose tags the preview reads at most (the first, by path). */
export const PREVIEW_REPOSITORIES = 50;

/** What the policy's newest run found at the target for a tag, in words. */
export function factText(t: Translate, fact: TargetFact): string {
  switch (fact.kind) {
    case 'copied':
      return t('repl.fact.copied', { digest: shortDigest(fact.digest) });
    case 'same':
      return t('repl.fact.same', { digest: shortDigest(fact.digest) });
    case 'other':
      return fact.digest
        ? t('repl.fact.other', { digest: shortDigest(fact.digest) })
        : t('repl.fact.otherUnknown');
    case 'failed':
      return t('repl.fact.failed', { text: fact.text });
    case 'stopped':
      return t('repl.fact.stopped', { text: fact.text });
    default:
      return t('repl.fact.running');
  }
}

/** The filters as they were a moment ago: tags are read once typing pauses. */
function useSettled(value: string, ms = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** "As of run #n": which run the target's state comes from, and that it may have changed. */
function AsOf({ latest }: { latest: ReplicationExecution | null | undefined }) {
  const t = useT();
  const [locale] = useLocale();
  if (latest === undefined) return null;
  return (
    <Typography.Paragraph type="secondary">
      {latest
        ? t('repl.preview.asOf', { id: latest.id, time: formatTime(latest.created_at, locale) })
        : t('repl.preview.noRun')}
    </Typography.Paragraph>
  );
}

/** A pull's source cannot be listed from here: the newest run's tags stand in for it. */
function PullPreview({ results }: { results: RunResults | undefined }) {
  const t = useT();
  const rows = (results ?? []).flatMap(({ task, subtasks }) =>
    subtasks.map((subtask) => ({ task, subtask })),
  );
  return (
    <>
      <Alert type="info" showIcon title={t('repl.preview.pull')} style={{ marginBottom: 12 }} />
      <DataTable
        size="small"
        rowKey={(row) => row.subtask.id}
        aria-label={t('repl.preview.lastRunTags')}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        empty={<EmptyText>{t('repl.preview.nothingPulled')}</EmptyText>}
        columns={[
          {
            key: 'source',
            title: t('repl.preview.source'),
            render: (_, row) => `${row.task.src_resource}:${row.subtask.tag}`,
          },
          {
            key: 'digest',
            title: t('repl.digest'),
            render: (_, row) =>
              row.subtask.digest ? (
                <Typography.Text code>{shortDigest(row.subtask.digest)}</Typography.Text>
              ) : null,
          },
          {
            key: 'destination',
            title: t('repl.preview.destination'),
            render: (_, row) => row.task.dst_resource,
          },
          {
            key: 'status',
            title: t('repl.status'),
            render: (_, row) => <RunStatus status={row.subtask.status} />,
          },
          { key: 'detail', title: t('repl.detail'), render: (_, row) => row.subtask.status_text },
        ]}
      />
    </>
  );
}

/**
 * What a run of the policy being edited would copy, live as the form changes. A push: the
 * instance's tags the filters select (signatures never), each with where it lands and what the
 * policy's newest run found there. A pull: the newest run's tags, since the source registry's
 * contents cannot be read from the console.
 */
export function ReplicationPreview({
  target,
  form,
  registry,
  policyId,
}: {
  target: InstanceRef;
  form: PolicyForm;
  registry: Registry | undefined;
  /** The policy being edited: its newest run says what the target had. */
  policyId: number | undefined;
}) {
  const t = useT();
  const latest = useQuery({
    ...replicationQueries.latest(target, policyId ?? 0),
    enabled: policyId !== undefined,
  });
  const lastRun = policyId === undefined ? null : latest.data;
  const results = useQuery({
    ...replicationQueries.results(target, lastRun?.id ?? 0),
    enabled: Boolean(lastRun),
  });
  const filters = {
    nameFilter: useSettled(form.nameFilter),
    tagFilter: useSettled(form.tagFilter),
  };
  const valid = filtersValid(filters);
  const push = form.direction === 'push';
  const repositories = useQuery({ ...replicationQueries.repositories(target), enabled: push });
  const takes = valid ? repositoryTest(filters) : undefined;
  const matching = takes
    ? (repositories.data ?? []).filter((repository) => takes(repository.path))
    : [];
  const read = matching.slice(0, PREVIEW_REPOSITORIES);
  const tags = useQueries({
    queries: read.map((repository) =>
      replicationQueries.tags(target, repository.namespace, repository.name),
    ),
  });

  const error =
    latest.error ?? results.error ?? repositories.error ?? tags.find((q) => q.error)?.error;
  const heading = (
    <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
      {t('repl.preview.title')}
    </Typography.Title>
  );
  if (!push)
    return (
      <section aria-label={t('repl.preview.title')}>
        {heading}
        <AsOf latest={lastRun} />
        {error ? <ErrorAlert error={error} /> : <PullPreview results={results.data} />}
      </section>
    );

  const last: Map<string, LastRunTag> = lastRunByTag(results.data ?? []);
  const rows = valid
    ? selectTags(
        filters,
        form.destNamespace,
        tags.flatMap((query) => query.data ?? []),
      ).map((row) => {
        const destination =
          row.destination && registry && targetPath(registry.url, row.destination);
        const before = last.get(`${row.repository}:${row.tag}`);
        return {
          ...row,
          target: destination,
          fact: before && before.destination === destination ? before.fact : undefined,
          outlook: destination
            ? outlookOf(row.digest, destination, before, form.override)
            : undefined,
        };
      })
    : [];
  const loading = repositories.isPending || tags.some((query) => query.isPending);
  return (
    <section aria-label={t('repl.preview.title')}>
      {heading}
      {!valid ? (
        <Alert type="warning" showIcon title={t('repl.preview.invalid')} />
      ) : (
        <>
          <Typography.Paragraph role="status">
            {loading
              ? t('repl.preview.loading')
              : t('repl.preview.count', {
                  count: rows.length,
                  repositories: new Set(rows.map((row) => row.repository)).size,
                })}
            {matching.length > read.length
              ? ` ${t('repl.preview.capped', { count: read.length, total: matching.length })}`
              : ''}
          </Typography.Paragraph>
          <AsOf latest={lastRun} />
          {error ? <ErrorAlert error={error} /> : null}
          <DataTable
            size="small"
            rowKey={(row) => `${row.repository}:${row.tag}`}
            aria-label={t('repl.preview.tags')}
            loading={loading}
            dataSource={rows}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            empty={<EmptyText>{t('repl.preview.none')}</EmptyText>}
            columns={[
              { key: 'repository', title: t('repl.repository'), dataIndex: 'repository' },
              { key: 'tag', title: t('repl.tag'), dataIndex: 'tag' },
              {
                key: 'digest',
                title: t('repl.digest'),
                render: (_, row) => (
                  <Typography.Text code>{shortDigest(row.digest)}</Typography.Text>
                ),
              },
              {
                key: 'destination',
                title: t('repl.preview.destination'),
                render: (_, row) =>
                  row.destination === undefined
                    ? t('repl.preview.needsNamespace')
                    : `${row.target ?? row.destination}:${row.tag}`,
              },
              {
                key: 'target',
                title: t('repl.preview.atTarget'),
                render: (_, row) => (
                  <>
                    <div>{row.fact ? factText(t, row.fact) : t('repl.fact.unknown')}</div>
                    {row.outlook ? (
                      <Typography.Text type="secondary">
                        {t(`repl.outlook.${row.outlook}`)}
                      </Typography.Text>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
