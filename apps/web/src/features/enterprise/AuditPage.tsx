import { ArrowLeftOutlined } from '@ant-design/icons';
import type { AuditLog } from '@swr-console/swr-api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex } from 'antd';
import { TextInput } from '../../shared/components/input/TextInput';
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../shared/components/table/DataTable';
import { EmptyText } from '../../shared/components/EmptyText';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { PageHeader } from '../../shared/components/PageHeader';
import { SearchInput } from '../../shared/components/input/SearchInput';
import { Segmented } from '../../shared/components/segmented/Segmented';
import { Typography } from '../../shared/components/typography/Typography';
import { formatTime } from '../../shared/format';
import { useLocale, useT } from '../../shared/i18n';
import type { InstanceRef } from './api';
import { useInstance } from './instance';
import { enterpriseKeys } from './queries';
import { auditPage } from './security-api';
import { matchesAudit, type AuditFilter } from './security-rules';

const PAGE_SIZE = 20;
const RESOURCE_TYPES: ReadonlySet<string> = new Set(['artifact', 'tag', 'repository', 'namespace']);
/** How far back a filtered search reads, in entries (SWR filters by operation only). */
export const SEARCH_LIMIT = 2000;

/**
 * Entries of one operation that match the other filters: newest first, read 100 at a time until
 * older than `from` or {@link SEARCH_LIMIT} entries were read.
 */
async function searchAudit(ref: InstanceRef, filter: AuditFilter, signal: AbortSignal) {
  const found: AuditLog[] = [];
  const from = filter.from === '' ? -Infinity : new Date(filter.from).getTime();
  for (let offset = 0; offset < SEARCH_LIMIT; offset += 100) {
    const { entries, total } = await auditPage(ref, filter.operation, offset, 100, signal);
    // Entries logged meanwhile shift the pages: one seen already is not listed twice.
    const seen = new Set(found.map((entry) => entry.id));
    found.push(...entries.filter((entry) => !seen.has(entry.id) && matchesAudit(entry, filter)));
    const oldest = entries.at(-1);
    if (!oldest || offset + 100 >= total || Date.parse(oldest.op_time) < from)
      return { entries: found, complete: true };
  }
  return { entries: found, complete: false };
}

/** Where an entry's resource is shown: an artifact's page by digest, else its namespace. */
function linkOf(ref: InstanceRef, entry: AuditLog): string | undefined {
  if (entry.operation === 'delete') return undefined;
  const base = `/${ref.region}/enterprise/${ref.instance}/namespaces`;
  const slash = entry.resource.indexOf('/');
  const namespace = slash < 0 ? entry.resource : entry.resource.slice(0, slash);
  const at = entry.resource.indexOf('@');
  if (at > 0) return `${base}/${namespace}/artifacts/${entry.resource.slice(slash + 1)}`;
  return `${base}/${namespace}`;
}

/** The audit log of an instance: who pushed, pulled and deleted what, when; filterable and paged. */
export function AuditPage() {
  const t = useT();
  const [locale] = useLocale();
  const { ref } = useInstance();
  const [params, setParams] = useSearchParams();
  const operationLabel = useId();
  const filter: AuditFilter = {
    operation:
      (['create', 'pull', 'delete'] as const).find((op) => op === params.get('operation')) ??
      'pull',
    resource: params.get('resource') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const searching = filter.resource !== '' || filter.from !== '' || filter.to !== '';
  const set = (changes: Record<string, string>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes))
          if (value) next.set(key, value);
          else next.delete(key);
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      // Now, not in a transition: the control shows the choice as it is made.
      { replace: true, flushSync: true },
    );
  const target = ref ?? { region: '', projectId: '', instance: '' };
  const paged = useQuery({
    queryKey: [...enterpriseKeys.instance(target), 'audit', filter.operation, page],
    queryFn: ({ signal }) =>
      auditPage(target, filter.operation, (page - 1) * PAGE_SIZE, PAGE_SIZE, signal),
    enabled: ref !== undefined && !searching,
    placeholderData: keepPreviousData,
  });
  const searched = useQuery({
    queryKey: [...enterpriseKeys.instance(target), 'audit', 'search', filter],
    queryFn: ({ signal }) => searchAudit(target, filter, signal),
    enabled: ref !== undefined && searching,
  });
  const current = searching ? searched : paged;
  const rows = searching
    ? (searched.data?.entries ?? []).slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
    : (paged.data?.entries ?? []);
  const total = searching ? (searched.data?.entries.length ?? 0) : (paged.data?.total ?? 0);
  return (
    <>
      <PageHeader
        title={t('sec.audit.title')}
        refresh={[[...enterpriseKeys.instance(target), 'audit']]}
        extra={
          ref ? (
            <Link to={`/${ref.region}/enterprise/${ref.instance}`}>
              <ArrowLeftOutlined aria-hidden /> {t('sec.audit.back')}
            </Link>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">{t('sec.audit.intro')}</Typography.Paragraph>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <span id={operationLabel}>{t('sec.audit.operation')}</span>
        <Segmented
          aria-labelledby={operationLabel}
          value={filter.operation}
          onChange={(operation) => set({ operation })}
          options={(['pull', 'create', 'delete'] as const).map((value) => ({
            value,
            label: t(`sec.audit.op.${value}`),
          }))}
        />
        <SearchInput
          aria-label={t('sec.audit.resource')}
          placeholder={t('sec.audit.resource')}
          defaultValue={filter.resource}
          onSearch={(resource) => set({ resource })}
        />
        <label>
          {t('sec.audit.from')}{' '}
          <TextInput
            type="datetime-local"
            value={filter.from}
            onChange={(e) => set({ from: e.target.value })}
            style={{ width: 200 }}
          />
        </label>
        <label>
          {t('sec.audit.to')}{' '}
          <TextInput
            type="datetime-local"
            value={filter.to}
            onChange={(e) => set({ to: e.target.value })}
            style={{ width: 200 }}
          />
        </label>
      </Flex>
      {searching && searched.data && !searched.data.complete ? (
        <Typography.Paragraph type="secondary">
          {t('sec.audit.partial', { count: SEARCH_LIMIT })}
        </Typography.Paragraph>
      ) : null}
      {current.error ? (
        <ErrorAlert error={current.error} onRetry={() => void current.refetch()} />
      ) : (
        <DataTable
          rowKey="id"
          aria-label={t('sec.audit.title')}
          loading={current.isFetching}
          dataSource={rows}
          empty={<EmptyText>{t('sec.audit.empty')}</EmptyText>}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total,
            onChange: (next) => set({ page: String(next) }),
          }}
          columns={[
            {
              key: 'time',
              title: t('sec.audit.time'),
              render: (_, entry) => formatTime(entry.op_time, locale),
            },
            { key: 'user', title: t('sec.audit.user'), dataIndex: 'username' },
            {
              key: 'operation',
              title: t('sec.audit.operation'),
              render: (_, entry) => t(`sec.audit.op.${entry.operation}`),
            },
            {
              key: 'resource',
              title: t('sec.audit.resource'),
              render: (_, entry) => {
                const link = ref && linkOf(ref, entry);
                return link ? <Link to={link}>{entry.resource}</Link> : entry.resource;
              },
            },
            {
              key: 'type',
              title: t('sec.audit.type'),
              render: (_, entry) =>
                RESOURCE_TYPES.has(entry.resource_type)
                  ? t(`sec.audit.types.${entry.resource_type}`)
                  : entry.resource_type,
            },
          ]}
        />
      )}
    </>
  );
}
