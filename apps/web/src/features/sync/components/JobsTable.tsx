import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  LoadingOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons';
import type { SyncJob, SyncJobStatus } from '@swr-console/swr-api';
import { Flex } from 'antd';
import { Typography } from '../../../shared/components/typography/Typography';
import { DataTable } from '../../../shared/components/table/DataTable';
import type { ReactNode } from 'react';
import { EmptyText } from '../../../shared/components/EmptyText';
import { formatTime } from '../../../shared/format';
import { useLocale, useT } from '../../../shared/i18n';
import { RETRYABLE, type FailureCause } from '../jobs';

const STATUS_ICON: Record<SyncJobStatus, ReactNode> = {
  waiting: <ClockCircleOutlined aria-hidden />,
  running: <LoadingOutlined aria-hidden />,
  success: <CheckCircleOutlined aria-hidden />,
  existed: <MinusCircleOutlined aria-hidden />,
  failed: <CloseCircleOutlined aria-hidden />,
  timeout: <CloseCircleOutlined aria-hidden />,
  cancel: <CloseCircleOutlined aria-hidden />,
};

/** One row per tag copied, newest first, each with its status in words and what it means. */
export function JobsTable({
  jobs,
  loading,
  cause,
}: {
  jobs: readonly SyncJob[];
  loading: boolean;
  cause: (job: SyncJob) => FailureCause;
}) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <DataTable<SyncJob>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={[...jobs]}
      empty={<EmptyText>{t('sync.jobs.empty')}</EmptyText>}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          key: 'tag',
          title: t('sync.jobs.tag'),
          render: (_, job) => <Typography.Text strong>{job.tag}</Typography.Text>,
        },
        {
          key: 'target',
          title: t('sync.jobs.target'),
          render: (_, job) => `${job.remoteRegionId} / ${job.remoteNamespace}`,
        },
        {
          key: 'status',
          title: t('sync.jobs.status'),
          render: (_, job) => (
            <Flex vertical gap={2}>
              <span>
                {STATUS_ICON[job.status]} {t(`sync.status.${job.status}`)}
              </span>
              {job.status === 'existed' ? (
                <Typography.Text type="secondary">
                  {job.override ? t('sync.status.existed.same') : t('sync.status.existed.help')}
                </Typography.Text>
              ) : RETRYABLE.has(job.status) ? (
                <Typography.Text type="secondary">
                  {t(`sync.cause.${cause(job)}`, {
                    namespace: job.remoteNamespace,
                    region: job.remoteRegionId,
                  })}
                </Typography.Text>
              ) : null}
            </Flex>
          ),
        },
        {
          key: 'override',
          title: t('sync.jobs.override'),
          render: (_, job) => (job.override ? t('sync.override.yes') : t('sync.override.no')),
        },
        { key: 'operator', title: t('sync.jobs.operator'), dataIndex: 'syncOperatorName' },
        {
          key: 'updated',
          title: t('sync.jobs.updated'),
          render: (_, job) => formatTime(job.updatedAt, locale),
        },
      ]}
    />
  );
}
