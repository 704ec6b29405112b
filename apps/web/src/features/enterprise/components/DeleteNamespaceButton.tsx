import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useT } from '../../../shared/i18n';
import { deleteNamespace, type InstanceRef } from '../api';
import { enterpriseKeys } from '../queries';

/** Asks first, naming the namespace and what goes with it; a non-empty one cannot go. */
export function DeleteNamespaceButton({
  target,
  name,
  repositories,
  tags,
}: {
  target: InstanceRef;
  name: string;
  repositories: number;
  tags: number;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: () => deleteNamespace(target, name),
    onSuccess: async () => {
      void message.success(t('ent.ns.deleted', { name }));
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: enterpriseKeys.instance(target) });
    },
  });
  const empty = repositories === 0;
  return (
    <>
      <Button
        size="small"
        danger
        icon={<DeleteOutlined aria-hidden />}
        aria-label={t('ent.ns.delete', { name })}
        onClick={() => setOpen(true)}
      >
        {t('common.delete')}
      </Button>
      <Modal
        open={open}
        title={t('ent.ns.delete.title', { name })}
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
            ? t('ent.ns.delete.confirm', { name, tags })
            : t('ent.ns.delete.notEmpty', { name, count: repositories })}
        </Typography.Paragraph>
        {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      </Modal>
    </>
  );
}
