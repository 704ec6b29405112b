import type { RepositoryPlan } from '@swr-console/contracts/bff';
import { DataTable } from '../../../shared/components/table/DataTable';
import { shortDigest } from '../../../shared/format';
import { useT } from '../../../shared/i18n';

type Deleted = RepositoryPlan['deleted'][number];

/** The rule a repository was planned with, in words. */
export function RuleText({ plan }: { plan: RepositoryPlan }) {
  const t = useT();
  if (plan.state === 'none') return <span className="plans-muted">{t('plans.state.none')}</span>;
  if (plan.state === 'too-many-tags') return <span>{t('plans.state.tooMany')}</span>;
  if (plan.state === 'failed')
    return (
      <span className="plans-failed">
        {t('plans.state.failed', { problem: plan.problem ?? '' })}
      </span>
    );
  const rule = plan.rule!;
  const what =
    rule.template === 'tag_rule'
      ? t('plans.rule.keepNewest', { count: String(rule.params.num) })
      : t('plans.rule.keepDays', { count: String(rule.params.days) });
  return <span>{t(`plans.state.${plan.state}`, { rule: what })}</span>;
}

/** Why a tag goes, in words. */
function useReason() {
  const t = useT();
  return (reason: Deleted['reason']) =>
    reason.kind === 'expired'
      ? t('plans.reason.expired', { age: reason.ageDays, days: reason.days })
      : reason.kind === 'beyond-newest'
        ? t('plans.reason.beyondNewest', { rank: reason.rank, num: reason.num })
        : reason.kind;
}

/** The tags a repository's plan deletes, with why. */
export function DeletedTags({ plan }: { plan: RepositoryPlan }) {
  const t = useT();
  const reason = useReason();
  return (
    <DataTable<Deleted>
      aria-label={t('plans.deletedOf', { name: `${plan.namespace}/${plan.name}` })}
      size="small"
      rowKey="tag"
      dataSource={plan.deleted}
      pagination={plan.deleted.length > 50 ? { defaultPageSize: 50 } : false}
      columns={[
        { key: 'tag', title: t('plans.tag'), dataIndex: 'tag' },
        {
          key: 'digest',
          title: t('plans.digest'),
          render: (_, d) => <code title={d.digest}>{shortDigest(d.digest)}</code>,
        },
        { key: 'reason', title: t('plans.reason'), render: (_, d) => reason(d.reason) },
      ]}
    />
  );
}
