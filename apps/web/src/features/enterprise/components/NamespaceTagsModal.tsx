import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { RESOURCE_TAG_LIMITS } from '@swr-console/swr-api';
import { Alert, Button, Flex, Input, Modal, Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useT } from '../../../shared/i18n';
import type { InstanceRef } from '../api';
import { useSaveNamespaceTags } from '../mutations';
import { enterpriseQueries } from '../queries';
import { tagChanges, tagProblems, type TagRow } from '../tag-edits';
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
  const limit = RESOURCE_TAG_LIMITS.perNamespace;
  const full = editing.length >= limit;
  const changes = tagChanges(current.data ?? [], editing);
  const unchanged = changes.add.length === 0 && changes.remove.length === 0;

  // Even a failed save reloads the tags, so the next save compares with what is left.
  const save = useSaveNamespaceTags(target, namespace);
  const set = (index: number, change: Partial<TagRow>) =>
    setRows(editing.map((row, i) => (i === index ? { ...row, ...change } : row)));

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
      <Flex align="center" gap={12} style={{ marginBottom: 12 }}>
        <Progress
          percent={Math.round((editing.length / limit) * 100)}
          showInfo={false}
          status={full ? 'exception' : 'normal'}
          aria-label={t('ent.tags.count', { count: editing.length, limit })}
          style={{ maxWidth: 240 }}
        />
        <Typography.Text>{t('ent.tags.count', { count: editing.length, limit })}</Typography.Text>
      </Flex>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {editing.map((row, index) => {
          const problem = problems[index];
          return (
            <div key={index}>
              <Flex gap={8} align="start">
                <Input
                  aria-label={t('ent.tags.key', { n: index + 1 })}
                  placeholder={t('ent.tags.keyPlaceholder')}
                  value={row.key}
                  maxLength={RESOURCE_TAG_LIMITS.keyLength + 1}
                  status={problem && problem.startsWith('key') ? 'error' : undefined}
                  onChange={(e) => set(index, { key: e.target.value })}
                />
                <Input
                  aria-label={t('ent.tags.value', { n: index + 1 })}
                  placeholder={t('ent.tags.valuePlaceholder')}
                  value={row.value}
                  maxLength={RESOURCE_TAG_LIMITS.valueLength + 1}
                  status={problem === 'valueLong' ? 'error' : undefined}
                  onChange={(e) => set(index, { value: e.target.value })}
                />
                <Button
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('ent.tags.remove', { key: row.key || String(index + 1) })}
                  onClick={() => setRows(editing.filter((_, i) => i !== index))}
                />
              </Flex>
              {problem ? (
                <Typography.Text type="danger" role="alert">
                  {t(`ent.tags.problem.${problem}`)}
                </Typography.Text>
              ) : null}
            </div>
          );
        })}
      </Space>
      <Button
        icon={<PlusOutlined />}
        style={{ marginTop: 12 }}
        disabled={full || !rows}
        onClick={() => setRows([...editing, { key: '', value: '' }])}
      >
        {t('ent.tags.add')}
      </Button>
      {full ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={t('ent.tags.full', { limit })}
        />
      ) : null}
      {changes.remove.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('ent.tags.removing', { keys: changes.remove.map((tag) => tag.key).join(', ') })}
        />
      ) : null}
      {save.error ? <ErrorAlert error={save.error} /> : null}
    </Modal>
  );
}
