import type { WebhookJob, WebhookPolicy } from '@swr-console/swr-api';
import { useQuery } from '@tanstack/react-query';
import { Flex, Tag } from 'antd';
import { EmptyText } from '../../../shared/components/EmptyText';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { Select } from '../../../shared/components/select/Select';
import { DataTable } from '../../../shared/components/table/DataTable';
import { Typography } from '../../../shared/components/typography/Typography';
import { formatTime } from '../../../shared/format';
import { useWatchingUntil } from '../../../shared/freshness';
import { useLocale, useT } from '../../../shared/i18n';
import type { ListState } from '../../../shared/list-state';
import type { InstanceRef } from '../api';
import {
  attemptsOf,
  DELIVERY_STATUSES,
  deliveryDetail,
  unsettled,
  visibleText,
  type DeliveryStatus,
} from '../webhook-jobs';
import { followDeliveries, webhookQueries } from '../webhook-queries';
import './webhooks.css';

/** antd's green and orange fall short of 4.5:1 as tag text; blue, purple and the theme's red do not. */
const COLORS: Partial<Record<string, string>> = {
  InProgress: 'purple',
  Succeed: 'blue',
  Failed: 'error',
};

/** A delivery's status in words and colour. */
export function DeliveryStatusTag({ status }: { status: string }) {
  const t = useT();
  const known = (DELIVERY_STATUSES as readonly string[]).includes(status);
  return (
    <Tag color={COLORS[status]} style={{ margin: 0 }}>
      {known ? t(`wh.status.${status}`) : visibleText(status, 40)}
    </Tag>
  );
}

/** What the receiver answered, as text (never markup): its status and the start of its body. */
export function DeliveryResponse({
  statusCode,
  excerpt,
  truncated,
  error,
}: {
  statusCode: number | undefined;
  excerpt: string;
  truncated: boolean;
  error: string | undefined;
}) {
  const t = useT();
  return (
    <Flex vertical gap={2} className="webhook-response">
      <Typography.Text strong>
        {statusCode === undefined ? t('wh.response.none') : `HTTP ${statusCode}`}
      </Typography.Text>
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      {excerpt ? (
        <pre className="webhook-excerpt" tabIndex={0}>
          {excerpt}
        </pre>
      ) : null}
      {truncated ? (
        <Typography.Text type="secondary">{t('wh.response.cut')}</Typography.Text>
      ) : null}
    </Flex>
  );
}

function DeliveryRow({ job, field }: { job: WebhookJob; field: 'attempts' | 'response' }) {
  const t = useT();
  const [locale] = useLocale();
  const detail = deliveryDetail(job.job_detail);
  if (field === 'response') {
    if (!detail)
      return job.job_detail === '' ? (
        <Typography.Text type="secondary">{t('wh.response.notYet')}</Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('wh.response.unreadable')}</Typography.Text>
      );
    return (
      <DeliveryResponse
        statusCode={detail.statusCode}
        excerpt={detail.excerpt}
        truncated={detail.excerptTruncated}
        error={detail.error}
      />
    );
  }
  const attempts = attemptsOf(job.status_text, job.updated_at, detail);
  return (
    <Flex vertical gap={2}>
      {attempts.made !== undefined ? (
        <span>
          {attempts.of !== undefined
            ? t('wh.attempts.of', { made: attempts.made, of: attempts.of })
            : attempts.made}
        </span>
      ) : null}
      {attempts.nextAt && unsettled(job.status) ? (
        <Typography.Text type="secondary">
          {t('wh.attempts.next', { at: formatTime(attempts.nextAt, locale) })}
        </Typography.Text>
      ) : null}
      {detail?.durationMs !== undefined ? (
        <Typography.Text type="secondary">
          {t('wh.attempts.duration', { ms: detail.durationMs })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/**
 * A webhook's deliveries as SWR records them, newest first, a page at a time with a status filter
 * (both in the address), followed every 3 s while any shown is waiting or being sent.
 */
export function WebhookDeliveries({
  target,
  namespace,
  webhook,
  status,
  page,
  pageSize,
  onChange,
}: {
  target: InstanceRef;
  namespace: string;
  webhook: WebhookPolicy;
  status: string | undefined;
  page: number;
  pageSize: number;
  onChange: (change: Partial<ListState>) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const filter = (DELIVERY_STATUSES as readonly string[]).includes(status ?? '')
    ? (status as DeliveryStatus)
    : undefined;
  const deliveries = useQuery({
    ...webhookQueries.deliveries(target, namespace, webhook.id, {
      status: filter,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    }),
    placeholderData: (previous) => previous,
    refetchInterval: followDeliveries(useWatchingUntil()),
  });
  const headingId = `webhook-deliveries-${webhook.id}`;
  return (
    <section aria-labelledby={headingId} className="webhook-deliveries">
      <Typography.Title level={2} id={headingId} style={{ fontSize: 16 }}>
        {t('wh.history.title', { name: webhook.name })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('wh.history.intro')}</Typography.Paragraph>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <Select<DeliveryStatus>
          aria-label={t('wh.history.status')}
          allowClear
          placeholder={t('wh.history.allStatuses')}
          value={filter}
          options={DELIVERY_STATUSES.map((value) => ({ value, label: t(`wh.status.${value}`) }))}
          onChange={(value) => onChange({ filters: { status: value ?? '' } })}
          style={{ width: 200 }}
        />
      </Flex>
      {deliveries.error ? (
        <ErrorAlert error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : (
        <DataTable
          rowKey="id"
          size="small"
          aria-label={t('wh.history.title', { name: webhook.name })}
          loading={deliveries.isPending}
          dataSource={deliveries.data?.jobs ?? []}
          empty={
            <EmptyText>{t(filter ? 'wh.history.emptyFiltered' : 'wh.history.empty')}</EmptyText>
          }
          pagination={{
            current: page,
            pageSize,
            total: deliveries.data?.total ?? 0,
            pageSizeOptions: [10, 20, 50],
            showSizeChanger: true,
            onChange: (next, size) => onChange({ page: next, pageSize: size }),
          }}
          columns={[
            {
              key: 'status',
              title: t('wh.history.status'),
              render: (_, job) => (
                <Flex vertical gap={2}>
                  <DeliveryStatusTag status={job.status} />
                  <Typography.Text type="secondary">
                    {visibleText(job.status_text, 300)}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'when',
              title: t('wh.history.when'),
              render: (_, job) => (
                <Flex vertical gap={2}>
                  <span>{formatTime(job.created_at, locale)}</span>
                  {job.updated_at !== job.created_at ? (
                    <Typography.Text type="secondary">
                      {t('wh.history.updated', { at: formatTime(job.updated_at, locale) })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              key: 'attempts',
              title: t('wh.history.attempts'),
              render: (_, job) => <DeliveryRow job={job} field="attempts" />,
            },
            {
              key: 'response',
              title: t('wh.history.response'),
              render: (_, job) => <DeliveryRow job={job} field="response" />,
            },
          ]}
        />
      )}
    </section>
  );
}
