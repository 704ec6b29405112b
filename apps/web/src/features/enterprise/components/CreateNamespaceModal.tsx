import { ApiError, EnterpriseErrorCode } from '@swr-console/swr-api';
import { Form, Input, Modal, Radio } from 'antd';
import { Typography } from '../../../shared/components/typography/Typography';
import { useState } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useT } from '../../../shared/i18n';
import { nameCount, nameRule } from '../../../shared/names';
import { addTagsCall, createNamespaceCall, type InstanceRef } from '../api';
import { TagsNotAdded, useCreateNamespace } from '../mutations';
import { tagChanges, tagProblems, type TagRow } from '../tag-edits';
import { TagRowsEditor } from './TagRowsEditor';
import { useNotices } from '../../../shared/notices';
import { FormRequest } from '../../../shared/components/FormRequest';

export function CreateNamespaceModal({
  target,
  open,
  onClose,
}: {
  target: InstanceRef;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const notices = useNotices();
  const [form] = Form.useForm<{ name: string; visibility: 'private' | 'public' }>();
  const mutation = useCreateNamespace(target);
  // Tags can be given at once; SWR's create takes none, so they are added right after it.
  const [tags, setTags] = useState<TagRow[]>([]);
  const tagsWrong = Object.keys(tagProblems(tags)).length > 0;
  const done = () => {
    form.resetFields();
    setTags([]);
    onClose();
  };
  const create = ({ name, visibility }: { name: string; visibility: string }) =>
    mutation.mutate(
      { name, isPublic: visibility === 'public', tags: tagChanges([], tags).add },
      {
        onSuccess: () => {
          void notices.success(t('ent.ns.created', { name }));
          done();
        },
        onError: (error) => {
          if (error instanceof TagsNotAdded) {
            void notices.warning(t('ent.ns.tagsNotAdded', { name }));
            done();
          } else if (error instanceof ApiError && error.code === EnterpriseErrorCode.exists)
            form.setFields([{ name: 'name', errors: [t('ent.ns.taken')] }]);
        },
      },
    );
  const taken =
    mutation.error instanceof ApiError && mutation.error.code === EnterpriseErrorCode.exists;
  return (
    <Modal
      open={open}
      title={t('ent.ns.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ disabled: tagsWrong }}
      onOk={() => form.submit()}
      onCancel={() => {
        mutation.reset();
        setTags([]);
        onClose();
      }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ visibility: 'private' }}
        onFinish={create}
      >
        <Form.Item
          name="name"
          label={t('ent.ns.name')}
          extra={t('ent.ns.rules')}
          validateTrigger="onChange"
          rules={[nameRule('enterprise', t)]}
        >
          <Input autoFocus spellCheck={false} count={nameCount('enterprise')} />
        </Form.Item>
        <Form.Item name="visibility" label={t('ent.ns.visibility')}>
          <Radio.Group
            aria-label={t('ent.ns.visibility')}
            options={[
              { value: 'private', label: t('ent.ns.private') },
              { value: 'public', label: t('ent.ns.public') },
            ]}
          />
        </Form.Item>
      </Form>
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {t('ent.ns.tagsOptional')}
      </Typography.Paragraph>
      <TagRowsEditor rows={tags} onChange={setTags} />
      <FormRequest
        region={target.region}
        form={form}
        calls={({ name, visibility }) => {
          if (!name || tagsWrong) return [];
          const added = tagChanges([], tags).add;
          return [
            createNamespaceCall(target, name, visibility === 'public'),
            ...(added.length > 0 ? [addTagsCall(target, name, added)] : []),
          ];
        }}
      />
      {mutation.error && !taken && !(mutation.error instanceof TagsNotAdded) ? (
        <ErrorAlert error={mutation.error} />
      ) : null}
    </Modal>
  );
}
