import { useQuery } from '@tanstack/react-query';
import { Alert, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useT } from '../../../shared/i18n';
import { addTagsCall, removeTagsCall, type InstanceRef } from '../api';
import { ShowRequest } from '../../../shared/components/ShowRequest';
import { useSaveNamespaceTags } from '../mutations';
import { enterpriseQueries } from '../queries';
import { tagChanges, tagProblems, type TagRow } from '../tag-edits';
import { TagRowsEditor } from './TagRowsEditor';
import { useNotices } from '../../../shared/notices';

/**
 * Edits a namespace's tags as one list: rows to add, change or remove, checked as typed, with the
 * limit shown before it is reached. Saving removes the keys that went, then adds the new values.
 */
export function NamespaceTagsModal({
  target,
  namespace,
  onClose,
}: {
  target: InstanceRef;
  namespace: string;
  onClose: () => void;
}) {
  const t = useT();
  const notices = useNotices();
  const current = useQuery(enterpriseQueries.tags(target, namespace));
  const [rows, setRows] = useState<TagRow[]>();
  useEffect(() => {
    if (current.data && rows === undefined) setRows(current.data.map((tag) => ({ ...tag })));
  }, [current.data, rows]);
  const editing = rows ?? [];
  const problems = tagProblems(editing);
  const changes = tagChanges(current.data ?? [], editing);
  const unchanged = changes.add.length === 0 && changes.remove.length === 0;

  // Even a failed save reloads the tags, so the next save compares with what is left.
  const save = useSaveNamespaceTags(target, namespace);

  return (
    <Modal
      open
      title={t('ent.tags.title', { name: namespace })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: Object.keys(problems).length > 0 || unchanged || !rows }}
      confirmLoading={save.isPending}
      onOk={() =>
        save.mutate(changes, {
          onSuccess: () => {
            void notices.success(t('ent.tags.saved', { name: namespace }));
            onClose();
          },
        })
      }
      onCancel={onClose}
      width={640}
    >
      {current.error ? <ErrorAlert error={current.error} /> : null}
      <TagRowsEditor rows={editing} onChange={setRows} disabled={!rows} />
      {changes.remove.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('ent.tags.removing', { keys: changes.remove.map((tag) => tag.key).join(', ') })}
        />
      ) : null}
      <ShowRequest
        region={target.region}
        calls={() =>
          Object.keys(problems).length > 0
            ? []
            : [
                ...(changes.remove.length > 0
                  ? [removeTagsCall(target, namespace, changes.remove)]
                  : []),
                ...(changes.add.length > 0 ? [addTagsCall(target, namespace, changes.add)] : []),
              ]
        }
      />
      {save.error ? <ErrorAlert error={save.error} /> : null}
    </Modal>
  );
}
