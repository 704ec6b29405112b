import { useQuery } from '@tanstack/react-query';
import { ApiError } from '@swr-console/swr-api';
import { Alert, Button, Card, Flex, Form, Input, Layout, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { useT } from '../../shared/i18n';
import { configQuery } from '../../shared/session';
import type { SignInRequest } from './api';
import { useSignIn } from './mutations';

/** Only same-site paths: `next` must not send the user elsewhere after signing in. */
export function safeNext(next: string | null): string | undefined {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

export function SignInPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const config = useQuery(configQuery);
  const [method, setMethod] = useState<'aksk' | 'password'>('aksk');
  const [form] = Form.useForm();

  const mutation = useSignIn();
  const send = (request: SignInRequest) =>
    mutation.mutate(request, {
      onSuccess: (session) =>
        void navigate(
          safeNext(params.get('next')) ?? `/${session.regions[0]?.id ?? ''}/namespaces`,
          { replace: true },
        ),
      onError: (error) => {
        if (error instanceof ApiError && error.fieldErrors.length > 0) {
          form.setFields(error.fieldErrors.map((e) => ({ name: e.field, errors: [e.message] })));
        }
      },
    });

  const failure =
    mutation.error instanceof ApiError && mutation.error.status === 401
      ? t('signIn.failed')
      : mutation.error instanceof ApiError && mutation.error.status === 429
        ? t('signIn.limited')
        : undefined;

  const required = (field: string) => [
    { required: true, whitespace: true, message: t('signIn.required', { field }) },
  ];
  const submit = (values: Record<string, string>) =>
    send(
      method === 'aksk'
        ? {
            method,
            accessKey: values.accessKey!.trim(),
            secretKey: values.secretKey!,
            ...(values.projectId?.trim() ? { projectId: values.projectId.trim() } : {}),
          }
        : ({
            method,
            accountName: values.accountName!.trim(),
            userName: values.userName!.trim(),
            password: values.password!,
          } as SignInRequest),
    );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Content>
        <Flex justify="center" align="flex-start" wrap gap={24} style={{ padding: '8vh 16px' }}>
          <Card style={{ width: 440, maxWidth: '100%' }}>
            <Typography.Title level={1} style={{ fontSize: 24 }}>
              {t('signIn.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('signIn.subtitle')}</Typography.Paragraph>
            <Tabs
              activeKey={method}
              onChange={(key) => {
                setMethod(key as 'aksk' | 'password');
                mutation.reset();
              }}
              items={[
                { key: 'aksk', label: t('signIn.tab.accessKey') },
                { key: 'password', label: t('signIn.tab.password') },
              ]}
            />
            <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} key={method}>
              {method === 'aksk' ? (
                <>
                  <Form.Item
                    name="accessKey"
                    label={t('signIn.accessKey')}
                    rules={required(t('signIn.accessKey'))}
                  >
                    <Input autoComplete="username" spellCheck={false} />
                  </Form.Item>
                  <Form.Item
                    name="secretKey"
                    label={t('signIn.secretKey')}
                    rules={required(t('signIn.secretKey'))}
                  >
                    <Input.Password autoComplete="current-password" />
                  </Form.Item>
                  <Form.Item
                    name="projectId"
                    label={t('signIn.projectId')}
                    extra={t('signIn.projectId.help')}
                  >
                    <Input spellCheck={false} />
                  </Form.Item>
                </>
              ) : (
                <>
                  <Form.Item
                    name="accountName"
                    label={t('signIn.accountName')}
                    rules={required(t('signIn.accountName'))}
                  >
                    <Input autoComplete="organization" />
                  </Form.Item>
                  <Form.Item
                    name="userName"
                    label={t('signIn.userName')}
                    rules={required(t('signIn.userName'))}
                  >
                    <Input autoComplete="username" />
                  </Form.Item>
                  <Form.Item
                    name="password"
                    label={t('signIn.password')}
                    rules={required(t('signIn.password'))}
                  >
                    <Input.Password autoComplete="current-password" />
                  </Form.Item>
                </>
              )}
              {failure ? (
                <Alert
                  type="error"
                  showIcon
                  title={failure}
                  role="alert"
                  style={{ marginBottom: 16 }}
                />
              ) : null}
              {mutation.error &&
              !failure &&
              !(mutation.error instanceof ApiError && mutation.error.fieldErrors.length > 0) ? (
                <div style={{ marginBottom: 16 }}>
                  <ErrorAlert error={mutation.error} />
                </div>
              ) : null}
              <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
                {t('signIn.submit')}
              </Button>
            </Form>
          </Card>
          {config.data?.profile === 'local' && config.data.sandboxUsers.length > 0 ? (
            <Card style={{ width: 360, maxWidth: '100%' }}>
              <Typography.Title level={2} style={{ fontSize: 18 }}>
                {t('signIn.sandbox.title')}
              </Typography.Title>
              <Typography.Paragraph type="secondary">
                {t('signIn.sandbox.text')}
              </Typography.Paragraph>
              <Space orientation="vertical" style={{ width: '100%' }}>
                {config.data.sandboxUsers.map((user) => (
                  <Button
                    key={`${user.account}/${user.name}`}
                    block
                    disabled={mutation.isPending}
                    onClick={() =>
                      send({
                        method: 'sandbox',
                        account: user.account,
                        userName: user.name,
                      })
                    }
                  >
                    {t('signIn.sandbox.as', { user: `${user.account} / ${user.name}` })} ·{' '}
                    {user.admin ? t('signIn.sandbox.admin') : t('signIn.sandbox.member')}
                  </Button>
                ))}
              </Space>
            </Card>
          ) : null}
        </Flex>
      </Layout.Content>
    </Layout>
  );
}
