import { ApiError } from '@swr-console/swr-api';
import { Alert, Flex } from 'antd';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useT } from '../../../shared/i18n';

/** SWR's 403 on sync, in the user's words, with SWR's own error below. */
export function SyncError({ error }: { error: unknown }) {
  const t = useT();
  return (
    <Flex vertical gap={8}>
      {error instanceof ApiError && error.status === 403 ? (
        <Alert type="warning" showIcon title={t('sync.adminOnly')} />
      ) : null}
      <ErrorAlert error={error} />
    </Flex>
  );
}
