import { CheckOutlined } from '@ant-design/icons';
import type { PlanEntry, RetentionPlan } from '@swr-console/swr-api';
import { Alert, Flex, Tag } from 'antd';
import { Segmented } from '../../../shared/components/segmented/Segmented';
import { Typography } from '../../../shared/components/typography/Typography';
import { DataTable } from '../../../shared/components/table/DataTable';
import { useId, useMemo, useState } from 'react';
import { formatBytes, formatTime } from '../../../shared/format';
import { useLocale, useT } from '../../../shared/i18n';
import { reasonText } from '../describe';

type Show = 'delete' | 'keep' | 'all';

/**
 * The plan of a rule for the repository's tags as they are: the count and bytes that go, and
 * every tag with what happens to it and why. Deletions are listed first.
 */
export function PlanView({
  plan,
  updated,
}: {
  plan: RetentionPlan;
  /** Each tag's last update (ISO), to show beside the decision. */
  updated: ReadonlyMap<string, string>;
}) {
  const t = useT();
  const [locale] = useLocale();
  const labelId = useId();
  const [show, setShow] = useState<Show>('delete');
  const total = plan.entries.length;
  const rows = useMemo(
    () =>
      show === 'all'
        ? [...plan.entries].sort((a, b) =>
            a.action === b.action ? 0 : a.action === 'delete' ? -1 : 1,
          )
        : plan.entries.filter((entry) => entry.action === show),
    [plan, show],
  );
  if (total === 0) return <Typography.Paragraph>{t('retention.plan.empty')}</Typography.Paragraph>;

  return (
    <Flex vertical gap={12}>
      <Alert
        type={plan.deleted.length > 0 ? 'warning' : 'success'}
        showIcon
        role="status"
        title={
          plan.deleted.length > 0
            ? t('retention.plan.summary', {
                deleted: plan.deleted.length,
                total,
                kept: plan.kept.length,
                bytes: formatBytes(plan.bytesFreed),
              })
            : t('retention.plan.nothing', { total })
        }
        description={plan.deleted.length > 0 ? t('retention.plan.bytesNote') : undefined}
      />
      <Flex align="center" gap={8}>
        <span id={labelId}>{t('retention.plan.show')}</span>
        <Segmented<Show>
          aria-labelledby={labelId}
          value={show}
          onChange={setShow}
          options={[
            {
              value: 'delete',
              label: t('retention.plan.show.delete', { count: plan.deleted.length }),
            },
            { value: 'keep', label: t('retention.plan.show.keep', { count: plan.kept.length }) },
            { value: 'all', label: t('retention.plan.show.all', { count: total }) },
          ]}
        />
      </Flex>
      <DataTable<PlanEntry>
        size="small"
        rowKey="tag"
        dataSource={rows}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showSizeChanger: true }}
        columns={[
          {
            key: 'tag',
            title: t('retention.plan.tag'),
            render: (_, entry) => <Typography.Text strong>{entry.tag}</Typography.Text>,
          },
          {
            key: 'updated',
            title: t('retention.plan.updated'),
            render: (_, entry) => {
              const at = updated.get(entry.tag);
              return at ? formatTime(at, locale) : '—';
            },
          },
          {
            key: 'decision',
            title: t('retention.plan.decision'),
            render: (_, entry) =>
              entry.action === 'delete' ? (
                <Tag color="error">{t('retention.plan.delete')}</Tag>
              ) : (
                // antd's green tag falls short of 4.5:1; a kept tag needs no colour to stand out.
                <Tag icon={<CheckOutlined aria-hidden />}>{t('retention.plan.keep')}</Tag>
              ),
          },
          {
            key: 'why',
            title: t('retention.plan.why'),
            render: (_, entry) => reasonText(entry.reason, t),
          },
        ]}
      />
    </Flex>
  );
}
