import { useQuery } from '@tanstack/react-query';
import type { SyncJob } from '@swr-console/swr-api';
import { Alert, Col, Flex, Row } from 'antd';
import { Card } from '../../shared/components/card/Card';
import { ProgressBar } from '../../shared/components/ProgressBar';
import { Typography } from '../../shared/components/typography/Typography';
import { DataTable } from '../../shared/components/table/DataTable';
import { Link } from 'react-router';
import { EmptyText } from '../../shared/components/EmptyText';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { PageHeader } from '../../shared/components/PageHeader';
import { formatBytes, formatTime } from '../../shared/format';
import { swrKeys } from '../../shared/keys';
import { useLocale, useT } from '../../shared/i18n';
import { namespaceQuotaQuery } from '../../shared/queries/quota';
import { repositoryToUrl, useRegion } from '../../shared/region';
import type { Run } from '../../shared/retention-runs';
import { useSession } from '../../shared/session';
import { RECENT_REPOSITORIES, type Where } from './api';
import { Statistic } from './components/Statistic';
import { overviewQueries } from './queries';

const SHOWN = 10;

/** The account in a region at a glance, and what sync and retention did lately, with links. */
export function OverviewPage() {
  const t = useT();
  const [locale] = useLocale();
  const region = useRegion();
  const session = useSession();
  const projectId = session?.regions.find((r) => r.id === region)?.projectId ?? '';
  const totals = useQuery(overviewQueries.totals(region));
  const quota = useQuery({ ...namespaceQuotaQuery(region, projectId), enabled: projectId !== '' });
  const activity = useQuery(overviewQueries.activity(region));
  const link = (where: Where, tab: string) => (
    <Link
      to={`/${region}/repositories/${where.namespace}/${repositoryToUrl(where.repository)}/${tab}`}
    >
      {`${where.namespace}/${where.repository}`}
    </Link>
  );

  return (
    <>
      <PageHeader title={t('overview.title')} refresh={[swrKeys.region(region)]}>
        <Typography.Paragraph type="secondary">
          {t('overview.intro', { region })}
        </Typography.Paragraph>
      </PageHeader>
      <Flex vertical gap={16}>
        {totals.error ? (
          <ErrorAlert error={totals.error} onRetry={() => void totals.refetch()} />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={24} sm={12} lg={6}>
              <Card size="small">
                <Statistic
                  title={t('overview.namespaces')}
                  // A disabled query (no project id) stays pending: only a real fetch loads.
                  loading={quota.isLoading || totals.isPending}
                  value={quota.data?.used ?? totals.data?.namspace_num ?? 0}
                  suffix={quota.data ? `/ ${quota.data.quota_limit}` : undefined}
                />
                {quota.data ? (
                  <ProgressBar
                    percent={Math.round((quota.data.used / quota.data.quota_limit) * 100)}
                    size="small"
                    aria-label={t('overview.quota', {
                      used: quota.data.used,
                      limit: quota.data.quota_limit,
                    })}
                  />
                ) : null}
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Card size="small">
                <Statistic
                  title={t('overview.repositories')}
                  loading={totals.isPending}
                  value={totals.data?.repo_num ?? 0}
                />
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Card size="small">
                <Statistic
                  title={t('overview.images')}
                  loading={totals.isPending}
                  value={totals.data?.image_num ?? 0}
                />
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Card size="small">
                <Statistic
                  title={t('overview.storage')}
                  loading={totals.isPending}
                  value={formatBytes(totals.data?.store_space ?? 0)}
                />
              </Card>
            </Col>
          </Row>
        )}
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('overview.activity.scope', { count: RECENT_REPOSITORIES })}
        </Typography.Paragraph>
        {activity.error ? (
          <ErrorAlert error={activity.error} onRetry={() => void activity.refetch()} />
        ) : null}
        {activity.data && activity.data.unread > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t('overview.activity.unread', { count: activity.data.unread })}
          />
        ) : null}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card
              size="small"
              title={<h3 style={{ fontSize: 16, margin: 0 }}>{t('overview.sync')}</h3>}
            >
              <DataTable<SyncJob & Where>
                size="small"
                rowKey={(job) => `${job.namespace}/${job.repository}/${job.id}`}
                loading={activity.isPending}
                dataSource={activity.data?.jobs.slice(0, SHOWN)}
                pagination={false}
                empty={<EmptyText>{t('overview.sync.empty')}</EmptyText>}
                columns={[
                  {
                    key: 'repository',
                    title: t('overview.repository'),
                    render: (_, job) => link(job, 'sync'),
                  },
                  { key: 'tag', title: t('overview.tag'), dataIndex: 'tag' },
                  {
                    key: 'target',
                    title: t('overview.target'),
                    render: (_, job) => `${job.remoteRegionId} / ${job.remoteNamespace}`,
                  },
                  {
                    key: 'status',
                    title: t('overview.status'),
                    render: (_, job) => t(`overview.status.${job.status}`),
                  },
                  {
                    key: 'time',
                    title: t('overview.time'),
                    render: (_, job) => formatTime(job.updatedAt, locale),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card
              size="small"
              title={<h3 style={{ fontSize: 16, margin: 0 }}>{t('overview.retention')}</h3>}
            >
              <DataTable<Run & Where>
                size="small"
                rowKey={(run) => `${run.namespace}/${run.repository}/${run.at}`}
                loading={activity.isPending}
                dataSource={activity.data?.runs.slice(0, SHOWN)}
                pagination={false}
                empty={<EmptyText>{t('overview.retention.empty')}</EmptyText>}
                columns={[
                  {
                    key: 'repository',
                    title: t('overview.repository'),
                    render: (_, run) => link(run, 'retention'),
                  },
                  {
                    key: 'deleted',
                    title: t('overview.deleted'),
                    render: (_, run) => (
                      <Flex vertical>
                        <span>{t('overview.deleted.count', { count: run.tags.length })}</span>
                        <Typography.Text type="secondary">{run.tags.join(', ')}</Typography.Text>
                      </Flex>
                    ),
                  },
                  {
                    key: 'time',
                    title: t('overview.time'),
                    render: (_, run) => formatTime(run.at, locale),
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      </Flex>
    </>
  );
}
