import type { RepositoryStorage } from '@swr-console/contracts/bff';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Flex } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyText } from '../../shared/components/EmptyText';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { PageHeader } from '../../shared/components/PageHeader';
import { ProgressBar } from '../../shared/components/ProgressBar';
import { SearchInput } from '../../shared/components/input/SearchInput';
import { Select } from '../../shared/components/select/Select';
import { DataTable } from '../../shared/components/table/DataTable';
import { Typography } from '../../shared/components/typography/Typography';
import { formatBytes } from '../../shared/format';
import { useLocale, useT } from '../../shared/i18n';
import { useEveryPage } from '../../shared/queries/every-page';
import { namespaceListQuery } from '../../shared/queries/namespaces';
import { repositoryToUrl, useRegion } from '../../shared/region';
import { storageKey, storageQuery, type StorageFilter } from './api';
import { Treemap } from './components/Treemap';
import './storage.css';

const keyOf = (r: Pick<RepositoryStorage, 'namespace' | 'name'>) => `${r.namespace}/${r.name}`;

/**
 * Where a region's storage goes: per organization and repository, the bytes its layers take
 * (each layer once however many tags use it) and how much of it tags share, drawn as a treemap
 * and listed largest first.
 */
export function StoragePage() {
  const t = useT();
  const [locale] = useLocale();
  const region = useRegion();
  const [params, setParams] = useSearchParams();
  const filter: StorageFilter = useMemo(
    () => ({
      ...(params.get('namespace') ? { namespace: params.get('namespace')! } : {}),
      ...(params.get('name') ? { name: params.get('name')! } : {}),
    }),
    [params],
  );
  const set = (key: string, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const namespaces = useQuery(namespaceListQuery(region));
  const storage = useInfiniteQuery(storageQuery(region, filter));
  // Every page is read, one after the other, so that counts, sorting and filters are whole.
  useEveryPage(storage);
  const all = useMemo(
    () =>
      (storage.data?.pages.flatMap((page) => page.repositories) ?? []).sort(
        (a, b) => b.bytes - a.bytes || keyOf(a).localeCompare(keyOf(b)),
      ),
    [storage.data],
  );
  const total = storage.data?.pages[0]?.total ?? 0;
  const done = storage.isSuccess && !storage.hasNextPage;
  const bytes = all.reduce((sum, r) => sum + r.bytes, 0);
  const shared = all.reduce((sum, r) => sum + r.sharedBytes, 0);
  const n = (value: number) => value.toLocaleString(locale);
  const percent = (part: number, whole: number) =>
    whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`;

  return (
    <>
      <PageHeader title={t('storage.title')} refresh={[storageKey(region, filter)]}>
        <Typography.Paragraph type="secondary">
          {t('storage.intro', { region })}
        </Typography.Paragraph>
      </PageHeader>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('storage.filter.namespace')}
          style={{ minWidth: 200 }}
          value={filter.namespace ?? ''}
          options={[
            { value: '', label: t('storage.filter.namespace.all') },
            ...(namespaces.data ?? []).map((ns) => ({ value: ns.name, label: ns.name })),
          ]}
          onChange={(namespace: string) => set('namespace', namespace)}
        />
        <SearchInput
          aria-label={t('storage.filter.name')}
          placeholder={t('storage.filter.name')}
          defaultValue={filter.name}
          allowClear
          style={{ width: 240 }}
          onSearch={(name) => set('name', name.trim())}
        />
      </Flex>
      <div className="storage-progress">
        <div role="status">
          {done
            ? t('storage.summary', {
                total: n(total),
                bytes: formatBytes(bytes),
                shared: formatBytes(shared),
              })
            : t('storage.progress', { read: n(all.length), total: n(total) })}
        </div>
        {!done && total > 0 ? (
          <ProgressBar
            percent={(all.length / total) * 100}
            aria-label={t('storage.progress.label')}
            size="small"
          />
        ) : null}
      </div>
      {storage.error ? (
        <ErrorAlert error={storage.error} onRetry={() => void storage.refetch()} />
      ) : null}
      <Treemap region={region} repositories={all} />
      <DataTable<RepositoryStorage>
        aria-label={t('storage.table')}
        rowKey={keyOf}
        loading={storage.isLoading}
        dataSource={all}
        empty={<EmptyText>{t('storage.empty')}</EmptyText>}
        pagination={{ defaultPageSize: 20, pageSizeOptions: [20, 50, 100], showSizeChanger: true }}
        columns={[
          {
            key: 'name',
            title: t('storage.repository'),
            render: (_, r) => (
              <Link to={`/${region}/repositories/${r.namespace}/${repositoryToUrl(r.name)}`}>
                {keyOf(r)}
              </Link>
            ),
          },
          { key: 'tags', title: t('storage.tags'), align: 'right', render: (_, r) => n(r.tags) },
          {
            key: 'images',
            title: t('storage.images'),
            align: 'right',
            render: (_, r) => n(r.images),
          },
          {
            key: 'bytes',
            title: t('storage.bytes'),
            align: 'right',
            render: (_, r) =>
              r.state === 'read' ? (
                <span title={t('storage.exact', { bytes: n(r.bytes) })}>
                  {formatBytes(r.bytes)}
                </span>
              ) : (
                t(r.state === 'failed' ? 'storage.failed' : 'storage.tooMany', {
                  problem: r.problem ?? '',
                })
              ),
          },
          {
            key: 'shared',
            title: t('storage.shared'),
            align: 'right',
            render: (_, r) =>
              r.state === 'read'
                ? `${formatBytes(r.sharedBytes)} (${percent(r.sharedBytes, r.bytes)})`
                : '—',
          },
          {
            key: 'share',
            title: t('storage.share'),
            align: 'right',
            render: (_, r) => percent(r.bytes, bytes),
          },
        ]}
      />
    </>
  );
}
