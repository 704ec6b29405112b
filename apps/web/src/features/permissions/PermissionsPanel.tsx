import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Flex } from 'antd';
import { Typography } from '../../shared/components/typography/Typography';
import { lazy, Suspense, useId, useState } from 'react';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { useT } from '../../shared/i18n';
import { LEVELS, LevelTag } from './components/LevelTag';
import { PermissionTable } from './components/PermissionTable';
import { permissionQueries } from './queries';

// Dialogs load when first opened.
const GrantModal = lazy(async () => ({
  default: (await import('./components/GrantModal')).GrantModal,
}));

/**
 * Who may pull, push and manage an organization, or one repository (`repository`). Managers
 * (`canManage`) grant, change and revoke; everyone else reads.
 */
export function PermissionsPanel({
  region,
  namespace,
  repository,
  canManage,
}: {
  region: string;
  namespace: string;
  repository?: string;
  canManage: boolean;
}) {
  const t = useT();
  const target = { region, namespace, repository };
  const holders = useQuery(permissionQueries.holders(target));
  const [granting, setGranting] = useState(false);
  const titleId = useId();
  const data = holders.data;
  const held = new Set(data?.others_auths.map((user) => user.user_id));
  return (
    <section aria-labelledby={titleId}>
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={3} id={titleId} style={{ margin: 0, fontSize: 18 }}>
            {t('permissions.title')}
          </Typography.Title>
          {canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={!data}
              onClick={() => setGranting(true)}
            >
              {t('permissions.grant')}
            </Button>
          ) : null}
        </Flex>
        <Typography.Paragraph style={{ margin: 0 }}>
          {repository
            ? t('permissions.intro.repository', { name: `${namespace}/${repository}` })
            : t('permissions.intro.namespace', { name: namespace })}
        </Typography.Paragraph>
        {repository ? (
          <Alert type="info" showIcon title={t('permissions.repository.note', { namespace })} />
        ) : null}
        {canManage ? null : (
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('permissions.readOnly')}
          </Typography.Paragraph>
        )}
        <Descriptions
          size="small"
          column={1}
          title={<span style={{ fontSize: 14 }}>{t('permissions.levels')}</span>}
          items={LEVELS.map((auth) => ({
            key: String(auth),
            label: <LevelTag auth={auth} />,
            children: t(`permissions.levelHelp.${auth}`),
          }))}
        />
        {holders.error ? (
          <ErrorAlert error={holders.error} onRetry={() => void holders.refetch()} />
        ) : (
          <PermissionTable
            target={target}
            holders={data}
            canManage={canManage}
            loading={holders.isPending}
          />
        )}
      </Flex>
      {canManage && data ? (
        <Suspense fallback={null}>
          <GrantModal
            target={target}
            open={granting}
            onClose={() => setGranting(false)}
            selfId={data.self_auth.user_id}
            held={held}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
