import { useQuery } from '@tanstack/react-query';
import { Button, Flex } from 'antd';
import { TextInput } from '../../../shared/components/input/TextInput';
import { Typography } from '../../../shared/components/typography/Typography';
import { DataTable } from '../../../shared/components/table/DataTable';
import { useId, useMemo } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatTime } from '../../../shared/format';
import { useLocale, useT, type Translate } from '../../../shared/i18n';
import { useListState, type ListDefaults } from '../../../shared/list-state';
import type { RepositoryRef } from '../api';
import { describeRule } from '../describe';
import { groupRuns, runsBetween, type Run } from '../history';
import { retentionQueries } from '../queries';
import { fromRule, recordedRule } from '../rule-form';
import { EmptyText } from '../../../shared/components/EmptyText';

const HISTORY_LIST: ListDefaults = { pageSize: 10, filters: ['from', 'to'] };

function ruleText(json: string, t: Translate): string {
  const rule = recordedRule(json);
  return rule ? describeRule(fromRule(rule), t) : json;
}

/** What the rule deleted, run by run, newest first; the dates and the page live in the URL. */
export function RetentionHistory({ target }: { target: RepositoryRef }) {
  const t = useT();
  const [locale] = useLocale();
  const titleId = useId();
  const fromId = useId();
  const toId = useId();
  const [state, update] = useListState(HISTORY_LIST);
  const history = useQuery(retentionQueries.history(target));
  const runs = useMemo(() => groupRuns(history.data?.logs ?? []), [history.data]);
  const shown = runsBetween(runs, state.filters.from, state.filters.to);
  const filtered = Boolean(state.filters.from || state.filters.to);

  return (
    <section aria-labelledby={titleId}>
      <Flex vertical gap={8}>
        <Typography.Title level={4} id={titleId} style={{ margin: 0 }}>
          {t('retention.history.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('retention.history.intro')}
        </Typography.Paragraph>
        <Flex gap={8} wrap align="center">
          <label htmlFor={fromId}>{t('retention.history.from')}</label>
          <TextInput
            id={fromId}
            type="date"
            value={state.filters.from ?? ''}
            max={state.filters.to}
            onChange={(event) => update({ filters: { from: event.target.value } })}
            style={{ width: 170 }}
          />
          <label htmlFor={toId}>{t('retention.history.to')}</label>
          <TextInput
            id={toId}
            type="date"
            value={state.filters.to ?? ''}
            min={state.filters.from}
            onChange={(event) => update({ filters: { to: event.target.value } })}
            style={{ width: 170 }}
          />
          {filtered ? (
            <Button onClick={() => update({ filters: { from: '', to: '' } })}>
              {t('retention.history.clear')}
            </Button>
          ) : null}
        </Flex>
        {history.data && history.data.total > history.data.logs.length ? (
          <Typography.Text type="secondary">
            {t('retention.history.capped', {
              shown: history.data.logs.length,
              total: history.data.total,
            })}
          </Typography.Text>
        ) : null}
        {history.error ? (
          <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
        ) : (
          <DataTable<Run>
            size="small"
            rowKey={(run) => `${run.at}-${run.tags[0]}`}
            loading={history.isPending}
            dataSource={shown}
            empty={
              <EmptyText>
                {filtered ? t('retention.history.none') : t('retention.history.empty')}
              </EmptyText>
            }
            pagination={{
              current: state.page,
              pageSize: state.pageSize,
              hideOnSinglePage: true,
              onChange: (page, pageSize) =>
                update(pageSize !== state.pageSize ? { pageSize } : { page }),
            }}
            columns={[
              {
                key: 'time',
                title: t('retention.history.time'),
                render: (_, run) => formatTime(run.at, locale),
                width: 200,
              },
              {
                key: 'rule',
                title: t('retention.history.rule'),
                render: (_, run) => ruleText(run.rule, t),
              },
              {
                key: 'tags',
                title: t('retention.history.tags'),
                render: (_, run) => (
                  <Flex vertical gap={2}>
                    <span>{t('retention.history.count', { count: run.tags.length })}</span>
                    <Typography.Text type="secondary">{run.tags.join(', ')}</Typography.Text>
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Flex>
    </section>
  );
}
