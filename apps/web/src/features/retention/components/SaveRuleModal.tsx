import type { RetentionPlan } from '@swr-console/swr-api';
import { Modal } from 'antd';
import { Typography } from '../../../shared/components/typography/Typography';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { ShowRequest, type ShownRequest } from '../../../shared/components/ShowRequest';
import { formatBytes } from '../../../shared/format';
import { useT } from '../../../shared/i18n';

/** The last word before SWR runs the rule: how many tags go now, each of them named. */
export function SaveRuleModal({
  open,
  repository,
  plan,
  pending,
  error,
  request,
  onSave,
  onCancel,
}: {
  open: boolean;
  repository: string;
  /** Undefined when the repository has too many tags to plan for. */
  plan: RetentionPlan | undefined;
  pending: boolean;
  error: unknown;
  /** The call saving makes, to show before it is sent. */
  request: ShownRequest;
  onSave: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const deleted = plan?.deleted ?? [];
  return (
    <Modal
      open={open}
      title={t('retention.confirm.title', { repository })}
      okText={
        deleted.length > 0
          ? t('retention.confirm.ok', { count: deleted.length })
          : t('retention.save')
      }
      okButtonProps={{ danger: plan === undefined || deleted.length > 0 }}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={onSave}
      onCancel={onCancel}
      destroyOnHidden
    >
      {plan === undefined ? (
        <Typography.Paragraph type="danger" strong>
          {t('retention.confirm.unknown')}
        </Typography.Paragraph>
      ) : deleted.length > 0 ? (
        <>
          <Typography.Paragraph>
            {t('retention.confirm.deletes', {
              count: deleted.length,
              bytes: formatBytes(plan!.bytesFreed),
            })}
          </Typography.Paragraph>
          <ul
            aria-label={t('retention.plan.show.delete', { count: deleted.length })}
            style={{ maxHeight: 240, overflow: 'auto', margin: '0 0 12px' }}
            tabIndex={0}
          >
            {deleted.map((tag) => (
              <li key={tag}>
                <Typography.Text code>{tag}</Typography.Text>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Typography.Paragraph>{t('retention.confirm.nothing')}</Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">{t('retention.confirm.later')}</Typography.Paragraph>
      <ShowRequest {...request} />
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
