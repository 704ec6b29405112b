import { DeleteButton } from '../../../shared/components/DeleteButton';
import { useT } from '../../../shared/i18n';
import { deleteNamespaceCall, type InstanceRef } from '../api';
import { useDeleteNamespace } from '../mutations';
import { useNotices } from '../../../shared/notices';

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
  const notices = useNotices();
  const remove = useDeleteNamespace(target);
  const empty = repositories === 0;
  return (
    <DeleteButton
      label={t('ent.ns.delete', { name })}
      title={t('ent.ns.delete.title', { name })}
      text={
        empty
          ? t('ent.ns.delete.confirm', { name, tags })
          : t('ent.ns.delete.notEmpty', { name, count: repositories })
      }
      blocked={!empty}
      mutation={remove}
      variables={name}
      request={{ region: target.region, calls: () => [deleteNamespaceCall(target, name)] }}
      onDeleted={(held) => {
        if (!held) void notices.success(t('ent.ns.deleted', { name }));
      }}
    />
  );
}
