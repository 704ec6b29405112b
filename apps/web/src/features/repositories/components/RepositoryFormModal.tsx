import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ApiError,
  REPOSITORY_PATTERN,
  SwrErrorCode,
  REPOSITORY_CATEGORIES,
  type Repository,
  type RepositoryCategory,
} from '@swr-console/swr-api';
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useT } from '../../../shared/i18n';
import { swrKeys } from '../../../shared/keys';
import { namespaceListQuery } from '../../../shared/queries/namespaces';
import { createRepository, updateRepository } from '../api';

export function repositoryNameProblem(name: string): boolean {
  return name === '' || name.length > 128 || !REPOSITORY_PATTERN.test(name);
}

interface Values {
  namespace: string;
  repository: string;
  category: RepositoryCategory;
  description?: string;
  isPublic: boolean;
}

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
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const namespaces = useQuery({ ...namespaceListQuery(region), enabled: open && !editing });
  const mutation = useMutation({
    mutationFn: async (values: Values) => {
      const common = {
        category: values.category,
        description: values.description ?? '',
        is_public: values.isPublic,
      };
      if (editing) await updateRepository(region, editing.namespace, editing.name, common);
      else
        await createRepository(region, values.namespace, {
          repository: values.repository,
          ...common,
        });
      return values;
    },
    onSuccess: async (values) => {
      const name = editing
        ? `${editing.namespace}/${editing.name}`
        : `${values.namespace}/${values.repository}`;
      void message.success(t(editing ? 'repos.saved' : 'repos.created', { name }));
      await queryClient.invalidateQueries({ queryKey: swrKeys.region(region) });
      form.resetFields();
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === SwrErrorCode.repositoryExists) {
        form.setFields([{ name: 'repository', errors: [t('repos.exists')] }]);
      }
    },
  });
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
        onFinish={(values) => mutation.mutate(values)}
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
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    repositoryNameProblem(value ?? '')
                      ? Promise.reject(new Error(t('repos.create.nameRules')))
                      : Promise.resolve(),
                },
              ]}
            >
              <Input spellCheck={false} maxLength={128} />
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
      {mutation.error &&
      !(
        mutation.error instanceof ApiError && mutation.error.code === SwrErrorCode.repositoryExists
      ) ? (
        <ErrorAlert error={mutation.error} />
      ) : null}
    </Modal>
  );
}
