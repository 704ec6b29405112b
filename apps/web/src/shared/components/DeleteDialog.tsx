import { Modal } from 'antd';
import { Typography } from './typography/Typography';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { ErrorAlert } from './ErrorAlert';
import { ShowRequest, type ShownRequest } from './ShowRequest';

/** The confirmation of `DeleteButton`, naming what goes. */
export function DeleteDialog({
  open,
  title,
  text,
  blocked,
  request,
  run,
  pending,
  error,
  reset,
  onDone,
  onCancel,
  okText,
}: {
  open: boolean;
  title: string;
  text: ReactNode;
  blocked: boolean;
  request?: ShownRequest;
  /** Deletes; its promise rather than mutate's callbacks, which are dropped if the row holding
   * the button goes with the refreshed list first. The error shows from `error`. */
  run: () => Promise<unknown>;
  pending: boolean;
  error: Error | null;
  reset: () => void;
  onDone: () => void;
  onCancel: () => void;
  /** The confirming button's words, when "Delete" is not what happens ("Stop sharing"). */
  okText?: string | undefined;
}) {
  const t = useT();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.delete')}
      okButtonProps={{ danger: true, disabled: blocked }}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => void run().then(onDone, () => undefined)}
      onCancel={() => {
        reset();
        onCancel();
      }}
    >
      <Typography.Paragraph>{text}</Typography.Paragraph>
      {request && !blocked ? <ShowRequest {...request} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
