import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { DeleteButton } from '../../../shared/components/DeleteButton';
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
  const empty = repositories === 0;
  return (
    <DeleteButton
      compact
      label={t('namespaces.delete', { name })}
      title={t('namespaces.delete.title', { name })}
      text={
        empty
          ? t('namespaces.delete.confirm', { name })
          : t('namespaces.delete.notEmpty', { name, count: repositories })
      }
      blocked={!empty}
      remove={() => deleteNamespace(region, name)}
      onDeleted={async () => {
        void message.success(t('namespaces.deleted', { name }));
        await queryClient.invalidateQueries({ queryKey: swrKeys.region(region) });
        onDeleted?.();
      }}
    />
  );
}
