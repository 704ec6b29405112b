import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useT } from '../../../shared/i18n';
import { swrKeys } from '../../../shared/keys';
import { deleteNamespace } from '../api';

/**
 * Deleting asks first, naming the organization. SWR refuses to delete one that still holds
 * repositories; the dialog says so instead of offering a button that would fail.
 */
export function DeleteNamespaceButton({
  region,
  name,
  repositories,
  onDeleted,
}: {
  region: string;
  name: string;
  repositories: number;
  onDeleted?: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: () => deleteNamespace(region, name),
    onSuccess: async () => {
      void message.success(t('namespaces.deleted', { name }));
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: swrKeys.region(region) });
      onDeleted?.();
    },
  });
  const empty = repositories === 0;
  return (
    <>
      <Button
        danger
        type="text"
        icon={<DeleteOutlined />}
        aria-label={t('namespaces.delete', { name })}
        onClick={() => setOpen(true)}
      />
      <Modal
        open={open}
        title={t('namespaces.delete.title', { name })}
        okText={t('common.delete')}
        okButtonProps={{ danger: true, disabled: !empty }}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        onOk={() => mutation.mutate()}
        onCancel={() => {
          mutation.reset();
          setOpen(false);
        }}
      >
        <Typography.Paragraph>
          {empty
            ? t('namespaces.delete.confirm', { name })
            : t('namespaces.delete.notEmpty', { name, count: repositories })}
        </Typography.Paragraph>
        {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      </Modal>
    </>
  );
}
