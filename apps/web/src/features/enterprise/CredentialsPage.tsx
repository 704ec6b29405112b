import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  PlusOutlined,
  StopOutlined,
} from '@ant-design/icons';
import type { LtCredential } from '@swr-console/swr-api';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Tag } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyText } from '../../shared/components/EmptyText';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { PendingMark } from '../../shared/components/HeldMark';
import { PageHeader } from '../../shared/components/PageHeader';
import { DataTable } from '../../shared/components/table/DataTable';
import { Typography } from '../../shared/components/typography/Typography';
import { formatTime } from '../../shared/format';
import { useLocale, useT } from '../../shared/i18n';
import { configQuery } from '../../shared/session';
import { CredentialActions } from './components/CredentialActions';
import { credentialKeys, credentialQueries } from './credentials-queries';
import { useInstance } from './instance';

// The dialog (antd's modal and the secret view) loads when first opened.
const CreateCredentialModal = lazy(async () => ({
  default: (await import('./components/CreateCredentialModal')).CreateCredentialModal,
}));

const PAGE_SIZE = 20;

/**
 * The long-term credentials of an instance: mine, or everyone's (`?everyone=true`), paged by the
 * server (`?page=`), with the instance's quota; create one (its secret shown once), disable,
 * enable and delete.
 */
export function CredentialsPage() {
  const t = useT();
  const [locale] = useLocale();
  const { region, projectId, ref, current, admin } = useInstance();
  const config = useQuery(configQuery);
  const [params, setParams] = useSearchParams();
  const everyone = params.get('everyone') === 'true';
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const target = ref ?? { region, projectId, instance: '' };
  const enabled = ref !== undefined && admin;
  const list = useQuery({
    ...credentialQueries.page(target, everyone, page, PAGE_SIZE),
    enabled,
  });
  const count = useQuery({ ...credentialQueries.count(target), enabled });
  const statistics = useQuery({ ...credentialQueries.statistics(target), enabled });
  const [creating, setCreating] = useState(false);
  const [enableError, setEnableError] = useState<Error>();
  const createButton = useRef<HTMLButtonElement>(null);
  // The dialog is unmounted on close (taking the secret with it), so antd cannot give the focus
  // back: the page does, once it is gone.
  const wasCreating = useRef(false);
  useEffect(() => {
    if (wasCreating.current && !creating) createButton.current?.focus();
    wasCreating.current = creating;
  }, [creating]);
  // Against the sandbox a missing last use means none was recorded; SWR reports none at all.
  const sandbox = config.data?.profile !== 'huaweicloud';

  const set = (changes: Record<string, string>) =>
    setParams(
      (known) => {
        const next = new URLSearchParams(known);
        for (const [key, value] of Object.entries(changes))
          if (value) next.set(key, value);
          else next.delete(key);
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true, flushSync: true },
    );
  const quotaError = statistics.error ?? count.error;

  return (
    <>
      <PageHeader
        title={t('cred.title')}
        refresh={[credentialKeys.all(target), credentialKeys.statistics(target)]}
        extra={
          ref ? (
            <Link to={`/${ref.region}/enterprise/${ref.instance}`}>
              <ArrowLeftOutlined aria-hidden /> {t('cred.back')}
            </Link>
          ) : null
        }
      >
        <Typography.Paragraph type="secondary">{t('cred.intro')}</Typography.Paragraph>
      </PageHeader>
      {!admin ? <Alert type="info" showIcon title={t('ent.adminsOnly')} /> : null}
      {enabled ? (
        <>
          {quotaError ? (
            <ErrorAlert
              error={quotaError}
              onRetry={() => void Promise.all([statistics.refetch(), count.refetch()])}
            />
          ) : statistics.data && count.data !== undefined ? (
            <Typography.Paragraph>
              {t('cred.quota', { count: count.data, quota: statistics.data.long_term_quota })}
            </Typography.Paragraph>
          ) : null}
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
            <label>
              <input
                type="checkbox"
                role="switch"
                checked={everyone}
                onChange={(event) => set({ everyone: event.target.checked ? 'true' : '' })}
              />{' '}
              {t('cred.everyone')}
            </label>
            <Button
              ref={createButton}
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              disabled={!current}
              onClick={() => setCreating(true)}
            >
              {t('cred.create')}
            </Button>
          </Flex>
          {enableError ? <ErrorAlert error={enableError} /> : null}
          {list.error ? (
            <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
          ) : (
            <DataTable<LtCredential>
              rowKey="token_id"
              aria-label={t('cred.title')}
              loading={list.isFetching}
              dataSource={list.data?.credentials ?? []}
              empty={
                <EmptyText>{t(everyone ? 'cred.empty.everyone' : 'cred.empty.mine')}</EmptyText>
              }
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: list.data?.total ?? 0,
                onChange: (next) => set({ page: String(next) }),
              }}
              columns={[
                { key: 'name', title: t('cred.name'), dataIndex: 'name' },
                {
                  key: 'user',
                  title: t('cred.user'),
                  render: (_, row) => <Typography.Text code>{row.user_id}</Typography.Text>,
                },
                {
                  key: 'state',
                  title: t('cred.state'),
                  render: (_, row) =>
                    row.enable ? (
                      <Tag color="blue" icon={<CheckCircleOutlined aria-hidden />}>
                        {t('cred.enabled')}
                      </Tag>
                    ) : (
                      <Tag icon={<StopOutlined aria-hidden />}>{t('cred.disabled')}</Tag>
                    ),
                },
                {
                  key: 'created',
                  title: t('cred.created'),
                  render: (_, row) => formatTime(row.created_at, locale),
                },
                {
                  key: 'lastUsed',
                  title: t('cred.lastUsed'),
                  render: (_, row) =>
                    row.last_used_at
                      ? formatTime(row.last_used_at, locale)
                      : t(sandbox ? 'cred.neverUsed' : 'cred.notReported'),
                },
                { key: 'profile', title: t('cred.profile'), dataIndex: 'user_profile' },
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_, row) => (
                    <PendingMark
                      region={target.region}
                      operation="DeleteInstanceLtCredential"
                      params={{ instance_id: target.instance, credential_id: row.token_id }}
                    >
                      <CredentialActions
                        target={target}
                        credential={row}
                        onEnableError={setEnableError}
                      />
                    </PendingMark>
                  ),
                },
              ]}
            />
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t(sandbox ? 'cred.lastUsed.local' : 'cred.lastUsed.cloud')}
          </Typography.Paragraph>
          {creating && current ? (
            <Suspense fallback={null}>
              <CreateCredentialModal
                target={target}
                registry={current.access_address}
                onClose={() => setCreating(false)}
              />
            </Suspense>
          ) : null}
        </>
      ) : null}
    </>
  );
}
