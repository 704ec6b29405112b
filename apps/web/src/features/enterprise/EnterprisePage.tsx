import { FilterOutlined, LoginOutlined, PlusOutlined, TagsOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { TagsFilterBody } from '@swr-console/swr-api';
import { Alert, Button, Flex, Space, Tag } from 'antd';
import { Tooltip } from '../../shared/components/tooltip/Tooltip';
import { Select } from '../../shared/components/select/Select';
import { ValuesPicker } from './components/ValuesPicker';
import { Typography } from '../../shared/components/typography/Typography';
import { DataTable } from '../../shared/components/table/DataTable';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EmptyText } from '../../shared/components/EmptyText';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { PageHeader } from '../../shared/components/PageHeader';
import { useT } from '../../shared/i18n';
import { useSession } from '../../shared/session';
import { DeleteNamespaceButton } from './components/DeleteNamespaceButton';
import { PendingMark } from '../../shared/components/HeldMark';
import { TagList } from './components/TagList';
import { useInstance } from './instance';
import { enterpriseKeys, enterpriseQueries } from './queries';
import { fieldsOf, numberOf } from '../../shared/json';
import { OnceOpened } from '../../shared/components/OnceOpened';

// Dialogs load when first opened.
const InstanceLoginModal = lazy(async () => ({
  default: (await import('./components/InstanceLoginModal')).InstanceLoginModal,
}));
const CreateNamespaceModal = lazy(async () => ({
  default: (await import('./components/CreateNamespaceModal')).CreateNamespaceModal,
}));
const NamespaceTagsModal = lazy(async () => ({
  default: (await import('./components/NamespaceTagsModal')).NamespaceTagsModal,
}));

type Filter = NonNullable<TagsFilterBody['tags']>;

/** Tag filters live in the URL (`?tags=[{"key":…,"values":[…]}]`), so a filtered list is a link. */
function readFilter(params: URLSearchParams): Filter {
  try {
    const parsed = JSON.parse(params.get('tags') ?? '[]') as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (f): f is Filter[number] =>
        typeof (f as { key?: unknown }).key === 'string' &&
        Array.isArray((f as { values?: unknown }).values),
    );
  } catch {
    return [];
  }
}

/** A namespace's resource detail, as SWR sends it (untyped in its API): public or not. */
function isPublic(detail: unknown): boolean {
  return fieldsOf(fieldsOf(detail)?.metadata)?.public === 'true';
}

/** A namespace's resource detail: how many repositories it holds. */
function repoCount(detail: unknown): number {
  return numberOf(fieldsOf(detail)?.repo_count) ?? 0;
}

export function EnterprisePage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { region, projectId, instances, ref, current } = useInstance();
  const instance = ref?.instance;
  const filter = readFilter(params);
  const namespaces = useQuery({
    ...enterpriseQueries.namespaces(ref ?? { region, projectId, instance: '' }, filter),
    enabled: ref !== undefined,
  });
  const tagKeys = useQuery({
    ...enterpriseQueries.tagKeys(ref ?? { region, projectId, instance: '' }),
    enabled: ref !== undefined,
  });
  const [creating, setCreating] = useState(false);
  const [loggingIn, setLoggingIn] = useState(false);
  const [editingTags, setEditingTags] = useState<string>();
  const [filterKey, setFilterKey] = useState<string>();
  const [filterValues, setFilterValues] = useState<string[]>([]);
  const admin = session?.user.admin ?? false;

  const setFilter = (next: Filter) => {
    const search = new URLSearchParams(params);
    if (next.length === 0) search.delete('tags');
    else search.set('tags', JSON.stringify(next));
    setParams(search);
  };
  const keyOptions = (tagKeys.data ?? []).map((k) => ({ value: k.key, label: k.key }));
  const valueOptions = (tagKeys.data?.find((k) => k.key === filterKey)?.values ?? []).map((v) => ({
    value: v,
    label: v === '' ? t('ent.tags.emptyValue') : v,
  }));

  return (
    <>
      <PageHeader
        title={t('ent.title')}
        refresh={[enterpriseKeys.instances(region)]}
        extra={
          instances.data && instances.data.length > 0 ? (
            <Select
              aria-label={t('ent.instance')}
              value={instance}
              style={{ minWidth: 260 }}
              options={instances.data.map((i) => ({
                value: i.id,
                label: `${i.name} (${i.access_address})`,
              }))}
              onChange={(id: string) => void navigate(`/${region}/enterprise/${id}`)}
            />
          ) : null
        }
      >
        <Typography.Paragraph type="secondary">{t('ent.intro')}</Typography.Paragraph>
      </PageHeader>
      {!admin ? <Alert type="info" showIcon title={t('ent.adminsOnly')} /> : null}
      {instances.error ? (
        <ErrorAlert error={instances.error} onRetry={() => void instances.refetch()} />
      ) : null}
      {instances.data && instances.data.length === 0 ? (
        <Alert type="info" showIcon title={t('ent.noInstance', { region })} />
      ) : null}
      {ref && current ? (
        <>
          <Typography.Paragraph>
            {t('ent.registry')}{' '}
            <Typography.Text code copyable>
              {current.access_address}
            </Typography.Text>{' '}
            <Button
              size="small"
              icon={<LoginOutlined aria-hidden />}
              onClick={() => setLoggingIn(true)}
            >
              {t('ent.login.open')}
            </Button>{' '}
            <Link
              to={`/${region}/enterprise/${ref.instance}/audit`}
              style={{ textDecoration: 'underline' }}
            >
              {t('sec.audit.open')}
            </Link>{' '}
            <Link
              to={`/${region}/enterprise/${ref.instance}/credentials`}
              style={{ textDecoration: 'underline' }}
            >
              {t('cred.open')}
            </Link>{' '}
            <Link
              to={`/${region}/enterprise/${ref.instance}/replication`}
              style={{ textDecoration: 'underline' }}
            >
              {t('repl.open')}
            </Link>
          </Typography.Paragraph>
          {loggingIn ? (
            <Suspense fallback={null}>
              <InstanceLoginModal target={ref} onClose={() => setLoggingIn(false)} />
            </Suspense>
          ) : null}
          <Flex justify="space-between" align="end" wrap gap={8} style={{ marginBottom: 12 }}>
            <Space wrap align="end">
              <Typography.Text>{t('ent.filter.by')}</Typography.Text>
              <Select
                aria-label={t('ent.filter.key')}
                style={{ minWidth: 160 }}
                value={filterKey}
                options={keyOptions}
                allowClear
                onChange={(key?: string) => {
                  setFilterKey(key);
                  setFilterValues([]);
                }}
              />
              <ValuesPicker
                options={valueOptions}
                chosen={filterValues}
                disabled={!filterKey}
                onChange={setFilterValues}
              />
              <Button
                icon={<FilterOutlined />}
                disabled={!filterKey}
                onClick={() => {
                  if (!filterKey) return;
                  setFilter([
                    ...filter.filter((f) => f.key !== filterKey),
                    { key: filterKey, values: filterValues },
                  ]);
                  setFilterKey(undefined);
                  setFilterValues([]);
                }}
              >
                {t('ent.filter.add')}
              </Button>
            </Space>
            <Tooltip title={admin ? undefined : t('ent.adminOnly')}>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                disabled={!admin}
                onClick={() => setCreating(true)}
              >
                {t('ent.ns.create')}
              </Button>
            </Tooltip>
          </Flex>
          {filter.length > 0 ? (
            <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
              <Typography.Text>{t('ent.filter.active')}</Typography.Text>
              {filter.map((f) => (
                <Tag
                  key={f.key}
                  closable
                  closeIcon={<span aria-label={t('ent.filter.remove', { key: f.key })}>×</span>}
                  onClose={() => setFilter(filter.filter((g) => g.key !== f.key))}
                >
                  {f.values.length === 0
                    ? t('ent.filter.any', { key: f.key })
                    : `${f.key} = ${f.values.join(' | ')}`}
                </Tag>
              ))}
              <Button size="small" type="link" onClick={() => setFilter([])}>
                {t('ent.filter.clear')}
              </Button>
            </Flex>
          ) : null}
          {namespaces.error ? (
            <ErrorAlert error={namespaces.error} onRetry={() => void namespaces.refetch()} />
          ) : (
            <DataTable
              rowKey="resource_id"
              loading={namespaces.isPending}
              dataSource={namespaces.data ?? []}
              empty={
                <EmptyText>{filter.length > 0 ? t('ent.ns.noMatch') : t('ent.ns.empty')}</EmptyText>
              }
              pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
              columns={[
                {
                  key: 'name',
                  title: t('ent.ns.name'),
                  render: (_, ns) => (
                    <Link
                      to={`/${region}/enterprise/${ref.instance}/namespaces/${ns.resource_name}`}
                    >
                      {ns.resource_name}
                    </Link>
                  ),
                },
                {
                  key: 'public',
                  title: t('ent.ns.visibility'),
                  render: (_, ns) => {
                    return isPublic(ns.resource_detail) ? t('ent.ns.public') : t('ent.ns.private');
                  },
                },
                {
                  key: 'repos',
                  title: t('ent.ns.repos'),
                  render: (_, ns) => repoCount(ns.resource_detail),
                },
                {
                  key: 'tags',
                  title: t('ent.ns.tags'),
                  render: (_, ns) => <TagList tags={ns.tags} />,
                },
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_, ns) =>
                    admin ? (
                      <PendingMark
                        region={ref.region}
                        operation="DeleteInstanceNamespace"
                        params={{ instance_id: ref.instance, namespace_name: ns.resource_name }}
                      >
                        <Space>
                          <Button
                            size="small"
                            icon={<TagsOutlined aria-hidden />}
                            aria-label={t('ent.tags.editOf', { name: ns.resource_name })}
                            onClick={() => setEditingTags(ns.resource_name)}
                          >
                            {t('ent.tags.edit')}
                          </Button>
                          <DeleteNamespaceButton
                            target={ref}
                            name={ns.resource_name}
                            repositories={repoCount(ns.resource_detail)}
                            tags={ns.tags.length}
                          />
                        </Space>
                      </PendingMark>
                    ) : null,
                },
              ]}
            />
          )}
          <OnceOpened open={creating}>
            <CreateNamespaceModal target={ref} open={creating} onClose={() => setCreating(false)} />
          </OnceOpened>
          {editingTags ? (
            <Suspense fallback={null}>
              <NamespaceTagsModal
                target={ref}
                namespace={editingTags}
                onClose={() => setEditingTags(undefined)}
              />
            </Suspense>
          ) : null}
        </>
      ) : null}
    </>
  );
}
