import { ApiError, TAG_PATTERN } from '@swr-console/swr-api';
import { Checkbox, Form, Input, Modal } from 'antd';
import { Typography } from '../../../shared/components/typography/Typography';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useT } from '../../../shared/i18n';
import { useRetag } from '../mutations';
import { useNotices } from '../../../shared/notices';
import { FormRequest } from '../../../shared/components/FormRequest';
import { createTagCall } from '../api';

/** Why a tag name is refused, or undefined for a good name. */
export function tagNameProblem(name: string): 'empty' | 'tooLong' | 'invalid' | undefined {
  if (name === '') return 'empty';
  // TAG_PATTERN bounds the length too, but "too long" is the clearer thing to say.
  if (name.length > 128) return 'tooLong';
  return TAG_PATTERN.test(name) ? undefined : 'invalid';
}

interface Values {
  source: string;
  destination: string;
  override?: boolean;
}

const isConflict = (error: unknown) => error instanceof ApiError && error.status === 409;

/**
 * Points a new tag at the image of an existing one (no pull or push). When the new tag exists,
 * SWR answers 409 unless asked to override, so the override is offered only after that answer.
 */
export function RetagModal({
  region,
  namespace,
  repository,
  source,
  onClose,
}: {
  region: string;
  namespace: string;
  repository: string;
  /** The tag the dialog starts from; the dialog is open while it is set. */
  source: string | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const notices = useNotices();
  const [form] = Form.useForm<Values>();
  const destination = Form.useWatch('destination', form);
  const override = Form.useWatch('override', form) === true;
  const mutation = useRetag(region, namespace, repository);
  const retag = (values: Values) =>
    mutation.mutate(
      {
        source: values.source,
        destination: values.destination,
        override: values.override ?? false,
      },
      {
        onSuccess: () => {
          void notices.success(
            t('tags.retag.done', { tag: values.destination, source: values.source }),
          );
          onClose();
        },
        onError: (error) => {
          if (isConflict(error))
            form.setFields([
              {
                name: 'destination',
                errors: [t('tags.retag.exists', { tag: values.destination })],
              },
            ]);
        },
      },
    );
  const conflict =
    isConflict(mutation.error) && mutation.variables?.destination === destination
      ? destination
      : undefined;
  const validator = (_: unknown, value: string | undefined) => {
    const problem = tagNameProblem(value ?? '');
    if (!problem) return Promise.resolve();
    const text =
      problem === 'empty'
        ? t('tags.retag.required')
        : problem === 'tooLong'
          ? t('tags.retag.tooLong')
          : t('tags.retag.invalid');
    return Promise.reject(new Error(text));
  };

  return (
    <Modal
      open={source !== undefined}
      title={t('tags.retag.title', { repository: `${namespace}/${repository}` })}
      okText={conflict ? t('tags.retag.replace') : t('tags.retag.ok')}
      okButtonProps={{
        danger: conflict !== undefined,
        disabled: conflict !== undefined && !override,
      }}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('tags.retag.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        name="retag"
        layout="vertical"
        initialValues={{ source, destination: '', override: false }}
        // An override ticked for an earlier name must not carry over to a name typed since.
        onFinish={(values) =>
          retag({ ...values, override: conflict !== undefined && values.override === true })
        }
      >
        <Form.Item
          name="source"
          label={t('tags.retag.source')}
          validateTrigger="onChange"
          rules={[{ validator }]}
        >
          <Input spellCheck={false} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="destination"
          label={t('tags.retag.destination')}
          extra={t('tags.retag.rules')}
          validateTrigger="onChange"
          dependencies={['source']}
          rules={[
            { validator },
            {
              validator: (_, value: string | undefined) =>
                value && value === form.getFieldValue('source')
                  ? Promise.reject(new Error(t('tags.retag.same')))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input spellCheck={false} autoComplete="off" autoFocus />
        </Form.Item>
        {conflict ? (
          <Form.Item name="override" valuePropName="checked">
            <Checkbox onChange={() => form.setFields([{ name: 'destination', errors: [] }])}>
              {t('tags.retag.override', { tag: conflict })}
            </Checkbox>
          </Form.Item>
        ) : null}
      </Form>
      <FormRequest
        region={region}
        form={form}
        calls={(values) =>
          values.source && values.destination
            ? [
                createTagCall(namespace, repository, {
                  source: values.source,
                  destination: values.destination,
                  override: conflict !== undefined && values.override === true,
                }),
              ]
            : []
        }
      />
      {mutation.error && !isConflict(mutation.error) ? <ErrorAlert error={mutation.error} /> : null}
    </Modal>
  );
}
