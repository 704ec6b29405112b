import { useQuery } from '@tanstack/react-query';
import type { RepositorySummary } from '@swr-console/swr-api';
import { Button, Flex } from 'antd';
import { SearchInput } from '../../shared/components/input/SearchInput';
import { Typography } from '../../shared/components/typography/Typography';
import { DataTable } from '../../shared/components/table/DataTable';
import { lazy, useId, useMemo, useState } from 'react';
import { OnceOpened } from '../../shared/components/OnceOpened';
import { EmptyText } from '../../shared/components/EmptyText';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { PageHeader } from '../../shared/components/PageHeader';
import { formatTime } from '../../shared/format';
import { useLocale, useT } from '../../shared/i18n';
import { useListState, type ListDefaults } from '../../shared/list-state';
import { useRegion } from '../../shared/region';
import { sharingKeys, sharingQueries } from './queries';

const LIST: ListDefaults = { pageSize: 20, filters: ['name'], pageSizes: [20, 50, 100] };

// The pull commands dialog loads when first opened.
const SharedPullCommands = lazy(async () => ({
  default: (await import('./components/SharedPullCommands')).SharedPullCommands,
}));

/** Repositories other accounts of this region share with yours: who owns them, and how to pull. */
export function SharedWithMePage() {
  const t = useT();
  const [locale] = useLocale();
  const region = useRegion();
  const searchId = useId();
  const [state, update] = useListState(LIST);
  const query = useMemo(
    () => ({
      limit: state.pageSize,
      offset: (state.page - 1) * state.pageSize,
      ...(state.filters.name ? { name: state.filters.name } : {}),
    }),
    [state],
  );
  const list = useQuery(sharingQueries.sharedWithMe(region, query));
  const [pulling, setPulling] = useState<RepositorySummary>();

  return (
    <>
      <PageHeader title={t('shared.title')} refresh={[sharingKeys.sharedWithMe(region)]}>
        <Typography.Paragraph type="secondary">{t('shared.intro')}</Typography.Paragraph>
      </PageHeader>
      <Flex vertical gap={12}>
        <Flex gap={8} align="center">
          <label htmlFor={searchId}>{t('shared.filter')}</label>
          <SearchInput
            id={searchId}
            defaultValue={state.filters.name}
            allowClear
            onSearch={(name) => update({ filters: { name } })}
            style={{ maxWidth: 320 }}
          />
        </Flex>
        {list.error ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <DataTable<RepositorySummary>
            rowKey={(repo) => `${repo.domain_name}/${repo.namespace}/${repo.name}`}
            loading={list.isPending}
            dataSource={list.data?.items}
            empty={<EmptyText>{t('shared.empty')}</EmptyText>}
            pagination={{
              current: state.page,
              pageSize: state.pageSize,
              total: list.data?.total,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              onChange: (page, pageSize) =>
                update(pageSize !== state.pageSize ? { pageSize } : { page }),
            }}
            columns={[
              {
                key: 'name',
                title: t('shared.repository'),
                render: (_, repo) => (
                  <Typography.Text strong>{`${repo.namespace}/${repo.name}`}</Typography.Text>
                ),
              },
              { key: 'owner', title: t('shared.owner'), dataIndex: 'domain_name' },
              {
                key: 'status',
                title: t('shared.status'),
                render: (_, repo) =>
                  repo.status ? (
                    t('shared.valid')
                  ) : (
                    <Typography.Text type="danger" strong>
                      {t('shared.expired')}
                    </Typography.Text>
                  ),
              },
              { key: 'tags', title: t('shared.tags'), dataIndex: 'num_images' },
              {
                key: 'updated',
                title: t('shared.updated'),
                render: (_, repo) => formatTime(repo.updated_at, locale),
              },
              {
                key: 'pull',
                title: t('common.actions'),
                render: (_, repo) => (
                  <Button
                    size="small"
                    disabled={!repo.status}
                    aria-label={t('shared.pull', { repository: `${repo.namespace}/${repo.name}` })}
                    onClick={() => setPulling(repo)}
                  >
                    {t('shared.pull.button')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Flex>
      <OnceOpened open={pulling !== undefined}>
        <SharedPullCommands repository={pulling} onClose={() => setPulling(undefined)} />
      </OnceOpened>
    </>
  );
}
