import { DeleteOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { useDeleteConfirm } from './DeleteConfirm';
import type { ShownRequest } from './ShowRequest';

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
  request,
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
  /** The SWR API calls the delete makes, which the dialog can show before it is confirmed. */
  request?: ShownRequest;
  /** After it went: `held` when the BFF holds it for undo (its bar says so; no toast needed). */
  onDeleted: (held: boolean) => void;
}) {
  const t = useT();
  const [confirm, holder] = useDeleteConfirm();
  return (
    <>
      <Button
        danger
        size={compact ? 'middle' : 'small'}
        type={compact ? 'text' : 'default'}
        icon={<DeleteOutlined aria-hidden />}
        aria-label={label}
        onClick={() =>
          confirm({
            title,
            text,
            blocked,
            request,
            run: () =>
              mutation.mutateAsync(variables).then((result) => onDeleted(result !== undefined)),
          })
        }
      >
        {compact ? null : t('common.delete')}
      </Button>
      {holder}
    </>
  );
}
