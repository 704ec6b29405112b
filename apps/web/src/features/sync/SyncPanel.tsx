import { ReloadOutlined } from '@ant-design/icons';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AutoSyncTask, SyncJob } from '@swr-console/swr-api';
import { Alert, Button, Flex, Space } from 'antd';
import { Typography } from '../../shared/components/typography/Typography';
import { DataTable } from '../../shared/components/table/DataTable';
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { EmptyText } from '../../shared/components/EmptyText';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { formatTime } from '../../shared/format';
import { helpLink } from '../../shared/help';
import { useLocale, useT } from '../../shared/i18n';
import { useUrlFlag } from '../../shared/list-state';
import { swrKeys } from '../../shared/keys';
import { namespaceListQuery } from '../../shared/queries/namespaces';
import { allTagsQuery } from '../../shared/queries/tags';
import { useSession } from '../../shared/session';
import { deleteAutoSyncCall, type RepositoryRef } from './api';
import { SyncError } from './components/SyncError';
import { JobsTable } from './components/JobsTable';
import { failureCause, isActive, latestJobs, RETRYABLE, retryBatches } from './jobs';
import { useDeleteAutoSync, useRetrySync } from './mutations';
import { syncQueries } from './queries';
import { useNotices } from '../../shared/notices';
import { DeleteButton } from '../../shared/components/DeleteButton';
import { PendingMark } from '../../shared/components/HeldMark';

// Dialogs load when first opened.
const AutoSyncModal = lazy(async () => ({
  default: (await import('./components/AutoSyncModal')).AutoSyncModal,
}));
const ManualSyncModal = lazy(async () => ({
  default: (await import('./components/ManualSyncModal')).ManualSyncModal,
}));

/** While jobs wait or run, the list is read this often. */
const POLL_MS = 2000;

/** Deletes an automatic sync task, after a confirmation that names its target. */
function DeleteAutoSync({ source, task }: { source: RepositoryRef; task: AutoSyncTask }) {
  const t = useT();
  const notices = useNotices();
  const remove = useDeleteAutoSync(source);
  const target = { region: task.remoteRegionId, namespace: task.remoteNamespace };
  return (
    <DeleteButton
      label={t('sync.auto.delete', target)}
      title={t('sync.auto.delete.title', target)}
      text={t('sync.auto.delete.body')}
      mutation={remove}
      variables={target}
      request={{ region: source.region, calls: () => [deleteAutoSyncCall(source, target)] }}
      onDeleted={(held) => {
        if (!held) void notices.success(t('sync.auto.deleted', target));
      }}
    />
  );
}

/**
 * Copying a repository's images to other regions: automatic tasks (set up with an offer to copy
 * what exists), copying chosen tags now with a preview, and the jobs, followed until they end.
 */
export function SyncPanel({ region, namespace, repository }: RepositoryRef) {
  const t = useT();
  const [locale] = useLocale();
  const notices = useNotices();
  const titleId = useId();
  const jobsTitleId = useId();
  const tasksTitleId = useId();
  const source = useMemo(
    () => ({ region, namespace, repository }),
    [region, namespace, repository],
  );
  const session = useSession();
  const admin = session?.user.admin ?? false;
  const regions = (session?.regions ?? []).map((r) => r.id).filter((id) => id !== region);
  // Sync is the administrators' (SWR refuses the lists to the others too): nothing to ask for.
  const tasks = useQuery({ ...syncQueries.tasks(source), enabled: admin });
  const jobs = useQuery({
    ...syncQueries.jobs(source),
    enabled: admin,
    refetchInterval: (query) => (isActive(query.state.data ?? []) ? POLL_MS : false),
  });
  // Jobs that end changed the target repositories: what shows them reads them again.
  const queryClient = useQueryClient();
  const wasActive = useRef(false);
  useEffect(() => {
    if (!jobs.data) return;
    const active = isActive(jobs.data);
    if (wasActive.current && !active) {
      const targets = new Map(
        jobs.data.map((job) => [
          `${job.remoteRegionId}/${job.remoteNamespace}`,
          swrKeys.repository(job.remoteRegionId, job.remoteNamespace, repository),
        ]),
      );
      for (const queryKey of targets.values()) void queryClient.invalidateQueries({ queryKey });
    }
    wasActive.current = active;
  }, [jobs.data, queryClient, repository]);
  const tags = useQuery(allTagsQuery(region, namespace, repository));
  // `?now=1` (the help's "copy the existing images") opens the manual sync with every tag chosen.
  const [copyAll] = useUrlFlag('now');
  const [dialog, setDialog] = useState<'auto' | 'now' | undefined>(
    copyAll && admin ? 'now' : undefined,
  );

  // Why jobs failed: SWR does not say, so check the target organizations and the source tags.
  const failed = (jobs.data ?? []).filter((job) => RETRYABLE.has(job.status));
  const failedRegions = [...new Set(failed.map((job) => job.remoteRegionId))];
  const targetNamespaces = useQueries({
    queries: failedRegions.map((id) => namespaceListQuery(id)),
  });
  const namespacesOf = new Map(
    failedRegions.map((id, i) => [
      id,
      targetNamespaces[i]?.data
        ? new Set(targetNamespaces[i].data.map((ns) => ns.name))
        : undefined,
    ]),
  );
  const sourceTags = tags.data?.complete
    ? new Set(tags.data.items.map((tag) => tag.Tag))
    : undefined;
  const cause = (job: SyncJob) =>
    failureCause(job, { targetNamespaces: namespacesOf.get(job.remoteRegionId), sourceTags });
  const toRetry = retryBatches(jobs.data ?? []);
  const retryCount = toRetry.reduce((sum, batch) => sum + batch.tags.length, 0);

  const retry = useRetrySync(source);
  const retryFailed = () =>
    retry.mutate(toRetry, {
      onSuccess: (queued) => void notices.success(t('sync.retry.done', { count: queued })),
    });
  const latest = latestJobs(jobs.data ?? []);
  const active = latest.filter((job) => job.status === 'waiting' || job.status === 'running');

  return (
    <section aria-labelledby={titleId}>
      <Flex vertical gap={12}>
        <Typography.Title level={3} id={titleId} style={{ margin: 0, fontSize: 18 }}>
          {t('sync.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ margin: 0 }}>{t('sync.intro')}</Typography.Paragraph>
        {admin ? null : (
          <Alert
            type="info"
            showIcon
            title={t('sync.adminOnly')}
            action={<Link to={helpLink(region, 'sync-admin')}>{t('sync.why')}</Link>}
          />
        )}
        {regions.length === 0 ? <Alert type="info" showIcon title={t('sync.noRegions')} /> : null}
        <Space wrap>
          <Button
            type="primary"
            disabled={!admin || regions.length === 0 || !tags.data}
            onClick={() => setDialog('auto')}
          >
            {t('sync.auto.create')}
          </Button>
          <Button
            disabled={!admin || regions.length === 0 || !tags.data?.complete}
            onClick={() => setDialog('now')}
          >
            {t('sync.now.open')}
          </Button>
        </Space>

        {admin ? (
          <>
            <section aria-labelledby={tasksTitleId}>
              <Typography.Title level={4} id={tasksTitleId} style={{ margin: '8px 0' }}>
                {t('sync.auto.title.list')}
              </Typography.Title>
              <Typography.Paragraph type="secondary">
                <Link to={helpLink(region, 'sync-existing', `${namespace}/${repository}`)}>
                  {t('sync.auto.existingWhy')}
                </Link>
              </Typography.Paragraph>
              {tasks.error ? (
                <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
              ) : (
                <DataTable<AutoSyncTask>
                  size="small"
                  rowKey="id"
                  loading={tasks.isPending}
                  dataSource={tasks.data}
                  pagination={false}
                  empty={<EmptyText>{t('sync.auto.empty')}</EmptyText>}
                  columns={[
                    { key: 'region', title: t('sync.target.region'), dataIndex: 'remoteRegionId' },
                    {
                      key: 'namespace',
                      title: t('sync.target.namespace'),
                      dataIndex: 'remoteNamespace',
                    },
                    {
                      key: 'override',
                      title: t('sync.jobs.override'),
                      render: (_, task) =>
                        task.override ? t('sync.override.yes') : t('sync.override.no'),
                    },
                    {
                      key: 'created',
                      title: t('sync.auto.createdAt'),
                      render: (_, task) => formatTime(task.createdAt, locale),
                    },
                    {
                      key: 'actions',
                      title: t('common.actions'),
                      render: (_, task) =>
                        admin ? (
                          <PendingMark
                            region={region}
                            operation="DeleteImageSyncRepo"
                            params={{
                              namespace,
                              repository,
                              remoteRegionId: task.remoteRegionId,
                              remoteNamespace: task.remoteNamespace,
                            }}
                          >
                            <DeleteAutoSync source={source} task={task} />
                          </PendingMark>
                        ) : null,
                    },
                  ]}
                />
              )}
            </section>

            <section aria-labelledby={jobsTitleId}>
              <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '8px 0' }}>
                <Typography.Title level={4} id={jobsTitleId} style={{ margin: 0 }}>
                  {t('sync.jobs.title')}
                </Typography.Title>
                <Space wrap>
                  {retryCount > 0 && admin ? (
                    <Button loading={retry.isPending} onClick={retryFailed}>
                      {t('sync.retry', { count: retryCount })}
                    </Button>
                  ) : null}
                  <Button
                    icon={<ReloadOutlined aria-hidden />}
                    loading={jobs.isFetching}
                    onClick={() => void jobs.refetch()}
                  >
                    {t('sync.jobs.refresh')}
                  </Button>
                </Space>
              </Flex>
              {active.length > 0 ? (
                <Typography.Paragraph role="status">
                  {t('sync.jobs.active', { count: active.length })}
                </Typography.Paragraph>
              ) : null}
              {retry.error ? <SyncError error={retry.error} /> : null}
              {jobs.error ? (
                <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} />
              ) : (
                <JobsTable jobs={jobs.data ?? []} loading={jobs.isPending} cause={cause} />
              )}
            </section>
          </>
        ) : null}
      </Flex>
      {dialog === 'auto' && tags.data ? (
        <Suspense fallback={null}>
          <AutoSyncModal
            target={source}
            regions={regions}
            tags={tags.data.complete ? tags.data.items.map((tag) => tag.Tag) : undefined}
            existing={(tasks.data ?? []).map((task) => ({
              region: task.remoteRegionId,
              namespace: task.remoteNamespace,
            }))}
            open
            onClose={() => setDialog(undefined)}
          />
        </Suspense>
      ) : null}
      {dialog === 'now' && tags.data ? (
        <Suspense fallback={null}>
          <ManualSyncModal
            source={source}
            regions={regions}
            tags={tags.data.items}
            initialTags={copyAll && tags.data.complete ? tags.data.items.map((tag) => tag.Tag) : []}
            open
            onClose={() => setDialog(undefined)}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
