import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex } from 'antd';
import { Tooltip } from '../../shared/components/tooltip/Tooltip';
import { ProgressBar } from '../../shared/components/ProgressBar';
import { SearchInput } from '../../shared/components/input/SearchInput';
import { Typography } from '../../shared/components/typography/Typography';
import { DataTable } from '../../shared/components/table/DataTable';
import { lazy } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { PageHeader } from '../../shared/components/PageHeader';
import { swrKeys } from '../../shared/keys';
import { useT } from '../../shared/i18n';
import { useListState, useUrlFlag, type ListDefaults } from '../../shared/list-state';
import { useRegion } from '../../shared/region';
import { useSession } from '../../shared/session';
import { AuthTag } from './components/AuthTag';
import { DeleteNamespaceButton } from './components/DeleteNamespaceButton';
import { namespaceQueries } from './queries';
import { EmptyText } from '../../shared/components/EmptyText';
import { OnceOpened } from '../../shared/components/OnceOpened';

// The create dialog (antd's form and modal) loads when it is first opened.
const CreateNamespaceModal = lazy(async () => ({
  default: (await import('./components/CreateNamespaceModal')).CreateNamespaceModal,
}));

const LIST: ListDefaults = { pageSize: 10, sort: 'name', order: 'asc', filters: ['name'] };

export function NamespacesPage() {
  const t = useT();
  const region = useRegion();
  const session = useSession();
  const [state, setState] = useListState(LIST);
  // `?create=1` (the command palette's "Create an organization") opens the dialog.
  const [creating, setCreating] = useUrlFlag('create');
  const projectId = session?.regions.find((r) => r.id === region)?.projectId ?? '';
  const list = useQuery(namespaceQueries.list(region));
  const quota = useQuery({
    ...namespaceQueries.quota(region, projectId),
    enabled: projectId !== '',
  });

  const filter = state.filters.name?.toLowerCase() ?? '';
  const rows = (list.data ?? [])
    .filter((ns) => ns.name.includes(filter))
    .sort((a, b) => (state.order === 'asc' ? 1 : -1) * a.name.localeCompare(b.name));
  const full = quota.data ? quota.data.used >= quota.data.quota_limit : false;
  const admin = session?.user.admin ?? false;

  return (
    <>
      <PageHeader
        title={t('namespaces.title')}
        refresh={[swrKeys.namespaces(region)]}
        extra={
          <Tooltip
            title={
              !admin
                ? t('namespaces.create.adminOnly')
                : full
                  ? t('namespaces.quota.full', { limit: quota.data?.quota_limit ?? 5 })
                  : undefined
            }
          >
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={!admin || full}
              onClick={() => setCreating(true)}
            >
              {t('namespaces.create')}
            </Button>
          </Tooltip>
        }
      >
        <Typography.Paragraph type="secondary">{t('namespaces.intro')}</Typography.Paragraph>
      </PageHeader>
      {quota.data ? (
        <Flex align="center" gap={12} style={{ marginBottom: 12, maxWidth: 520 }}>
          <ProgressBar
            percent={Math.round((quota.data.used / quota.data.quota_limit) * 100)}
            status={full ? 'exception' : 'normal'}
            aria-label={t('namespaces.quota', {
              used: quota.data.used,
              limit: quota.data.quota_limit,
            })}
          />
          <Typography.Text style={{ whiteSpace: 'nowrap' }}>
            {t('namespaces.quota', { used: quota.data.used, limit: quota.data.quota_limit })}
          </Typography.Text>
        </Flex>
      ) : null}
      {full && admin ? (
        <Alert
          type="warning"
          showIcon
          title={t('namespaces.quota.full', { limit: quota.data?.quota_limit ?? 5 })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <SearchInput
        aria-label={t('namespaces.filter')}
        placeholder={t('namespaces.filter')}
        defaultValue={state.filters.name}
        allowClear
        style={{ maxWidth: 320, marginBottom: 12 }}
        onSearch={(name) => setState({ filters: { name: name.trim() } })}
      />
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable
          rowKey="name"
          loading={list.isPending}
          dataSource={rows}
          empty={<EmptyText>{t('namespaces.empty')}</EmptyText>}
          pagination={{
            current: state.page,
            pageSize: state.pageSize,
            total: rows.length,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setState({ page, pageSize }),
          }}
          onSort={(_, order) => setState({ order: order === 'ascend' ? 'asc' : 'desc' })}
          columns={[
            {
              key: 'name',
              title: t('namespaces.name'),
              sorter: true,
              sortOrder: state.order === 'asc' ? 'ascend' : 'descend',
              render: (_, ns) => <Link to={`/${region}/namespaces/${ns.name}`}>{ns.name}</Link>,
            },
            {
              key: 'auth',
              title: t('namespaces.auth'),
              render: (_, ns) => <AuthTag auth={ns.auth} />,
            },
            {
              key: 'repos',
              title: t('namespaces.repos'),
              render: (_, ns) => (
                <Link to={`/${region}/repositories?namespace=${ns.name}`}>
                  {ns.repo_count ?? 0}
                </Link>
              ),
            },
            { key: 'users', title: t('namespaces.users'), dataIndex: 'access_user_count' },
            { key: 'creator', title: t('namespaces.creator'), dataIndex: 'creator_name' },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, ns) =>
                ns.auth === 7 ? (
                  <DeleteNamespaceButton
                    region={region}
                    name={ns.name}
                    repositories={ns.repo_count ?? 0}
                  />
                ) : null,
            },
          ]}
        />
      )}
      <OnceOpened open={creating}>
        <CreateNamespaceModal region={region} open={creating} onClose={() => setCreating(false)} />
      </OnceOpened>
    </>
  );
}
