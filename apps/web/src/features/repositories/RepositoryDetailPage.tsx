import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Repository } from '@swr-console/swr-api';
import { Button, Descriptions, Flex, Space, Tag } from 'antd';
import { Tabs } from '../../shared/components/tabs/Tabs';
import { Typography } from '../../shared/components/typography/Typography';
import { lazy, type ReactNode, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { CopyButton } from '../../shared/components/CopyButton';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { PageHeader } from '../../shared/components/PageHeader';
import { formatBytes, formatTime } from '../../shared/format';
import { changePolling, useWatchingUntil } from '../../shared/freshness';
import { swrKeys } from '../../shared/keys';
import { useLocale, useT } from '../../shared/i18n';
import { repositoryFromUrl, repositoryToUrl, useRegion } from '../../shared/region';
import { DeleteRepositoryButton } from './components/DeleteRepositoryButton';
import { repositoryQueries } from './queries';
import { OnceOpened } from '../../shared/components/OnceOpened';

// Dialogs load when first opened.
const RepositoryFormModal = lazy(async () => ({
  default: (await import('./components/RepositoryFormModal')).RepositoryFormModal,
}));

export interface RepositoryTab {
  key: string;
  label: string;
  children: ReactNode;
}

/**
 * One repository: its facts and actions, and tabs the app composes from other features (tags,
 * permissions…); the open tab is part of the URL.
 */
export function RepositoryDetailPage({
  tabs,
}: {
  tabs: (repository: Repository & { namespace: string }) => RepositoryTab[];
}) {
  const t = useT();
  const [locale] = useLocale();
  const region = useRegion();
  const navigate = useNavigate();
  const params = useParams();
  const namespace = params.namespace!;
  const name = repositoryFromUrl(params.repository!);
  // Its tag count and size change with pushes from outside the console.
  const detail = useQuery({
    ...repositoryQueries.detail(region, namespace, name),
    refetchInterval: changePolling(useWatchingUntil()),
  });
  const [editing, setEditing] = useState(false);
  if (detail.error)
    return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const repo = detail.data;
  const base = `/${region}/repositories/${namespace}/${repositoryToUrl(name)}`;
  const items = repo ? tabs({ ...repo, namespace }) : [];
  const active = items.some((tab) => tab.key === params.tab) ? params.tab! : (items[0]?.key ?? '');
  return (
    <>
      <PageHeader
        title={`${namespace}/${name}`}
        refresh={[swrKeys.repository(region, namespace, name)]}
        extra={
          repo ? (
            <Space>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <DeleteRepositoryButton
                region={region}
                namespace={namespace}
                repository={name}
                tags={repo.num_images}
                withLabel
                onDeleted={() => void navigate(`/${region}/repositories`)}
              />
            </Space>
          ) : null
        }
      >
        {repo?.description ? (
          <Typography.Paragraph type="secondary">{repo.description}</Typography.Paragraph>
        ) : null}
      </PageHeader>
      {repo ? (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              {
                key: 'visibility',
                label: t('repos.visibility'),
                children: repo.is_public ? (
                  <Tag color="blue">{t('repos.public')}</Tag>
                ) : (
                  <Tag>{t('repos.private')}</Tag>
                ),
              },
              {
                key: 'category',
                label: t('repos.category'),
                children: t(`repos.category.${repo.category}`),
              },
              { key: 'tags', label: t('repos.tags'), children: repo.num_images },
              { key: 'size', label: t('repos.size'), children: formatBytes(repo.size) },
              {
                key: 'updated',
                label: t('repos.updated'),
                children: formatTime(repo.updated, locale),
              },
              {
                key: 'path',
                label: t('repos.path'),
                children: (
                  <Space size={4}>
                    <Typography.Text code>{repo.path}</Typography.Text>
                    <CopyButton value={repo.path} what={t('repos.path')} />
                  </Space>
                ),
              },
            ]}
          />
          <Tabs
            activeKey={active}
            onChange={(key) => void navigate(`${base}/${key}`)}
            items={items}
          />
          <OnceOpened open={editing}>
            <RepositoryFormModal
              region={region}
              open={editing}
              onClose={() => setEditing(false)}
              editing={{
                namespace,
                name,
                category: repo.category,
                description: repo.description,
                is_public: repo.is_public,
              }}
            />
          </OnceOpened>
        </Flex>
      ) : null}
    </>
  );
}
