import { DeleteOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, useState } from 'react';
import { PendingMark } from '../../../shared/components/HeldMark';
import { OnceOpened } from '../../../shared/components/OnceOpened';
import { useT } from '../../../shared/i18n';

// The dialog (antd's modal and form) loads when a delete is first asked for, not with every list.
const DeleteRepositoryDialog = lazy(async () => ({
  default: (await import('./DeleteRepositoryDialog')).DeleteRepositoryDialog,
}));

/** Deletes a repository after a confirmation that names it (DeleteRepositoryDialog). */
export function DeleteRepositoryButton({
  region,
  namespace,
  repository,
  tags,
  onDeleted,
  withLabel,
}: {
  region: string;
  namespace: string;
  repository: string;
  tags: number;
  onDeleted?: () => void;
  withLabel?: boolean;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const name = `${namespace}/${repository}`;
  return (
    <PendingMark region={region} operation="DeleteRepo" params={{ namespace, repository }}>
      <Button
        danger
        type={withLabel ? 'default' : 'text'}
        icon={<DeleteOutlined />}
        aria-label={t('repos.delete', { name })}
        onClick={() => setOpen(true)}
      >
        {withLabel ? t('common.delete') : null}
      </Button>
      <OnceOpened open={open}>
        <DeleteRepositoryDialog
          open={open}
          onClose={() => setOpen(false)}
          region={region}
          namespace={namespace}
          repository={repository}
          tags={tags}
          onDeleted={onDeleted}
        />
      </OnceOpened>
    </PendingMark>
  );
}
