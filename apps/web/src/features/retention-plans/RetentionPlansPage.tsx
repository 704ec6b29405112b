import type { RepositoryPlan } from '@swr-console/contracts/bff';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Flex } from 'antd';
import { lazy, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyText } from '../../shared/components/EmptyText';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { OnceOpened } from '../../shared/components/OnceOpened';
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
import type { PlanFilter, TypedRule } from './api';
import { DeletedTags, RuleText } from './components/PlanParts';
import { TypedRuleForm } from './components/TypedRuleForm';
import { plansAsCsv } from './csv';
import { plansKey, plansQuery } from './queries';
import './plans.css';

const ApplyDialog = lazy(async () => ({
  default: (await import('./components/ApplyDialog')).ApplyDialog,
}));

const keyOf = (plan: Pick<RepositoryPlan, 'namespace' | 'name'>) =>
  `${plan.namespace}/${plan.name}`;

/** The typed rule in the URL, or none when it is absent or incomplete. */
function ruleFromUrl(params: URLSearchParams): TypedRule | undefined {
  const template = params.get('template');
  const count = Number(params.get('count'));
  if ((template !== 'tag_rule' && template !== 'date_rule') || !Number.isInteger(count))
    return undefined;
  return {
    template,
    count,
    exemptTags: params.getAll('exemptTag'),
    exemptPatterns: params.getAll('exemptPattern'),
  };
}

/**
 * What retention would delete today across the region's repositories, and the bytes it would
 * really free: each repository's own rule, and a rule typed once for those without one, which can
 * then be given to the repositories chosen, after a confirmation that lists what each loses.
 */
export function RetentionPlansPage() {
  const t = useT();
  const [locale] = useLocale();
  const region = useRegion();
  const [params, setParams] = useSearchParams();
  const filter: PlanFilter = useMemo(
    () => ({
      ...(params.get('namespace') ? { namespace: params.get('namespace')! } : {}),
      ...(params.get('name') ? { name: params.get('name')! } : {}),
    }),
    [params],
  );
  const rule = useMemo(() => ruleFromUrl(params), [params]);
  const set = (change: (next: URLSearchParams) => void) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      change(next);
      return next;
    });
  const namespaces = useQuery(namespaceListQuery(region));
  const plans = useInfiniteQuery(plansQuery(region, filter, rule));
  // Every page is read, one after the other, so that counts, sorting and filters are whole.
  useEveryPage(plans);

  const all = useMemo(
    () => plans.data?.pages.flatMap((page) => page.repositories) ?? [],
    [plans.data],
  );
  // The biggest savings first; ties by name.
  const sorted = useMemo(
    () =>
      [...all].sort(
        (a, b) =>
          b.bytesFreed - a.bytesFreed ||
          b.deleted.length - a.deleted.length ||
          keyOf(a).localeCompare(keyOf(b)),
      ),
    [all],
  );
  const total = plans.data?.pages[0]?.total ?? 0;
  const done = plans.isSuccess && !plans.hasNextPage;
  const sum = (state: RepositoryPlan['state']) =>
    all
      .filter((plan) => plan.state === state)
      .reduce(
        (acc, plan) => ({
          tags: acc.tags + plan.deleted.length,
          bytes: acc.bytes + plan.bytesFreed,
        }),
        { tags: 0, bytes: 0 },
      );
  const own = sum('own');
  const typed = sum('typed');
  const [picked, setPicked] = useState<string[]>([]);
  const [applying, setApplying] = useState(false);
  const pickedPlans = all.filter((plan) => plan.state === 'typed' && picked.includes(keyOf(plan)));
  const n = (value: number) => value.toLocaleString(locale);

  const exportCsv = () => {
    const blob = new Blob([plansAsCsv(region, sorted)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `retention-plan-${region}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <>
      <PageHeader title={t('plans.title')} refresh={[plansKey(region, filter, rule)]}>
        <Typography.Paragraph type="secondary">{t('plans.intro', { region })}</Typography.Paragraph>
      </PageHeader>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('plans.filter.namespace')}
          style={{ minWidth: 200 }}
          value={filter.namespace ?? ''}
          options={[
            { value: '', label: t('plans.filter.namespace.all') },
            ...(namespaces.data ?? []).map((ns) => ({ value: ns.name, label: ns.name })),
          ]}
          onChange={(namespace: string) =>
            set((next) => (namespace ? next.set('namespace', namespace) : next.delete('namespace')))
          }
        />
        <SearchInput
          aria-label={t('plans.filter.name')}
          placeholder={t('plans.filter.name')}
          defaultValue={filter.name}
          allowClear
          style={{ width: 240 }}
          onSearch={(name) =>
            set((next) => (name.trim() ? next.set('name', name.trim()) : next.delete('name')))
          }
        />
      </Flex>
      <TypedRuleForm
        key={JSON.stringify(rule ?? null)}
        value={rule}
        onSubmit={(typedRule) =>
          set((next) => {
            for (const key of ['template', 'count', 'exemptTag', 'exemptPattern']) next.delete(key);
            if (!typedRule) return;
            next.set('template', typedRule.template);
            next.set('count', String(typedRule.count));
            for (const tag of typedRule.exemptTags) next.append('exemptTag', tag);
            for (const pattern of typedRule.exemptPatterns) next.append('exemptPattern', pattern);
          })
        }
      />
      <div className="plans-progress">
        <div role="status">
          {done
            ? t('plans.summary', {
                total: n(total),
                ownTags: n(own.tags),
                ownBytes: formatBytes(own.bytes),
                typedTags: n(typed.tags),
                typedBytes: formatBytes(typed.bytes),
              })
            : t('plans.progress', { planned: n(all.length), total: n(total) })}
        </div>
        {!done && total > 0 ? (
          <ProgressBar
            percent={(all.length / total) * 100}
            aria-label={t('plans.progress.label')}
            size="small"
          />
        ) : null}
      </div>
      <Flex gap={8} wrap style={{ margin: '12px 0' }}>
        <Button
          type="primary"
          danger
          disabled={!rule || pickedPlans.length === 0}
          onClick={() => setApplying(true)}
        >
          {t('plans.apply', { count: pickedPlans.length })}
        </Button>
        <Button disabled={!done || all.length === 0} onClick={exportCsv}>
          {t('plans.export')}
        </Button>
      </Flex>
      {plans.error ? <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} /> : null}
      <DataTable<RepositoryPlan>
        aria-label={t('plans.table')}
        rowKey={keyOf}
        loading={plans.isLoading}
        dataSource={sorted}
        empty={<EmptyText>{t('plans.empty')}</EmptyText>}
        pagination={{ defaultPageSize: 20, pageSizeOptions: [20, 50, 100], showSizeChanger: true }}
        rowSelection={{
          selectedRowKeys: picked,
          onChange: (keys) => setPicked(keys.map(String)),
          label: (plan) => t('plans.select', { name: keyOf(plan) }),
          allLabel: t('plans.selectPage'),
        }}
        expandable={{
          expandable: (plan) => plan.deleted.length > 0,
          render: (plan) => <DeletedTags plan={plan} />,
        }}
        columns={[
          {
            key: 'name',
            title: t('plans.repository'),
            render: (_, plan) => (
              <Link
                to={`/${region}/repositories/${plan.namespace}/${repositoryToUrl(plan.name)}/retention`}
              >
                {keyOf(plan)}
              </Link>
            ),
          },
          {
            key: 'rule',
            title: t('plans.rule.column'),
            render: (_, plan) => <RuleText plan={plan} />,
          },
          {
            key: 'tags',
            title: t('plans.tags'),
            align: 'right',
            render: (_, plan) => n(plan.tags),
          },
          {
            key: 'deleted',
            title: t('plans.deleted'),
            align: 'right',
            render: (_, plan) => n(plan.deleted.length),
          },
          {
            key: 'bytes',
            title: t('plans.bytesFreed'),
            align: 'right',
            render: (_, plan) => (
              <span title={t('plans.bytes', { bytes: n(plan.bytesFreed) })}>
                {formatBytes(plan.bytesFreed)}
                {plan.unread > 0 ? ` ${t('plans.unread', { count: plan.unread })}` : ''}
              </span>
            ),
          },
        ]}
      />
      <OnceOpened open={applying}>
        {rule ? (
          <ApplyDialog
            open={applying}
            region={region}
            rule={rule}
            plans={pickedPlans}
            onClose={() => setApplying(false)}
            onApplied={() => setPicked([])}
          />
        ) : null}
      </OnceOpened>
    </>
  );
}
