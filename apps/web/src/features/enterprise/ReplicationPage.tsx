import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../shared/components/PageHeader';
import { Tabs } from '../../shared/components/tabs/Tabs';
import { Typography } from '../../shared/components/typography/Typography';
import { useT } from '../../shared/i18n';
import { ReplicationPolicies } from './components/ReplicationPolicies';
import { ReplicationRegistries } from './components/ReplicationRegistries';
import { ReplicationRuns } from './components/ReplicationRuns';
import { useInstance } from './instance';
import { replicationKeys } from './replication-queries';

const TABS = ['registries', 'policies', 'runs'] as const;
type Tab = (typeof TABS)[number];

const positive = (value: string | null) => {
  const number = Math.floor(Number(value));
  return Number.isFinite(number) && number > 0 ? number : undefined;
};

/**
 * Replication of an instance (`…/replication?tab=registries|policies|runs`): the registries it
 * replicates to or from, its policies with a preview of what a run would copy, and their runs
 * followed live (`&policy=` and `&page=` filter and page them). Everyone of the account reads;
 * the account and its administrators change.
 */
export function ReplicationPage() {
  const t = useT();
  const { region, projectId, ref, admin } = useInstance();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((key) => key === params.get('tab')) ?? 'registries';
  const policyId = positive(params.get('policy'));
  const page = positive(params.get('page')) ?? 1;
  const target = ref ?? { region, projectId, instance: '' };
  const base = `/${region}/enterprise/${target.instance}`;
  const runsOf = (policy: number) => `${base}/replication?tab=runs&policy=${policy}`;

  const filterRuns = (changes: { policy?: number | undefined; page?: number }) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if ('policy' in changes) {
          if (changes.policy === undefined) next.delete('policy');
          else next.set('policy', String(changes.policy));
          next.delete('page');
        }
        if (changes.page !== undefined) {
          if (changes.page > 1) next.set('page', String(changes.page));
          else next.delete('page');
        }
        return next;
      },
      // Now, not in a transition: the control shows the choice as it is made.
      { replace: true, flushSync: true },
    );

  return (
    <>
      <PageHeader
        title={t('repl.title')}
        refresh={[replicationKeys.registries(target), replicationKeys.all(target)]}
        extra={
          ref ? (
            <Link to={base}>
              <ArrowLeftOutlined aria-hidden /> {t('repl.back')}
            </Link>
          ) : null
        }
      >
        <Typography.Paragraph type="secondary">{t('repl.intro')}</Typography.Paragraph>
      </PageHeader>
      {!admin ? <Alert type="info" showIcon title={t('repl.readOnly')} /> : null}
      {ref ? (
        <Tabs
          aria-label={t('repl.title')}
          activeKey={tab}
          onChange={(key) => setParams(key === 'registries' ? {} : { tab: key })}
          items={[
            {
              key: 'registries',
              label: t('repl.tab.registries'),
              children: <ReplicationRegistries target={ref} admin={admin} />,
            },
            {
              key: 'policies',
              label: t('repl.tab.policies'),
              children: <ReplicationPolicies target={ref} admin={admin} runsOf={runsOf} />,
            },
            {
              key: 'runs',
              label: t('repl.tab.runs'),
              children: (
                <ReplicationRuns
                  target={ref}
                  admin={admin}
                  policyId={policyId}
                  page={page}
                  onFilter={filterRuns}
                />
              ),
            },
          ]}
        />
      ) : null}
    </>
  );
}
