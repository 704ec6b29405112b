import { DeleteButton } from '../../../shared/components/DeleteButton';
import { PendingMark } from '../../../shared/components/HeldMark';
import { useT } from '../../../shared/i18n';
import { deleteNamespaceCall } from '../api';
import { useDeleteNamespace } from '../mutations';
import { useNotices } from '../../../shared/notices';

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
  const notices = useNotices();
  const remove = useDeleteNamespace(region);
  const empty = repositories === 0;
  return (
    <PendingMark region={region} operation="DeleteNamespaces" params={{ namespace: name }}>
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
        mutation={remove}
        variables={name}
        request={{ region, calls: () => [deleteNamespaceCall(name)] }}
        onDeleted={(held) => {
          if (!held) void notices.success(t('namespaces.deleted', { name }));
          onDeleted?.();
        }}
      />
    </PendingMark>
  );
}
