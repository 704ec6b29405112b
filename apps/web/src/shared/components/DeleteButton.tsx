import { DeleteOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import { Button, Modal, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

/**
 * A delete button that asks first: the dialog's title and text name what goes. When `blocked`,
 * the dialog explains why it cannot go instead of offering a button that would fail. The delete
 * is the feature's own mutation (which refreshes what it changes), run with `variables`.
 */
export function DeleteButton<TVariables>({
  label,
  title,
  text,
  blocked = false,
  compact = false,
  mutation,
  variables,
  onDeleted,
}: {
  /** The button's accessible name, naming the item. */
  label: string;
  title: string;
  text: ReactNode;
  blocked?: boolean;
  /** An icon alone (in dense rows) rather than an icon and the word. */
  compact?: boolean;
  mutation: UseMutationResult<unknown, Error, TVariables>;
  variables: TVariables;
  onDeleted: () => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        danger
        size={compact ? 'middle' : 'small'}
        type={compact ? 'text' : 'default'}
        icon={<DeleteOutlined aria-hidden />}
        aria-label={label}
        onClick={() => setOpen(true)}
      >
        {compact ? null : t('common.delete')}
      </Button>
      <Modal
        open={open}
        title={title}
        okText={t('common.delete')}
        okButtonProps={{ danger: true, disabled: blocked }}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        // Its promise rather than mutate's callbacks: those are dropped if the row holding this
        // button goes with the refreshed list first. The error shows from the mutation.
        onOk={() =>
          void mutation.mutateAsync(variables).then(
            () => {
              setOpen(false);
              onDeleted();
            },
            () => undefined,
          )
        }
        onCancel={() => {
          mutation.reset();
          setOpen(false);
        }}
      >
        <Typography.Paragraph>{text}</Typography.Paragraph>
        {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      </Modal>
    </>
  );
}
