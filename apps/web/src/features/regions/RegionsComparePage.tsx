import type { ComparedRepository } from '@swr-console/contracts/bff';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Flex } from 'antd';
import { lazy, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { EmptyText } from '../../shared/components/EmptyText';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { OnceOpened } from '../../shared/components/OnceOpened';
import { PageHeader } from '../../shared/components/PageHeader';
import { ProgressBar } from '../../shared/components/ProgressBar';
import { SearchInput } from '../../shared/components/input/SearchInput';
import { TextInput } from '../../shared/components/input/TextInput';
import { Select } from '../../shared/components/select/Select';
import { DataTable } from '../../shared/components/table/DataTable';
import { Typography } from '../../shared/components/typography/Typography';
import { useLocale, useT } from '../../shared/i18n';
import { useListState, type ListDefaults } from '../../shared/list-state';
import { useEveryPage } from '../../shared/queries/every-page';
import { namespaceListQuery } from '../../shared/queries/namespaces';
import { repositoryToUrl, useRegion } from '../../shared/region';
import { useSession } from '../../shared/session';
import { alignable } from './align';
import { Differences, SideSummary } from './components/Differences';
import type { CompareFilter } from './api';
import { comparisonKey, comparisonQuery } from './queries';
import './regions.css';

// The dialog that makes regions the same loads when first opened.
const AlignDialog = lazy(async () => ({
  default: (await import('./components/AlignDialog')).AlignDialog,
}));

const LIST: ListDefaults = {
  pageSize: 20,
  filters: ['against', 'namespace', 'targetNamespace', 'name', 'only'],
  pageSizes: [20, 50, 100],
};

const keyOf = (r: Pick<ComparedRepository, 'namespace' | 'name'>) => `${r.namespace}/${r.name}`;

/** Whether a repository differs in any region compared (a region that failed counts as unknown). */
export const differs = (repository: ComparedRepository) =>
  repository.regions.some((side) => side.state !== 'compared' || side.differences.length > 0);

/**
 * The region's repositories set tag by tag against the same repositories in other regions: what
 * is the same, what differs, what is missing on either side, and "make it the same" from there.
 */
export function RegionsComparePage() {
  const t = useT();
  const [locale] = useLocale();
  const region = useRegion();
  const session = useSession();
  const others = useMemo(
    () => (session?.regions ?? []).map((r) => r.id).filter((id) => id !== region),
    [session, region],
  );
  const [state, setState] = useListState(LIST);
  const against = useMemo(() => {
    const asked = state.filters.against?.split(',').filter((id) => others.includes(id));
    return asked && asked.length > 0 ? asked : others;
  }, [state.filters.against, others]);
  const filter: CompareFilter = useMemo(
    () => ({
      against,
      ...(state.filters.namespace ? { namespace: state.filters.namespace } : {}),
      ...(state.filters.namespace && state.filters.targetNamespace
        ? { targetNamespace: state.filters.targetNamespace }
        : {}),
      ...(state.filters.name ? { name: state.filters.name } : {}),
    }),
    [against, state.filters.namespace, state.filters.targetNamespace, state.filters.name],
  );
  const onlyDifferences = state.filters.only === 'differences';
  const namespaces = useQuery(namespaceListQuery(region));
  const comparison = useInfiniteQuery(comparisonQuery(region, filter));
  // Every page is read, one after the other, so that counts, sorting and filters are whole.
  useEveryPage(comparison);

  const compared = useMemo(
    () => comparison.data?.pages.flatMap((page) => page.repositories) ?? [],
    [comparison.data],
  );
  const total = comparison.data?.pages[0]?.total ?? 0;
  const differing = useMemo(() => compared.filter(differs), [compared]);
  const shown = onlyDifferences ? differing : compared;
  const done = comparison.isSuccess && !comparison.hasNextPage;
  const [picked, setPicked] = useState<string[]>([]);
  const [aligning, setAligning] = useState(false);
  const pickedRepositories = compared.filter(
    (r) => picked.includes(keyOf(r)) && r.regions.some(alignable),
  );
  const number = (n: number) => n.toLocaleString(locale);

  return (
    <>
      <PageHeader title={t('regions.title')} refresh={[comparisonKey(region, filter)]}>
        <Typography.Paragraph type="secondary">
          {t('regions.intro', { region })}
        </Typography.Paragraph>
      </PageHeader>
      {others.length === 0 ? (
        <EmptyText>{t('regions.noOtherRegion')}</EmptyText>
      ) : (
        <>
          <fieldset className="regions-against">
            <legend>{t('regions.against')}</legend>
            {others.map((id) => (
              <label key={id} className="regions-check">
                <input
                  type="checkbox"
                  checked={against.includes(id)}
                  onChange={(event) => {
                    const next = event.target.checked
                      ? [...against, id]
                      : against.filter((other) => other !== id);
                    // None chosen means all of them: at least one region is always compared.
                    setState({ filters: { ...state.filters, against: next.join(',') } });
                  }}
                />
                {id}
              </label>
            ))}
          </fieldset>
          <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
            <Select
              aria-label={t('regions.filter.namespace')}
              style={{ minWidth: 200 }}
              value={state.filters.namespace ?? ''}
              options={[
                { value: '', label: t('regions.filter.namespace.all') },
                ...(namespaces.data ?? []).map((n) => ({ value: n.name, label: n.name })),
              ]}
              onChange={(namespace: string) =>
                setState({
                  filters: { ...state.filters, namespace, targetNamespace: '' },
                })
              }
            />
            {state.filters.namespace ? (
              <TextInput
                aria-label={t('regions.filter.targetNamespace')}
                placeholder={t('regions.filter.targetNamespace.same', {
                  namespace: state.filters.namespace,
                })}
                defaultValue={state.filters.targetNamespace}
                key={state.filters.namespace}
                style={{ width: 260 }}
                onBlur={(event) =>
                  setState({
                    filters: { ...state.filters, targetNamespace: event.target.value.trim() },
                  })
                }
                onKeyDown={(event) => {
                  if (event.key === 'Enter')
                    setState({
                      filters: {
                        ...state.filters,
                        targetNamespace: event.currentTarget.value.trim(),
                      },
                    });
                }}
              />
            ) : null}
            <SearchInput
              aria-label={t('regions.filter.name')}
              placeholder={t('regions.filter.name')}
              defaultValue={state.filters.name}
              allowClear
              style={{ width: 240 }}
              onSearch={(name) => setState({ filters: { ...state.filters, name: name.trim() } })}
            />
            <label className="regions-check">
              <input
                type="checkbox"
                checked={onlyDifferences}
                onChange={(event) =>
                  setState({
                    filters: { ...state.filters, only: event.target.checked ? 'differences' : '' },
                  })
                }
              />
              {t('regions.onlyDifferences')}
            </label>
          </Flex>
          <Progress
            compared={compared.length}
            differing={differing.length}
            total={total}
            done={done}
            loading={comparison.isFetching}
          />
          <Flex gap={8} align="center" wrap style={{ margin: '12px 0' }}>
            <Button
              type="primary"
              disabled={pickedRepositories.length === 0}
              onClick={() => setAligning(true)}
            >
              {t('regions.align', { count: pickedRepositories.length })}
            </Button>
            {picked.length > 0 ? (
              <Button onClick={() => setPicked([])}>{t('regions.clearSelection')}</Button>
            ) : null}
          </Flex>
          {comparison.error ? (
            <ErrorAlert error={comparison.error} onRetry={() => void comparison.refetch()} />
          ) : null}
          <DataTable<ComparedRepository>
            aria-label={t('regions.table')}
            rowKey={keyOf}
            loading={comparison.isLoading}
            dataSource={shown}
            empty={
              <EmptyText>
                {comparison.isLoading
                  ? t('regions.comparing')
                  : onlyDifferences && done
                    ? t('regions.allSame')
                    : t('regions.empty')}
              </EmptyText>
            }
            rowSelection={{
              selectedRowKeys: picked,
              onChange: (keys) => setPicked(keys.map(String)),
              label: (r) => t('regions.select', { name: keyOf(r) }),
              allLabel: t('regions.selectPage'),
            }}
            pagination={{
              current: state.page,
              pageSize: state.pageSize,
              pageSizeOptions: LIST.pageSizes,
              showSizeChanger: true,
              total: shown.length,
              showTotal: (count) => t('common.total', { total: count }),
              onChange: (page, pageSize) =>
                setState(pageSize !== state.pageSize ? { pageSize } : { page }),
            }}
            expandable={{
              expandable: (r) => r.regions.some((side) => side.differences.length > 0),
              render: (r) => <Differences repository={r} />,
            }}
            columns={[
              {
                key: 'name',
                title: t('regions.repository'),
                render: (_, r) => (
                  <Link to={`/${region}/repositories/${r.namespace}/${repositoryToUrl(r.name)}`}>
                    {keyOf(r)}
                  </Link>
                ),
              },
              {
                key: 'tags',
                title: t('regions.tagsHere', { region }),
                align: 'right',
                width: 120,
                render: (_, r) => number(r.tags),
              },
              ...against.map((id) => ({
                key: `region-${id}`,
                title: id,
                render: (_: unknown, r: ComparedRepository) => {
                  const side = r.regions.find((s) => s.region === id);
                  return side ? <SideSummary side={side} /> : null;
                },
              })),
            ]}
          />
          <OnceOpened open={aligning}>
            <AlignDialog
              open={aligning}
              region={region}
              filter={filter}
              repositories={pickedRepositories}
              onClose={() => setAligning(false)}
            />
          </OnceOpened>
        </>
      )}
    </>
  );
}

function Progress({
  compared,
  differing,
  total,
  done,
  loading,
}: {
  compared: number;
  differing: number;
  total: number;
  done: boolean;
  loading: boolean;
}) {
  const t = useT();
  const [locale] = useLocale();
  const n = (value: number) => value.toLocaleString(locale);
  return (
    <div className="regions-progress">
      <div role="status">
        {done
          ? t('regions.summary', { differing: n(differing), total: n(total) })
          : loading || compared < total
            ? t('regions.progress', { compared: n(compared), total: n(total) })
            : null}
      </div>
      {!done && total > 0 ? (
        <ProgressBar
          percent={(compared / total) * 100}
          aria-label={t('regions.progress.label')}
          size="small"
        />
      ) : null}
    </div>
  );
}
