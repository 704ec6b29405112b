import { Form, Input, Modal, Radio } from 'antd';
import { Typography } from '../../../shared/components/typography/Typography';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useT } from '../../../shared/i18n';
import { lengthCount, lengthRule } from '../../../shared/names';
import { useCreateKey } from '../mutations';
import { useNotices } from '../../../shared/notices';
import { FormRequest } from '../../../shared/components/FormRequest';
import { createKeyCall } from '../api';

const ALIAS = /^[a-zA-Z0-9:/_-]{1,255}$/;

/** A signing key in the region's key service; its private half never leaves the service. */
export function CreateKeyModal({
  region,
  projectId,
  onClose,
  onCreated,
}: {
  region: string;
  projectId: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const t = useT();
  const notices = useNotices();
  const [form] = Form.useForm<{ alias: string; spec: 'EC_P256' | 'EC_P384' }>();
  const mutation = useCreateKey(region, projectId);
  return (
    <Modal
      open
      title={t('ent.key.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('ent.key.intro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ spec: 'EC_P256' }}
        onFinish={(values) =>
          mutation.mutate(values, {
            onSuccess: (id) => {
              void notices.success(t('ent.key.created', { alias: values.alias }));
              onCreated(id);
            },
          })
        }
      >
        <Form.Item
          name="alias"
          label={t('ent.key.alias')}
          extra={t('ent.key.aliasRules')}
          rules={[
            lengthRule(255, t),
            { required: true, pattern: ALIAS, message: t('ent.key.aliasRules') },
          ]}
        >
          <Input autoFocus spellCheck={false} count={lengthCount(255)} />
        </Form.Item>
        <Form.Item name="spec" label={t('ent.key.spec')} extra={t('ent.key.noSm2')}>
          <Radio.Group
            aria-label={t('ent.key.spec')}
            options={[
              { value: 'EC_P256', label: 'EC_P256 (ECDSA_SHA_256)' },
              { value: 'EC_P384', label: 'EC_P384 (ECDSA_SHA_384)' },
            ]}
          />
        </Form.Item>
      </Form>
      <FormRequest
        region={region}
        form={form}
        calls={({ alias, spec }) =>
          alias ? [createKeyCall({ region, projectId }, alias, spec ?? 'EC_P256')] : []
        }
      />
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
    </Modal>
  );
}
