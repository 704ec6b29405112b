import { Form, Input, Modal } from 'antd';
import { useId, useState } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { ShowRequest } from '../../../shared/components/ShowRequest';
import { Typography } from '../../../shared/components/typography/Typography';
import { useT } from '../../../shared/i18n';
import { useNotices } from '../../../shared/notices';
import { deleteRepositoryCall } from '../api';
import { useDeleteRepository } from '../mutations';

/**
 * Deleting a repository deletes every tag in it, so the dialog names the repository and the tag
 * count, and asks for the name to be typed before the button works.
 */
export function DeleteRepositoryDialog({
  open,
  onClose,
  region,
  namespace,
  repository,
  tags,
  onDeleted,
}: {
  open: boolean;
  onClose: () => void;
  region: string;
  namespace: string;
  repository: string;
  tags: number;
  onDeleted?: (() => void) | undefined;
}) {
  const t = useT();
  const typedId = useId();
  const notices = useNotices();
  const [typed, setTyped] = useState('');
  const name = `${namespace}/${repository}`;
  const mutation = useDeleteRepository(region);
  return (
    <Modal
      open={open}
      title={t('repos.delete.title', { name })}
      okText={t('common.delete')}
      okButtonProps={{ danger: true, disabled: typed !== name }}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      // Its promise rather than mutate's callbacks: those are dropped if the row holding this
      // button goes with the refreshed list first. The error shows from the mutation.
      onOk={() =>
        void mutation.mutateAsync({ namespace, repository }).then(
          (held) => {
            if (!held) void notices.success(t('repos.deleted', { name }));
            onClose();
            onDeleted?.();
          },
          () => undefined,
        )
      }
      onCancel={() => {
        onClose();
        setTyped('');
        mutation.reset();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('repos.delete.what', { name, count: tags })}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('repos.delete.type', { name })} htmlFor={typedId}>
          <Input
            id={typedId}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
        </Form.Item>
      </Form>
      <ShowRequest region={region} calls={() => [deleteRepositoryCall(namespace, repository)]} />
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
    </Modal>
  );
}
