import { useT } from '../shared/i18n';
import { useRegion } from '../shared/region';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { repositoryAccessQuery } from '../shared/queries/access';
import { NamespaceDetailPage } from '../features/namespaces/detail-routes';
import { PermissionsPanel } from '../features/permissions/routes';
import { RepositoryDetailPage } from '../features/repositories/routes';
import { TagsPanel } from '../features/tags/routes';
import { PageLoading } from '../shared/components/Loading';

// Pages built from more than one feature; features never import each other, the app joins them.

// Tabs other than tags load when first opened: most visits to a repository are for its tags.
const RetentionPanel = lazy(async () => ({
  default: (await import('../features/retention/routes')).RetentionPanel,
}));
const SyncPanel = lazy(async () => ({
  default: (await import('../features/sync/routes')).SyncPanel,
}));
const SharingPanel = lazy(async () => ({
  default: (await import('../features/sharing/detail-routes')).SharingPanel,
}));
const ComparePanel = lazy(async () => ({
  default: (await import('../features/image-compare/routes')).ComparePanel,
}));
const TriggersPanel = lazy(async () => ({
  default: (await import('../features/triggers/routes')).TriggersPanel,
}));

export function NamespaceDetail() {
  const region = useRegion();
  return (
    <NamespaceDetailPage
      permissions={(namespace, canManage) => (
        <PermissionsPanel region={region} namespace={namespace} canManage={canManage} />
      )}
    />
  );
}

function RepositoryTabs({
  namespace,
  repository,
  children,
}: {
  namespace: string;
  repository: string;
  children: (level: number) => ReactNode;
}) {
  const region = useRegion();
  const access = useQuery(repositoryAccessQuery(region, namespace, repository));
  return (
    <Suspense fallback={<PageLoading />}>{children(access.data?.self_auth.auth ?? 1)}</Suspense>
  );
}

export function RepositoryDetail() {
  const t = useT();
  const region = useRegion();
  return (
    <RepositoryDetailPage
      tabs={(repository) => [
        {
          key: 'tags',
          label: t('repo.tab.tags'),
          children: (
            <RepositoryTabs namespace={repository.namespace} repository={repository.name}>
              {(level) => (
                <TagsPanel
                  region={region}
                  namespace={repository.namespace}
                  repository={repository.name}
                  canEdit={level >= 3}
                  canManage={level >= 7}
                />
              )}
            </RepositoryTabs>
          ),
        },
        {
          key: 'retention',
          label: t('repo.tab.retention'),
          children: (
            <RepositoryTabs namespace={repository.namespace} repository={repository.name}>
              {(level) => (
                <RetentionPanel
                  region={region}
                  namespace={repository.namespace}
                  repository={repository.name}
                  canManage={level >= 7}
                />
              )}
            </RepositoryTabs>
          ),
        },
        {
          key: 'sync',
          label: t('repo.tab.sync'),
          children: (
            <Suspense fallback={<PageLoading />}>
              <SyncPanel
                region={region}
                namespace={repository.namespace}
                repository={repository.name}
              />
            </Suspense>
          ),
        },
        {
          key: 'sharing',
          label: t('repo.tab.sharing'),
          children: (
            <RepositoryTabs namespace={repository.namespace} repository={repository.name}>
              {(level) => (
                <SharingPanel
                  region={region}
                  namespace={repository.namespace}
                  repository={repository.name}
                  isPublic={repository.is_public}
                  canManage={level >= 7}
                />
              )}
            </RepositoryTabs>
          ),
        },
        {
          key: 'triggers',
          label: t('repo.tab.triggers'),
          children: (
            <RepositoryTabs namespace={repository.namespace} repository={repository.name}>
              {(level) => (
                <TriggersPanel
                  region={region}
                  namespace={repository.namespace}
                  repository={repository.name}
                  canManage={level >= 7}
                />
              )}
            </RepositoryTabs>
          ),
        },
        {
          key: 'compare',
          label: t('repo.tab.compare'),
          children: (
            <Suspense fallback={<PageLoading />}>
              <ComparePanel
                region={region}
                namespace={repository.namespace}
                repository={repository.name}
              />
            </Suspense>
          ),
        },
        {
          key: 'permissions',
          label: t('repo.tab.permissions'),
          children: (
            <RepositoryTabs namespace={repository.namespace} repository={repository.name}>
              {(level) => (
                <PermissionsPanel
                  region={region}
                  namespace={repository.namespace}
                  repository={repository.name}
                  canManage={level >= 7}
                />
              )}
            </RepositoryTabs>
          ),
        },
      ]}
    />
  );
}
