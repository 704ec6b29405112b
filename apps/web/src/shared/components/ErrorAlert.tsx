import { ApiError } from '@swr-console/swr-api';
import { Alert, Button, Space, Typography } from 'antd';
import { useT } from '../i18n';

/** The console server's own codes, said in the user's language. */
const SERVER_CODES: Record<string, string> = {
  TOO_MANY_CALLS: 'error.tooManyCalls',
  BUSY: 'error.busy',
  UPSTREAM_TIMEOUT: 'error.upstreamTimeout',
  UPSTREAM_UNREACHABLE: 'error.upstreamDown',
  UPSTREAM_INCOMPLETE: 'error.upstreamDown',
  UPSTREAM_RESET: 'error.upstreamReset',
};

/** The user's words for an error, with SWR's code and the request id kept visible for support. */
export function explain(error: unknown, t: (key: string) => string): string {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  if (error.status === 0) return t('error.network');
  if (error.status === 401) return t('error.signIn');
  if (error.status === 403 && !error.message) return t('error.forbidden');
  if (error.status === 404 && !error.message) return t('error.notFound');
  const known = error.code !== undefined ? SERVER_CODES[error.code] : undefined;
  return known ? t(known) : error.message;
}

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
