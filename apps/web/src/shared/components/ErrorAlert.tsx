import { ApiError } from '@swr-console/swr-api';
import { Alert, Button, Space } from 'antd';
import { Typography } from './typography/Typography';
import { explain } from '../errors';
import { useT } from '../i18n';

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const api = error instanceof ApiError ? error : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('error.title')}
      description={
        <Space orientation="vertical" size={2}>
          <span>{explain(error, t)}</span>
          {api?.status === 403 && api.message ? <span>{t('error.forbidden')}</span> : null}
          {api?.code ? (
            <Typography.Text type="secondary">
              {t('error.code')}:{' '}
              <Typography.Text code copyable>
                {api.code}
              </Typography.Text>
            </Typography.Text>
          ) : null}
          {api?.requestId ? (
            <Typography.Text type="secondary">
              {t('error.requestId')}:{' '}
              <Typography.Text code copyable>
                {api.requestId}
              </Typography.Text>
            </Typography.Text>
          ) : null}
        </Space>
      }
      action={onRetry ? <Button onClick={onRetry}>{t('error.retry')}</Button> : undefined}
    />
  );
}
