import {
  ArrowRightOutlined,
  CheckOutlined,
  MinusCircleOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { TagListItem } from '@swr-console/swr-api';
import { Alert, Form, Modal, Select, Tag } from 'antd';
import { Typography } from '../../../shared/components/typography/Typography';
import { DataTable } from '../../../shared/components/table/DataTable';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { shortDigest } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import type { RepositoryRef, SyncTarget } from '../api';
import { countOutcomes, previewSync, type PreviewRow, type SyncOutcome } from '../preview';
import { useSyncNow } from '../mutations';
import { syncInBatchesCalls } from '../sync-now';
import { ShowRequest } from '../../../shared/components/ShowRequest';
import { syncQueries } from '../queries';
import { SyncError } from './SyncError';
import { OverrideField } from './OverrideField';
import { TargetFields } from './TargetFields';
import { useNotices } from '../../../shared/notices';

// antd's coloured tags fall short of 4.5:1 except the error one (the theme darkens it): icons
// tell the outcomes apart, red marks the one that replaces an image.
const OUTCOME_ICON: Record<SyncOutcome, ReactNode> = {
  copy: <ArrowRightOutlined aria-hidden />,
  same: <CheckOutlined aria-hidden />,
  kept: <MinusCircleOutlined aria-hidden />,
  replace: <WarningOutlined aria-hidden />,
};

/**
 * Copies chosen tags to another region now. Before anything is sent, it reads the target and
 * shows per tag whether it will be copied, is already there, stays as it is, or is replaced.
 */
export function ManualSyncModal({
  source,
  regions,
  tags,
  initialTags,
  open,
  onClose,
}: {
  source: RepositoryRef;
  regions: readonly string[];
  tags: readonly TagListItem[];
  initialTags: readonly string[];
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const notices = useNotices();
  const tagsId = useId();
  const [chosen, setChosen] = useState<string[]>([...initialTags]);
  const [target, setTarget] = useState<Partial<SyncTarget>>({});
  const [override, setOverride] = useState(false);
  const complete = target.region !== undefined && target.namespace !== undefined;
  const inTarget = useQuery({
    ...syncQueries.target(source.repository, target as SyncTarget),
    enabled: open && complete,
  });
  const digests = useMemo(() => new Map(tags.map((tag) => [tag.Tag, tag.digest])), [tags]);
  const rows = useMemo(
    () =>
      inTarget.data
        ? previewSync(
            chosen.map((name) => ({ name, digest: digests.get(name) ?? '' })),
            inTarget.data,
            override,
          )
        : undefined,
    [chosen, digests, inTarget.data, override],
  );
  const counts = rows ? countOutcomes(rows) : undefined;
  const tooMany = inTarget.data === null;
  const mutation = useSyncNow(source);
  const send = () =>
    mutation.mutate(
      { target: target as SyncTarget, tags: chosen, override },
      {
        onSuccess: (result) => {
          void notices.success(
            t('sync.now.queued', {
              count: result.queued,
              region: target.region!,
              namespace: target.namespace!,
            }),
          );
          if (result.refused.length > 0)
            void notices.warning(t('sync.now.refused', { tags: result.refused.join(', ') }));
          onClose();
        },
      },
    );

  return (
    <Modal
      open={open}
      width={760}
      title={t('sync.now.title', { repository: `${source.namespace}/${source.repository}` })}
      okText={t('sync.now.ok', { count: chosen.length })}
      okButtonProps={{ disabled: !complete || chosen.length === 0 || (!rows && !tooMany) }}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={send}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('sync.now.tags')}
          htmlFor={tagsId}
          required
          validateStatus={chosen.length === 0 ? 'error' : undefined}
          help={chosen.length === 0 ? t('sync.now.tags.required') : undefined}
        >
          <Select
            id={tagsId}
            mode="multiple"
            value={chosen}
            onChange={setChosen}
            options={tags.map((tag) => ({ value: tag.Tag, label: tag.Tag }))}
            maxTagCount={12}
          />
        </Form.Item>
        <TargetFields regions={regions} value={target} onChange={setTarget} />
        <OverrideField value={override} onChange={setOverride} />
      </Form>
      {inTarget.error ? (
        <ErrorAlert error={inTarget.error} onRetry={() => void inTarget.refetch()} />
      ) : null}
      {tooMany ? <Alert type="warning" showIcon title={t('sync.preview.tooMany')} /> : null}
      {rows && counts ? (
        <section aria-label={t('sync.preview.title')}>
          <Typography.Title level={5}>{t('sync.preview.title')}</Typography.Title>
          <Typography.Paragraph role="status">
            {t('sync.preview.summary', {
              copy: counts.copy,
              same: counts.same,
              kept: counts.kept,
              replace: counts.replace,
            })}
          </Typography.Paragraph>
          <DataTable<PreviewRow>
            size="small"
            rowKey="tag"
            dataSource={rows}
            pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
            columns={[
              { key: 'tag', title: t('sync.preview.tag'), dataIndex: 'tag' },
              {
                key: 'source',
                title: t('sync.preview.source'),
                render: (_, row) => (
                  <Typography.Text code>{shortDigest(row.digest)}</Typography.Text>
                ),
              },
              {
                key: 'target',
                title: t('sync.preview.target'),
                render: (_, row) =>
                  row.targetDigest ? (
                    <Typography.Text code>{shortDigest(row.targetDigest)}</Typography.Text>
                  ) : (
                    t('sync.preview.absent')
                  ),
              },
              {
                key: 'outcome',
                title: t('sync.preview.outcome'),
                render: (_, row) => (
                  <Tag
                    icon={OUTCOME_ICON[row.outcome]}
                    color={row.outcome === 'replace' ? 'error' : undefined}
                  >
                    {t(`sync.outcome.${row.outcome}`)}
                  </Tag>
                ),
              },
            ]}
          />
        </section>
      ) : null}
      <ShowRequest
        region={source.region}
        calls={() =>
          complete ? syncInBatchesCalls(source, target as SyncTarget, chosen, override) : []
        }
      />
      {mutation.error ? <SyncError error={mutation.error} /> : null}
    </Modal>
  );
}
