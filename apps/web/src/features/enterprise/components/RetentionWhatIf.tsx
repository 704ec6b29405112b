import type {
  EnterpriseRetentionEntry,
  EnterpriseRetentionResult,
  ImmutabilityMatcher,
} from '@swr-console/swr-api';
import { Alert, Tag } from 'antd';
import { useId, useMemo, useState } from 'react';
import { EmptyText } from '../../../shared/components/EmptyText';
import { Segmented } from '../../../shared/components/segmented/Segmented';
import { Typography } from '../../../shared/components/typography/Typography';
import { DataTable } from '../../../shared/components/table/DataTable';
import { formatTime } from '../../../shared/format';
import { useLocale, useT } from '../../../shared/i18n';
import { counted, reasonText } from '../retention-reasons';

/** One repository's share of the what-if: its entries (a slice of the result's), or untouched. */
export interface RepositoryOutcome {
  repository: string;
  entries: EnterpriseRetentionEntry[];
  kept: number;
  deleted: number;
  immutable: number;
}

/** The result by repository, scoped ones first in the evaluator's order, then the untouched. */
export function byRepository(result: EnterpriseRetentionResult): RepositoryOutcome[] {
  const outcomes: RepositoryOutcome[] = [];
  let current: RepositoryOutcome | undefined;
  for (const entry of result.entries) {
    if (current?.repository !== entry.repository) {
      current = { repository: entry.repository, entries: [], kept: 0, deleted: 0, immutable: 0 };
      outcomes.push(current);
    }
    current.entries.push(entry);
    if (entry.action === 'delete') current.deleted++;
    else current.kept++;
    if (entry.reasons[0]?.kind === 'immutable') current.immutable++;
  }
  for (const repository of result.untouched)
    outcomes.push({ repository, entries: [], kept: 0, deleted: 0, immutable: 0 });
  return outcomes;
}

export interface WhatIfTotals {
  deleted: number;
  kept: number;
  immutable: number;
  total: number;
  /** Repositories where something is deleted. */
  repositories: number;
  untouched: number;
}

export function totalsOf(outcomes: readonly RepositoryOutcome[], untouched: number): WhatIfTotals {
  const sum = (pick: (o: RepositoryOutcome) => number) =>
    outcomes.reduce((total, outcome) => total + pick(outcome), 0);
  return {
    deleted: sum((o) => o.deleted),
    kept: sum((o) => o.kept),
    immutable: sum((o) => o.immutable),
    total: sum((o) => o.entries.length),
    repositories: outcomes.filter((o) => o.deleted > 0).length,
    untouched,
  };
}

type Show = 'delete' | 'keep' | 'all';

/** A count of a scoped repository; an untouched one has none. */
const count = (outcome: RepositoryOutcome, value: number) =>
  outcome.entries.length > 0 ? value : '—';

/** A repository's tags with what happens to each and why, deletions first, 20 a page. */
function RepositoryTags({
  outcome,
  matcher,
}: {
  outcome: RepositoryOutcome;
  matcher: ImmutabilityMatcher | undefined;
}) {
  const t = useT();
  const [locale] = useLocale();
  const labelId = useId();
  const [show, setShow] = useState<Show>(outcome.deleted > 0 ? 'delete' : 'all');
  const rows = useMemo(
    () =>
      show === 'all' ? outcome.entries : outcome.entries.filter((entry) => entry.action === show),
    [outcome, show],
  );
  return (
    <div className="retention-whatif-tags">
      <div className="retention-rule-row">
        <span id={labelId}>{t('retn.whatif.show')}</span>
        <Segmented<Show>
          aria-labelledby={labelId}
          value={show}
          onChange={setShow}
          options={[
            { value: 'delete', label: t('retn.whatif.show.delete', { count: outcome.deleted }) },
            { value: 'keep', label: t('retn.whatif.show.keep', { count: outcome.kept }) },
            { value: 'all', label: t('retn.whatif.show.all', { count: outcome.entries.length }) },
          ]}
        />
      </div>
      <DataTable<EnterpriseRetentionEntry>
        size="small"
        rowKey="tag"
        aria-label={t('retn.whatif.tagsOf', { repository: outcome.repository })}
        dataSource={rows}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showSizeChanger: true }}
        columns={[
          { key: 'tag', title: t('retn.whatif.tag'), dataIndex: 'tag' },
          {
            key: 'pushed',
            title: t('retn.whatif.pushed'),
            render: (_, entry) => formatTime(entry.pushed, locale),
          },
          {
            key: 'pulled',
            title: t('retn.whatif.pulled'),
            render: (_, entry) =>
              entry.pulled ? formatTime(entry.pulled, locale) : t('retn.whatif.never'),
          },
          {
            key: 'decision',
            title: t('retn.whatif.decision'),
            render: (_, entry) =>
              entry.action === 'delete' ? (
                <Tag color="error">{t('retn.whatif.delete')}</Tag>
              ) : (
                <Tag>{t('retn.whatif.keep')}</Tag>
              ),
          },
          {
            key: 'why',
            title: t('retn.whatif.why'),
            render: (_, entry) => (
              <ul className="retention-reasons">
                {entry.reasons.map((reason, i) => (
                  <li key={i}>
                    {reasonText(reason, {
                      t,
                      locale,
                      matcher,
                      repository: entry.repository,
                      tag: entry.tag,
                    })}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </div>
  );
}

/**
 * What the rules as typed would do to the namespace now: the totals, and per repository the
 * tags kept and deleted, each with its reasons; repositories no rule scopes are listed as such.
 */
export function RetentionWhatIf({
  result,
  matcher,
}: {
  result: EnterpriseRetentionResult;
  matcher: ImmutabilityMatcher | undefined;
}) {
  const t = useT();
  const [locale] = useLocale();
  const outcomes = useMemo(() => byRepository(result), [result]);
  const totals = useMemo(
    () => totalsOf(outcomes, result.untouched.length),
    [outcomes, result.untouched.length],
  );
  if (outcomes.length === 0) return <EmptyText>{t('retn.whatif.empty')}</EmptyText>;
  return (
    <>
      <Alert
        type={totals.deleted > 0 ? 'warning' : 'success'}
        showIcon
        role="status"
        title={
          totals.deleted > 0
            ? t('retn.whatif.summary', {
                ...totals,
                total: counted(totals.total, 'tag', locale, t),
                repositories: counted(totals.repositories, 'repository', locale, t),
              })
            : t('retn.whatif.nothing', { total: counted(totals.total, 'tag', locale, t) })
        }
        description={
          totals.untouched > 0
            ? t('retn.whatif.untouchedCount', { count: totals.untouched })
            : undefined
        }
      />
      <DataTable<RepositoryOutcome>
        rowKey="repository"
        aria-label={t('retn.whatif.table')}
        dataSource={outcomes}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        expandable={{
          expandable: (outcome) => outcome.entries.length > 0,
          render: (outcome) => <RepositoryTags outcome={outcome} matcher={matcher} />,
        }}
        columns={[
          {
            key: 'repository',
            title: t('retn.whatif.repository'),
            render: (_, o) =>
              o.entries.length > 0 ? (
                o.repository
              ) : (
                <>
                  {o.repository}
                  <br />
                  <Typography.Text type="secondary">{t('retn.whatif.untouched')}</Typography.Text>
                </>
              ),
          },
          {
            key: 'total',
            title: t('retn.whatif.total'),
            render: (_, o) => count(o, o.entries.length),
          },
          { key: 'kept', title: t('retn.whatif.keep'), render: (_, o) => count(o, o.kept) },
          { key: 'deleted', title: t('retn.whatif.delete'), render: (_, o) => count(o, o.deleted) },
        ]}
      />
    </>
  );
}
