import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  REPOSITORY_CATEGORIES,
  type ListReposQuery,
  type RepositorySummary,
} from '@swr-console/swr-api';
import { Button, Flex, Tag } from 'antd';
import { Select } from '../../shared/components/select/Select';
import { SearchInput } from '../../shared/components/input/SearchInput';
import { Typography } from '../../shared/components/typography/Typography';
import { DataTable } from '../../shared/components/table/DataTable';
import { lazy, type ReactNode, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { PageHeader } from '../../shared/components/PageHeader';
import { formatBytes, formatTime } from '../../shared/format';
import { swrKeys } from '../../shared/keys';
import { useLocale, useT } from '../../shared/i18n';
import { useListState, useUrlFlag, type ListDefaults } from '../../shared/list-state';
import { namespaceListQuery } from '../../shared/queries/namespaces';
import { repositoryToUrl, useRegion } from '../../shared/region';
import { DeleteRepositoryButton } from './components/DeleteRepositoryButton';
import { repositoryQueries } from './queries';
import { EmptyText } from '../../shared/components/EmptyText';
import { OnceOpened } from '../../shared/components/OnceOpened';

// Dialogs load when first opened.
const RepositoryFormModal = lazy(async () => ({
  default: (await import('./components/RepositoryFormModal')).RepositoryFormModal,
}));

const LIST: ListDefaults = {
  pageSize: 20,
  sort: 'updated_time',
  order: 'desc',
  filters: ['namespace', 'name', 'category'],
  pageSizes: [20, 50, 100],
};
const SORTABLE = { name: 'name', updated_at: 'updated_time', num_images: 'tag_count' } as const;

/** The SWR list call for a list state: filters, sort and the page, all done by the server. */
export function toQuery(state: ReturnType<typeof useListState>[0]): ListReposQuery {
  return {
    ...(state.filters.namespace ? { namespace: state.filters.namespace } : {}),
    ...(state.filters.name ? { name: state.filters.name.replaceAll('/', '$') } : {}),
    ...(state.filters.category
      ? { category: state.filters.category as ListReposQuery['category'] }
      : {}),
    order_column: (state.sort ?? 'updated_time') as ListReposQuery['order_column'],
    order_type: state.order,
    limit: state.pageSize,
    offset: (state.page - 1) * state.pageSize,
  };
}

/** A repository picked in the list, for actions the app adds (`selectionActions`). */
export interface PickedRepository {
  namespace: string;
  name: string;
}

export function RepositoriesPage({
  selectionActions,
}: {
  /** Actions on the checked repositories; without it the list has no checkboxes. */
  selectionActions?: (picked: PickedRepository[], clear: () => void) => ReactNode;
} = {}) {
  const t = useT();
  const [locale] = useLocale();
  const region = useRegion();
  const [state, setState] = useListState(LIST);
  const query = useMemo(() => toQuery(state), [state]);
  const list = useQuery(repositoryQueries.list(region, query));
  const namespaces = useQuery(namespaceListQuery(region));
  // `?create=1` (the command palette's "Create a repository") opens the dialog.
  const [creating, setCreating] = useUrlFlag('create');
  const [editing, setEditing] = useState<RepositorySummary | undefined>();
  const [picked, setPicked] = useState<PickedRepository[]>([]);
  const sortOrder = (column: keyof typeof SORTABLE) =>
    SORTABLE[column] === state.sort
      ? state.order === 'asc'
        ? ('ascend' as const)
        : ('descend' as const)
      : null;

  return (
    <>
      <PageHeader
        title={t('repos.title')}
        refresh={[swrKeys.repositories(region)]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('repos.create')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('repos.intro')}</Typography.Paragraph>
      </PageHeader>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('repos.filter.namespace')}
          style={{ minWidth: 200 }}
          value={state.filters.namespace ?? ''}
          options={[
            { value: '', label: t('repos.filter.namespace.all') },
            ...(namespaces.data ?? []).map((n) => ({ value: n.name, label: n.name })),
          ]}
          onChange={(namespace: string) => setState({ filters: { namespace } })}
        />
        <SearchInput
          aria-label={t('repos.filter.name')}
          placeholder={t('repos.filter.name')}
          defaultValue={state.filters.name}
          allowClear
          style={{ width: 260 }}
          onSearch={(name) => setState({ filters: { name: name.trim() } })}
        />
        <Select
          aria-label={t('repos.filter.category')}
          style={{ minWidth: 180 }}
          value={state.filters.category ?? ''}
          options={[
            { value: '', label: t('repos.filter.category.all') },
            ...REPOSITORY_CATEGORIES.filter((c) => c !== 'arms').map((c) => ({
              value: c,
              label: t(`repos.category.${c}`),
            })),
          ]}
          onChange={(category: string) => setState({ filters: { category } })}
        />
      </Flex>
      {selectionActions ? (
        <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
          {selectionActions(picked, () => setPicked([]))}
        </Flex>
      ) : null}
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<RepositorySummary>
          rowKey={(r) => `${r.namespace}/${r.name}`}
          rowSelection={
            selectionActions
              ? {
                  // Kept across pages: the selection is of repositories, not of rows on screen.
                  selectedRowKeys: picked.map((r) => `${r.namespace}/${r.name}`),
                  // Keys are "namespace/name"; organization names never hold a "/".
                  onChange: (keys) =>
                    setPicked(
                      keys.map((key) => {
                        const [namespace = '', ...name] = String(key).split('/');
                        return { namespace, name: name.join('/') };
                      }),
                    ),
                  label: (r) => t('repos.select', { name: `${r.namespace}/${r.name}` }),
                  allLabel: t('repos.selectPage'),
                }
              : undefined
          }
          loading={list.isFetching}
          dataSource={list.data?.items}
          empty={<EmptyText>{t('repos.empty')}</EmptyText>}
          pagination={{
            current: state.page,
            pageSize: state.pageSize,
            pageSizeOptions: LIST.pageSizes,
            showSizeChanger: true,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) =>
              setState(pageSize !== state.pageSize ? { pageSize } : { page }),
          }}
          onSort={(column, order) =>
            setState({
              sort: SORTABLE[column as keyof typeof SORTABLE],
              order: order === 'ascend' ? 'asc' : 'desc',
            })
          }
          columns={[
            {
              key: 'name',
              title: t('repos.name'),
              sorter: true,
              sortOrder: sortOrder('name'),
              render: (_, r) => (
                <Link
                  to={`/${region}/repositories/${r.namespace}/${repositoryToUrl(r.name)}`}
                >{`${r.namespace}/${r.name}`}</Link>
              ),
            },
            {
              key: 'category',
              title: t('repos.category'),
              render: (_, r) => t(`repos.category.${r.category}`),
            },
            {
              key: 'visibility',
              title: t('repos.visibility'),
              render: (_, r) =>
                r.is_public ? (
                  <Tag color="blue">{t('repos.public')}</Tag>
                ) : (
                  <Tag>{t('repos.private')}</Tag>
                ),
            },
            {
              key: 'num_images',
              title: t('repos.tags'),
              dataIndex: 'num_images',
              sorter: true,
              sortOrder: sortOrder('num_images'),
            },
            { key: 'size', title: t('repos.size'), render: (_, r) => formatBytes(r.size) },
            {
              key: 'updated_at',
              title: t('repos.updated'),
              sorter: true,
              sortOrder: sortOrder('updated_at'),
              render: (_, r) => formatTime(r.updated_at, locale),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, r) => (
                <Flex gap={4}>
                  <Button
                    type="text"
                    icon={<EditOutlined />}
                    aria-label={t('repos.edit', { name: `${r.namespace}/${r.name}` })}
                    onClick={() => setEditing(r)}
                  />
                  <DeleteRepositoryButton
                    region={region}
                    namespace={r.namespace}
                    repository={r.name}
                    tags={r.num_images}
                  />
                </Flex>
              ),
            },
          ]}
        />
      )}
      <OnceOpened open={creating}>
        <RepositoryFormModal
          region={region}
          open={creating}
          onClose={() => setCreating(false)}
          namespace={state.filters.namespace}
        />
      </OnceOpened>
      <OnceOpened open={editing !== undefined}>
        <RepositoryFormModal
          key={editing ? `${editing.namespace}/${editing.name}` : 'none'}
          region={region}
          open={editing !== undefined}
          onClose={() => setEditing(undefined)}
          editing={editing}
        />
      </OnceOpened>
    </>
  );
}
