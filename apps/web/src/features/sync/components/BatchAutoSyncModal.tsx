import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, Checkbox, Form, Modal } from 'antd';
import { Typography } from '../../../shared/components/typography/Typography';
import { DataTable } from '../../../shared/components/table/DataTable';
import { useState } from 'react';
import { explain } from '../../../shared/errors';
import { useT } from '../../../shared/i18n';
import { createAutoSyncCall, type SyncTarget } from '../api';
import { ShowRequest } from '../../../shared/components/ShowRequest';
import { useBatchAutoSync } from '../mutations';
import { OverrideField } from './OverrideField';
import { TargetFields } from './TargetFields';

interface Outcome {
  repository: string;
  ok: boolean;
  /** Tags queued for copying at once, when asked. */
  copied: number;
  error?: string;
}

/**
 * Automatic sync for several repositories at once. SWR has no batch call, so the console sets
 * each up in turn, and reports per repository what happened.
 */
export function BatchAutoSyncModal({
  region,
  repositories,
  regions,
  onClose,
}: {
  region: string;
  repositories: readonly { namespace: string; name: string }[];
  regions: readonly string[];
  onClose: () => void;
}) {
  const t = useT();
  const [target, setTarget] = useState<Partial<SyncTarget>>({});
  const [override, setOverride] = useState(false);
  const [backfill, setBackfill] = useState(true);
  const run = useBatchAutoSync(region);
  const outcomes = run.data?.map((outcome): Outcome => ({
    repository: `${outcome.item.namespace}/${outcome.item.name}`,
    ok: outcome.status === 'done',
    copied: outcome.status === 'done' ? outcome.value : 0,
    error: outcome.status === 'failed' ? explain(outcome.error, t) : undefined,
  }));
  const ready = target.region !== undefined && target.namespace !== undefined;

  return (
    <Modal
      open
      width={680}
      title={t('sync.batch.title', { count: repositories.length })}
      okText={outcomes ? t('common.close') : t('sync.batch.ok', { count: repositories.length })}
      okButtonProps={{ disabled: !outcomes && !ready }}
      // Closing mid-way would hide the results of requests still under way.
      cancelButtonProps={{
        style: outcomes ? { display: 'none' } : undefined,
        disabled: run.isPending,
      }}
      closable={!run.isPending}
      maskClosable={!run.isPending}
      keyboard={!run.isPending}
      cancelText={t('common.cancel')}
      confirmLoading={run.isPending}
      onOk={() =>
        outcomes
          ? onClose()
          : run.mutate({ repositories, target: target as SyncTarget, override, backfill })
      }
      onCancel={onClose}
      destroyOnHidden
    >
      {outcomes ? (
        <>
          <Typography.Paragraph role="status">
            {t('sync.batch.summary', {
              ok: outcomes.filter((o) => o.ok).length,
              failed: outcomes.filter((o) => !o.ok).length,
            })}
          </Typography.Paragraph>
          <DataTable<Outcome>
            size="small"
            rowKey="repository"
            dataSource={outcomes}
            pagination={false}
            columns={[
              { key: 'repository', title: t('sync.batch.repository'), dataIndex: 'repository' },
              {
                key: 'result',
                title: t('sync.batch.result'),
                render: (_, outcome) =>
                  outcome.ok ? (
                    <span>
                      <CheckCircleOutlined aria-hidden />{' '}
                      {t('sync.batch.done', { count: outcome.copied })}
                    </span>
                  ) : (
                    <Typography.Text type="danger">
                      <CloseCircleOutlined aria-hidden /> {outcome.error}
                    </Typography.Text>
                  ),
              },
            ]}
          />
        </>
      ) : (
        <>
          <Alert type="info" showIcon title={t('sync.auto.onlyNew')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph>
            {repositories.map((r) => `${r.namespace}/${r.name}`).join(', ')}
          </Typography.Paragraph>
          <Form layout="vertical" component="div">
            <TargetFields regions={regions} value={target} onChange={setTarget} />
            <OverrideField value={override} onChange={setOverride} />
            <Form.Item>
              <Checkbox checked={backfill} onChange={(event) => setBackfill(event.target.checked)}>
                {t('sync.batch.backfill')}
              </Checkbox>
            </Form.Item>
          </Form>
          <ShowRequest
            region={region}
            note={backfill ? t('sync.batch.request.copyLater') : undefined}
            calls={() =>
              ready
                ? repositories.map((r) =>
                    createAutoSyncCall(
                      { region, namespace: r.namespace, repository: r.name },
                      target as SyncTarget,
                      override,
                    ),
                  )
                : []
            }
          />
          {run.isPending ? (
            <Typography.Paragraph role="status">{t('sync.batch.running')}</Typography.Paragraph>
          ) : null}
        </>
      )}
    </Modal>
  );
}
