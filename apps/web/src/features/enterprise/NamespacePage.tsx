import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { lazy, Suspense } from 'react';
import { Tabs } from '../../shared/components/tabs/Tabs';
import { Typography } from '../../shared/components/typography/Typography';
import { DataTable } from '../../shared/components/table/DataTable';
import { Link, useNavigate, useParams } from 'react-router';
import { EmptyText } from '../../shared/components/EmptyText';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { PageHeader } from '../../shared/components/PageHeader';
import { formatTime } from '../../shared/format';
import { useLocale, useT } from '../../shared/i18n';
import { useSession } from '../../shared/session';
import { ArtifactsTable } from './components/ArtifactsTable';
import { SigningPanel } from './components/SigningPanel';
import { useInstance } from './instance';
import { enterpriseKeys, enterpriseQueries } from './queries';
import { PageLoading } from '../../shared/components/Loading';

// The security tabs load when first opened.
const SecurityPanel = lazy(async () => ({
  default: (await import('./components/SecurityPanel')).SecurityPanel,
}));
const ImmutabilityPanel = lazy(async () => ({
  default: (await import('./components/ImmutabilityPanel')).ImmutabilityPanel,
}));
const WebhooksPanel = lazy(async () => ({
  default: (await import('./components/WebhooksPanel')).WebhooksPanel,
}));
const RetentionPanel = lazy(async () => ({
  default: (await import('./components/RetentionPanel')).RetentionPanel,
}));

/** One namespace of an instance: its repositories with their artifacts, and its signing policies. */
export function NamespacePage() {
  const t = useT();
  const [locale] = useLocale();
  const navigate = useNavigate();
  const session = useSession();
  const queryClient = useQueryClient();
  const { namespace = '', tab = 'repositories' } = useParams();
  const { region, ref } = useInstance();
  const base = ref ? `/${region}/enterprise/${ref.instance}` : `/${region}/enterprise`;
  const repositories = useQuery({
    ...enterpriseQueries.repositories(ref ?? { region, projectId: '', instance: '' }, namespace),
    enabled: ref !== undefined,
  });
  const admin = session?.user.admin ?? false;

  return (
    <>
      <PageHeader
        title={t('ent.ns.title', { name: namespace })}
        extra={
          <Link to={base}>
            <ArrowLeftOutlined aria-hidden /> {t('ent.ns.back')}
          </Link>
        }
      />
      {ref ? (
        <Tabs
          activeKey={tab}
          onChange={(key) => void navigate(`${base}/namespaces/${namespace}/${key}`)}
          items={[
            {
              key: 'repositories',
              label: t('ent.tab.repositories'),
              children: (
                <>
                  <Space style={{ marginBottom: 12 }}>
                    <Button
                      icon={<ReloadOutlined aria-hidden />}
                      onClick={() =>
                        void queryClient.invalidateQueries({
                          queryKey: enterpriseKeys.namespace(ref, namespace),
                        })
                      }
                    >
                      {t('ent.refresh')}
                    </Button>
                    <Typography.Text type="secondary">{t('ent.repos.hint')}</Typography.Text>
                  </Space>
                  {repositories.error ? (
                    <ErrorAlert
                      error={repositories.error}
                      onRetry={() => void repositories.refetch()}
                    />
                  ) : (
                    <DataTable
                      rowKey="name"
                      loading={repositories.isPending}
                      dataSource={repositories.data ?? []}
                      empty={<EmptyText>{t('ent.repos.empty')}</EmptyText>}
                      pagination={{ pageSize: 20 }}
                      expandable={{
                        render: (repository) => (
                          <ArtifactsTable
                            target={ref}
                            namespace={namespace}
                            repository={repository.name}
                            admin={admin}
                          />
                        ),
                      }}
                      columns={[
                        { key: 'name', title: t('ent.repos.name'), dataIndex: 'name' },
                        {
                          key: 'artifacts',
                          title: t('ent.repos.artifacts'),
                          dataIndex: 'artifact_count',
                        },
                        { key: 'tags', title: t('ent.repos.tags'), dataIndex: 'tag_count' },
                        { key: 'pulls', title: t('ent.repos.pulls'), dataIndex: 'pull_count' },
                        {
                          key: 'updated',
                          title: t('ent.repos.updated'),
                          render: (_, repository) => formatTime(repository.updated_at, locale),
                        },
                      ]}
                    />
                  )}
                </>
              ),
            },
            {
              key: 'signing',
              label: t('ent.tab.signing'),
              children: <SigningPanel target={ref} namespace={namespace} admin={admin} />,
            },
            {
              key: 'security',
              label: t('sec.tab.security'),
              children: (
                <Suspense fallback={<PageLoading />}>
                  <SecurityPanel target={ref} namespace={namespace} admin={admin} />
                </Suspense>
              ),
            },
            {
              key: 'immutability',
              label: t('sec.tab.immutability'),
              children: (
                <Suspense fallback={<PageLoading />}>
                  <ImmutabilityPanel target={ref} namespace={namespace} admin={admin} />
                </Suspense>
              ),
            },
            {
              key: 'webhooks',
              label: t('wh.tab'),
              children: (
                <Suspense fallback={<PageLoading />}>
                  <WebhooksPanel target={ref} namespace={namespace} admin={admin} />
                </Suspense>
              ),
            },
            {
              key: 'retention',
              label: t('retn.tab'),
              children: (
                <Suspense fallback={<PageLoading />}>
                  <RetentionPanel target={ref} namespace={namespace} admin={admin} />
                </Suspense>
              ),
            },
          ]}
        />
      ) : null}
    </>
  );
}
