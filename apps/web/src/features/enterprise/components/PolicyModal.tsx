import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  ApiError,
  EnterpriseErrorCode,
  globProblem,
  POLICY_NAME_PATTERN,
  signatureAlgorithmOf,
  type SignPolicy,
} from '@swr-console/swr-api';
import {
  Alert,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Switch,
  Tag,
} from 'antd';
import { Typography } from '../../../shared/components/typography/Typography';
import { DataTable } from '../../../shared/components/table/DataTable';
import { useState } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { shortDigest } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { lengthCount, lengthRule } from '../../../shared/names';
import { createPolicyCall, updatePolicyCall, type InstanceRef } from '../api';
import { ShowRequest } from '../../../shared/components/ShowRequest';
import { useSavePolicy } from '../mutations';
import {
  emptyPolicy,
  emptyRule,
  fromPolicy,
  previewPolicy,
  toBody,
  type PolicyForm,
} from '../policy-form';
import { enterpriseQueries } from '../queries';
import { CreateKeyModal } from './CreateKeyModal';
import { useNotices } from '../../../shared/notices';

/**
 * Creates or edits a signing policy. The key comes from the account's keys and decides the
 * algorithm; the scope rules are previewed live against the namespace's artifacts, so the user
 * sees what "run now" would sign before saving.
 */
export function PolicyModal({
  target,
  namespace,
  editing,
  taken,
  onClose,
}: {
  target: InstanceRef;
  namespace: string;
  editing: SignPolicy | undefined;
  taken: ReadonlySet<string>;
  onClose: () => void;
}) {
  const t = useT();
  const notices = useNotices();
  const [form] = Form.useForm<PolicyForm>();
  const [creatingKey, setCreatingKey] = useState(false);
  const keys = useQuery(enterpriseQueries.keys(target.region, target.projectId));
  const candidates = useQuery(enterpriseQueries.candidates(target, namespace));
  const values = Form.useWatch([], form) as PolicyForm | undefined;
  const key = keys.data?.find((k) => k.key_id === values?.keyId);
  const algorithm = key ? signatureAlgorithmOf(key.key_spec) : undefined;
  const preview = previewPolicy(values?.rules ?? [], candidates.data ?? []);

  const save = useSavePolicy(target, namespace);
  const submit = (saved: PolicyForm) => {
    if (!algorithm) {
      form.setFields([{ name: 'keyId', errors: [t('ent.policy.keyCannotSign')] }]);
      return;
    }
    save.mutate(
      { id: editing?.id, body: toBody(saved, algorithm) },
      {
        onSuccess: () => {
          void notices.success(t('ent.policy.saved', { name: saved.name.trim() }));
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === EnterpriseErrorCode.exists)
            form.setFields([{ name: 'name', errors: [t('ent.policy.taken')] }]);
        },
      },
    );
  };

  const globRule = (what: string) => ({
    validator: (_: unknown, value: string | undefined) => {
      const problem = globProblem(value ?? '');
      return problem ? Promise.reject(new Error(`${what}: ${problem}`)) : Promise.resolve();
    },
  });

  return (
    <Modal
      open
      width={820}
      title={editing ? t('ent.policy.edit', { name: editing.name }) : t('ent.policy.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      // The key's spec decides the algorithm: nothing is saved before the key is known.
      okButtonProps={{ disabled: values?.keyId !== undefined && values.keyId !== '' && !key }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={editing ? fromPolicy(editing) : emptyPolicy()}
        onFinish={submit}
      >
        <Form.Item
          name="name"
          label={t('ent.policy.name')}
          extra={t('ent.policy.nameRules')}
          rules={[
            lengthRule(256, t),
            {
              required: true,
              validator: (_, value: string | undefined) => {
                const name = (value ?? '').trim();
                if (!POLICY_NAME_PATTERN.test(name))
                  return Promise.reject(new Error(t('ent.policy.nameRules')));
                if (taken.has(name)) return Promise.reject(new Error(t('ent.policy.taken')));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input spellCheck={false} count={lengthCount(256)} autoFocus />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('ent.policy.description')}
          rules={[lengthRule(1024, t)]}
        >
          <Input count={lengthCount(1024)} />
        </Form.Item>
        <Flex gap={24} wrap>
          <Form.Item name="enabled" label={t('ent.policy.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="trigger" label={t('ent.policy.trigger')}>
            <Radio.Group
              aria-label={t('ent.policy.trigger')}
              options={[
                { value: 'manual', label: t('ent.policy.trigger.manual') },
                { value: 'event_based', label: t('ent.policy.trigger.event_based') },
              ]}
            />
          </Form.Item>
        </Flex>
        <Form.Item
          name="keyId"
          label={t('ent.policy.key')}
          extra={
            algorithm
              ? t('ent.policy.algorithm', { algorithm, spec: key?.key_spec ?? '' })
              : t('ent.policy.keyHint')
          }
          rules={[{ required: true, message: t('ent.policy.keyRequired') }]}
        >
          <Select
            aria-label={t('ent.policy.key')}
            loading={keys.isPending}
            placeholder={t('ent.policy.keyPick')}
            options={(keys.data ?? []).map((k) => ({
              value: k.key_id,
              label: `${k.key_alias} (${k.key_spec})`,
            }))}
            notFoundContent={t('ent.policy.noKeys')}
          />
        </Form.Item>
        <Button
          size="small"
          style={{ marginTop: -12, marginBottom: 16 }}
          onClick={() => setCreatingKey(true)}
        >
          {t('ent.key.create')}
        </Button>
        <Typography.Title level={3} style={{ fontSize: 16 }}>
          {t('ent.policy.rules')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('ent.policy.rulesHelp')}</Typography.Paragraph>
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start" wrap>
                  <Form.Item
                    name={[field.name, 'repository']}
                    label={t('ent.policy.rule.repository', { n: index + 1 })}
                    rules={[
                      lengthRule(512, t),
                      globRule(t('ent.policy.rule.repository', { n: index + 1 })),
                    ]}
                    style={{ flex: 2, minWidth: 180 }}
                  >
                    <Input spellCheck={false} count={lengthCount(512)} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'decoration']}
                    label={t('ent.policy.rule.decoration', { n: index + 1 })}
                    style={{ minWidth: 140 }}
                  >
                    <Select
                      aria-label={t('ent.policy.rule.decoration', { n: index + 1 })}
                      options={[
                        { value: 'matches', label: t('ent.policy.rule.matches') },
                        { value: 'excludes', label: t('ent.policy.rule.excludes') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'tag']}
                    label={t('ent.policy.rule.tag', { n: index + 1 })}
                    rules={[
                      lengthRule(512, t),
                      globRule(t('ent.policy.rule.tag', { n: index + 1 })),
                    ]}
                    style={{ flex: 2, minWidth: 160 }}
                  >
                    <Input spellCheck={false} count={lengthCount(512)} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'untagged']}
                    valuePropName="checked"
                    label=" "
                    colon={false}
                  >
                    <Checkbox>{t('ent.policy.rule.untagged')}</Checkbox>
                  </Form.Item>
                  <Form.Item label=" " colon={false}>
                    <Button
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('ent.policy.rule.remove', { n: index + 1 })}
                      disabled={fields.length === 1}
                      onClick={() => remove(field.name)}
                    />
                  </Form.Item>
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add(emptyRule())}>
                {t('ent.policy.rule.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      <ShowRequest
        region={target.region}
        calls={() => {
          if (!values?.name?.trim() || !algorithm) return [];
          const body = toBody(values, algorithm);
          return [
            editing
              ? updatePolicyCall(target, namespace, editing.id, body)
              : createPolicyCall(target, namespace, body),
          ];
        }}
      />
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        {t('ent.policy.preview')}
      </Typography.Title>
      {candidates.error ? <ErrorAlert error={candidates.error} /> : null}
      {preview.problems.length > 0 ? (
        <Alert type="warning" showIcon title={t('ent.policy.preview.invalid')} />
      ) : (
        <>
          <Typography.Paragraph role="status">
            {t('ent.policy.preview.count', {
              count: preview.selected.length,
              total: candidates.data?.length ?? 0,
            })}
          </Typography.Paragraph>
          <DataTable
            size="small"
            rowKey={(row) => `${row.repository}@${row.digest}`}
            aria-label={t('ent.policy.preview')}
            dataSource={preview.selected}
            loading={candidates.isPending}
            pagination={{ pageSize: 5, hideOnSinglePage: true }}
            columns={[
              { key: 'repository', title: t('ent.exec.repository'), dataIndex: 'repository' },
              {
                key: 'through',
                title: t('ent.policy.preview.through'),
                render: (_, row) =>
                  row.through.length === 0
                    ? t('ent.artifacts.untagged')
                    : row.through.map((tag) => <Tag key={tag}>{tag}</Tag>),
              },
              {
                key: 'digest',
                title: t('ent.artifacts.digest'),
                render: (_, row) => (
                  <Typography.Text code>{shortDigest(row.digest)}</Typography.Text>
                ),
              },
            ]}
          />
        </>
      )}
      {save.error &&
      !(save.error instanceof ApiError && save.error.code === EnterpriseErrorCode.exists) ? (
        <ErrorAlert error={save.error} />
      ) : null}
      {creatingKey ? (
        <CreateKeyModal
          region={target.region}
          projectId={target.projectId}
          onClose={() => setCreatingKey(false)}
          onCreated={(id) => {
            setCreatingKey(false);
            form.setFieldValue('keyId', id);
          }}
        />
      ) : null}
    </Modal>
  );
}
