import { ApiError, SwrErrorCode } from '@swr-console/swr-api';
import { Form, Input, Modal } from 'antd';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { FormRequest } from '../../../shared/components/FormRequest';
import { useT } from '../../../shared/i18n';
import { nameCount, nameRule } from '../../../shared/names';
import { createNamespaceCall } from '../api';
import { useCreateNamespace } from '../mutations';
import { useNotices } from '../../../shared/notices';

export function CreateNamespaceModal({
  region,
  open,
  onClose,
}: {
  region: string;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const notices = useNotices();
  const [form] = Form.useForm<{ name: string }>();
  const mutation = useCreateNamespace(region);
  const create = (name: string) =>
    mutation.mutate(name, {
      onSuccess: () => {
        void notices.success(t('namespaces.created', { name }));
        form.resetFields();
        onClose();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === SwrErrorCode.namespaceExists) {
          form.setFields([{ name: 'name', errors: [t('namespaces.create.taken')] }]);
        }
      },
    });
  const taken =
    mutation.error instanceof ApiError && mutation.error.code === SwrErrorCode.namespaceExists;
  return (
    <Modal
      open={open}
      title={t('namespaces.create.title')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        mutation.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={({ name }) => create(name)}>
        <Form.Item
          name="name"
          label={t('namespaces.name')}
          extra={t('namespaces.create.rules')}
          validateTrigger="onChange"
          rules={[nameRule('namespace', t)]}
        >
          <Input autoFocus spellCheck={false} count={nameCount('namespace')} />
        </Form.Item>
      </Form>
      <FormRequest
        region={region}
        form={form}
        calls={({ name }) => (name ? [createNamespaceCall(name)] : [])}
      />
      {mutation.error && !taken ? <ErrorAlert error={mutation.error} /> : null}
    </Modal>
  );
}
