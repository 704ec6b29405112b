import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useT } from '../i18n';

/** Edit and delete for a table row; the labels name the row, for screen readers. */
export function RowActions({
  editLabel,
  deleteLabel,
  deleteText,
  onEdit,
  onDelete,
}: {
  editLabel: string;
  deleteLabel: string;
  /** The delete button's visible word, when it is not "Delete". */
  deleteText?: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const t = useT();
  return (
    <Space>
      <Button
        size="small"
        icon={<EditOutlined aria-hidden />}
        aria-label={editLabel}
        onClick={onEdit}
      >
        {t('common.edit')}
      </Button>
      <Button
        size="small"
        danger
        icon={<DeleteOutlined aria-hidden />}
        aria-label={deleteLabel}
        onClick={onDelete}
      >
        {deleteText ?? t('common.delete')}
      </Button>
    </Space>
  );
}
