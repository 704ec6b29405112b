import { Alert, Checkbox, Form, Modal } from 'antd';
import { Typography } from '../../../shared/components/typography/Typography';
import { useState } from 'react';
import { useT } from '../../../shared/i18n';
import { createAutoSyncCall, type RepositoryRef, type SyncTarget } from '../api';
import { syncInBatchesCalls } from '../sync-now';
import { ShowRequest } from '../../../shared/components/ShowRequest';
import { useCreateAutoSync } from '../mutations';
import { SyncError } from './SyncError';
import { OverrideField } from './OverrideField';
import { TargetFields } from './TargetFields';
import { useNotices } from '../../../shared/notices';

/**
 * Sets up automatic sync to one target. SWR syncs only what is pushed after the task exists, so
 * the dialog says so and offers to copy the tags the repository has now as well (on by default).
 */
export function AutoSyncModal({
  target: repository,
  regions,
  tags,
  existing,
  open,
  onClose,
}: {
  target: RepositoryRef;
  regions: readonly string[];
  /** The repository's tags now, offered for copying at once; undefined when too many to list. */
  tags: readonly string[] | undefined;
  /** Targets that already have a task. */
  existing: readonly SyncTarget[];
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const notices = useNotices();
  const [target, setTarget] = useState<Partial<SyncTarget>>({});
  const [override, setOverride] = useState(false);
  const [backfill, setBackfill] = useState(true);
  const duplicate = existing.some(
    (task) => task.region === target.region && task.namespace === target.namespace,
  );
  const mutation = useCreateAutoSync(repository);
  const create = (chosen: SyncTarget) =>
    mutation.mutate(
      { target: chosen, override, tags: backfill && tags ? tags : [] },
      {
        onSuccess: (result) => {
          if ('copyFailed' in result) {
            void notices.warning(
              t('sync.auto.copyFailed', { region: chosen.region, namespace: chosen.namespace }),
            );
            close();
            return;
          }
          void notices.success(
            result.queued > 0
              ? t('sync.auto.createdWithBackfill', {
                  region: chosen.region,
                  namespace: chosen.namespace,
                  count: result.queued,
                })
              : t('sync.auto.created', { region: chosen.region, namespace: chosen.namespace }),
          );
          if (result.refused.length > 0)
            void notices.warning(t('sync.now.refused', { tags: result.refused.join(', ') }));
          close();
        },
      },
    );
  const close = () => {
    setTarget({});
    setOverride(false);
    setBackfill(true);
    mutation.reset();
    onClose();
  };
  const ready = target.region !== undefined && target.namespace !== undefined && !duplicate;

  return (
    <Modal
      open={open}
      title={t('sync.auto.title', {
        repository: `${repository.namespace}/${repository.repository}`,
      })}
      okText={t('sync.auto.ok')}
      okButtonProps={{ disabled: !ready }}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => create(target as SyncTarget)}
      onCancel={close}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('sync.auto.onlyNew')} style={{ marginBottom: 16 }} />
      <Form layout="vertical" component="div">
        <TargetFields regions={regions} value={target} onChange={setTarget} />
        {duplicate ? (
          <Typography.Paragraph type="danger" role="alert">
            {t('sync.auto.duplicate')}
          </Typography.Paragraph>
        ) : null}
        <OverrideField value={override} onChange={setOverride} />
        <Form.Item>
          <Checkbox
            checked={backfill && tags !== undefined}
            disabled={!tags || tags.length === 0}
            onChange={(event) => setBackfill(event.target.checked)}
          >
            {tags
              ? t('sync.auto.backfill', { count: tags.length })
              : t('sync.auto.backfill.tooMany')}
          </Checkbox>
        </Form.Item>
      </Form>
      <ShowRequest
        region={repository.region}
        calls={() =>
          ready
            ? [
                createAutoSyncCall(repository, target as SyncTarget, override),
                ...(backfill && tags
                  ? syncInBatchesCalls(repository, target as SyncTarget, tags, override)
                  : []),
              ]
            : []
        }
      />
      {mutation.error ? <SyncError error={mutation.error} /> : null}
    </Modal>
  );
}
