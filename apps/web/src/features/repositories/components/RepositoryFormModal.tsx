import { useQuery } from '@tanstack/react-query';
import {
  ApiError,
  SwrErrorCode,
  REPOSITORY_CATEGORIES,
  type Repository,
  type RepositoryCategory,
} from '@swr-console/swr-api';
import { Form, Input, Modal, Select, Switch } from 'antd';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { FormRequest } from '../../../shared/components/FormRequest';
import { useT } from '../../../shared/i18n';
import { nameCount, nameRule } from '../../../shared/names';
import { namespaceListQuery } from '../../../shared/queries/namespaces';
import { createRepositoryCall, updateRepositoryCall } from '../api';
import { useCreateRepository, useUpdateRepository } from '../mutations';
import { useNotices } from '../../../shared/notices';

interface Values {
  namespace: string;
  repository: string;
  category: RepositoryCategory;
  description?: string;
  isPublic: boolean;
}

/** What creating and editing send alike. */
const commonOf = (values: Partial<Values>) => ({
  category: values.category ?? 'other',
  description: values.description ?? '',
  is_public: values.isPublic ?? false,
});

/** Creates a repository, or edits one (`editing`): description, category and visibility. */
export function RepositoryFormModal({
  region,
  open,
  onClose,
  editing,
  namespace: fixedNamespace,
}: {
  region: string;
  open: boolean;
  onClose: () => void;
  editing?: Pick<Repository, 'name' | 'category' | 'description' | 'is_public'> & {
    namespace: string;
  };
  namespace?: string;
}) {
  const t = useT();
  const notices = useNotices();
  const [form] = Form.useForm<Values>();
  const namespaces = useQuery({ ...namespaceListQuery(region), enabled: open && !editing });
  const create = useCreateRepository(region);
  const update = useUpdateRepository(region);
  const mutation = editing ? update : create;
  const save = (values: Values) => {
    const common = commonOf(values);
    const name = editing
      ? `${editing.namespace}/${editing.name}`
      : `${values.namespace}/${values.repository}`;
    const done = {
      onSuccess: () => {
        void notices.success(t(editing ? 'repos.saved' : 'repos.created', { name }));
        form.resetFields();
        onClose();
      },
      onError: (error: Error) => {
        if (error instanceof ApiError && error.code === SwrErrorCode.repositoryExists) {
          form.setFields([{ name: 'repository', errors: [t('repos.exists')] }]);
        }
      },
    };
    if (editing)
      update.mutate({ namespace: editing.namespace, repository: editing.name, body: common }, done);
    else
      create.mutate(
        { namespace: values.namespace, body: { repository: values.repository, ...common } },
        done,
      );
  };
  const categories = REPOSITORY_CATEGORIES.filter((c) => c !== 'arms');
  const title = editing
    ? t('repos.edit.title', { name: `${editing.namespace}/${editing.name}` })
    : t('repos.create.title');
  return (
    <Modal
      open={open}
      title={title}
      okText={editing ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        mutation.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          namespace: fixedNamespace,
          category: editing?.category ?? 'other',
          description: editing?.description ?? '',
          isPublic: editing?.is_public ?? false,
        }}
      >
        {editing ? null : (
          <>
            <Form.Item
              name="namespace"
              label={t('repos.namespace')}
              extra={t('repos.create.namespaceHelp')}
              rules={[{ required: true, message: t('repos.create.namespaceHelp') }]}
            >
              <Select
                loading={namespaces.isPending}
                options={(namespaces.data ?? [])
                  .filter((n) => n.auth >= 3)
                  .map((n) => ({ value: n.name, label: n.name }))}
              />
            </Form.Item>
            <Form.Item
              name="repository"
              label={t('repos.name')}
              extra={t('repos.create.nameRules')}
              validateTrigger="onChange"
              rules={[nameRule('repository', t)]}
            >
              <Input spellCheck={false} count={nameCount('repository')} />
            </Form.Item>
          </>
        )}
        <Form.Item name="category" label={t('repos.category')}>
          <Select
            options={categories.map((c) => ({ value: c, label: t(`repos.category.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('repos.description')}>
          <Input.TextArea rows={3} maxLength={30000} showCount />
        </Form.Item>
        <Form.Item
          name="isPublic"
          label={t('repos.public')}
          valuePropName="checked"
          extra={t('repos.create.publicHelp')}
        >
          <Switch />
        </Form.Item>
      </Form>
      <FormRequest
        region={region}
        form={form}
        calls={(values) =>
          editing
            ? [updateRepositoryCall(editing.namespace, editing.name, commonOf(values))]
            : values.namespace && values.repository
              ? [
                  createRepositoryCall(values.namespace, {
                    repository: values.repository,
                    ...commonOf(values),
                  }),
                ]
              : []
        }
      />
      {mutation.error &&
      !(
        mutation.error instanceof ApiError && mutation.error.code === SwrErrorCode.repositoryExists
      ) ? (
        <ErrorAlert error={mutation.error} />
      ) : null}
    </Modal>
  );
}
