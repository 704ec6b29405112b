import { useQuery } from '@tanstack/react-query';
import { Descriptions, Flex, Space } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { PageHeader } from '../../shared/components/PageHeader';
import { swrKeys } from '../../shared/keys';
import { useT } from '../../shared/i18n';
import { useRegion } from '../../shared/region';
import { DeleteNamespaceButton } from './components/DeleteNamespaceButton';
import { AuthTag } from './components/AuthTag';
import { namespaceQueries } from './queries';

/** One organization; the permissions panel comes from the permissions feature, composed by the app. */
export function NamespaceDetailPage({
  permissions,
}: {
  permissions: (namespace: string, canManage: boolean) => ReactNode;
}) {
  const t = useT();
  const region = useRegion();
  const navigate = useNavigate();
  const name = useParams().namespace!;
  const detail = useQuery(namespaceQueries.detail(region, name));
  if (detail.error)
    return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const ns = detail.data;
  return (
    <>
      <PageHeader
        title={t('namespace.title', { name })}
        refresh={[swrKeys.namespace(region, name)]}
        extra={
          ns && ns.auth === 7 ? (
            <DeleteNamespaceButton
              region={region}
              name={name}
              repositories={ns.repo_count ?? 0}
              onDeleted={() => void navigate(`/${region}/namespaces`)}
            />
          ) : null
        }
      />
      {ns ? (
        <Flex vertical gap={24}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'auth', label: t('namespaces.auth'), children: <AuthTag auth={ns.auth} /> },
              { key: 'creator', label: t('namespaces.creator'), children: ns.creator_name },
              {
                key: 'repos',
                label: t('namespaces.repos'),
                children: (
                  <Space>
                    {ns.repo_count ?? 0}
                    <Link to={`/${region}/repositories?namespace=${name}`}>
                      {t('namespace.repositories')}
                    </Link>
                  </Space>
                ),
              },
            ]}
          />
          {permissions(name, ns.auth === 7)}
        </Flex>
      ) : null}
    </>
  );
}
