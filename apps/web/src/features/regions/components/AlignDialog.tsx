import type { ComparedRepository } from '@swr-console/contracts/bff';
import { ApiError, type AlignAction, type SyncJob } from '@swr-console/swr-api';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { Alert, Modal } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { ProgressBar } from '../../../shared/components/ProgressBar';
import { Typography } from '../../../shared/components/typography/Typography';
import { useT } from '../../../shared/i18n';
import { alignItems, alignSyncs, syncProgress, type AlignItem, type AlignSync } from '../align';
import { compareOne, sendAlignSync, syncJobsOf, type CompareFilter } from '../api';
import { replaceCompared } from '../queries';

const ACTIONS: readonly AlignAction[] = ['copy-there', 'replace-there', 'kept-there', 'copy-here'];

/** A sync as sent: the highest job id before it (so older jobs never count) and what SWR refused. */
interface Sent {
  sync: AlignSync;
  after: number;
  refused: string[];
  error?: unknown;
}

/** Whether each repository and region is now the same, read again once every job ended. */
type Checked = Map<string, { same: boolean; left: number } | 'gone'>;

const itemKey = (repository: Pick<ComparedRepository, 'namespace' | 'name'>, region: string) =>
  `${repository.namespace}/${repository.name}\n${region}`;

/** The tags of a sent sync that have jobs to follow: those SWR did not refuse. */
const followed = (entry: Sent) => ({
  to: entry.sync.to,
  tags: entry.sync.tags.filter((tag) => !entry.refused.includes(tag)),
});

async function send(syncs: readonly AlignSync[]): Promise<Sent[]> {
  const sent: Sent[] = [];
  for (const sync of syncs) {
    try {
      const before = await syncJobsOf(sync).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return [];
        throw error;
      });
      const after = before.reduce((highest, job) => Math.max(highest, job.id), 0);
      sent.push({ sync, after, refused: await sendAlignSync(sync) });
    } catch (error) {
      sent.push({ sync, after: 0, refused: [], error });
    }
  }
  return sent;
}

/**
 * "Make it the same": for each chosen repository and region that differ, what manual sync will do
 * to each tag (shown before anything is sent), then the jobs followed to their end, then the
 * repositories compared again to show whether the regions now agree.
 */
export function AlignDialog({
  open,
  region,
  filter,
  repositories,
  onClose,
}: {
  open: boolean;
  region: string;
  filter: CompareFilter;
  repositories: readonly ComparedRepository[];
  onClose: () => void;
}) {
  const t = useT();
  const client = useQueryClient();
  const [override, setOverride] = useState(false);
  // What was chosen when the dialog opened: the list behind it may be read again meanwhile.
  const [chosen] = useState(repositories);
  const items = useMemo(() => alignItems(chosen, override), [chosen, override]);
  const syncs = useMemo(() => alignSyncs(region, items, override), [region, items, override]);
  const start = useMutation({ mutationFn: () => send(syncs) });
  const sent = start.data;

  const follow = useQueries({
    queries: (sent ?? []).map((entry, index) => ({
      queryKey: ['regions-align', index, entry.sync, entry.after],
      queryFn: ({ signal }: { signal: AbortSignal }) => syncJobsOf(entry.sync, signal),
      enabled: !entry.error,
      // Followed each second until every tag of the sync has a job that ended.
      refetchInterval: (query: { state: { data: SyncJob[] | undefined } }) =>
        syncProgress(followed(entry), query.state.data ?? [], entry.after).pending > 0
          ? 1000
          : false,
      staleTime: 0,
    })),
  });
  const progress = (sent ?? []).map((entry, index) => {
    const { tags } = followed(entry);
    const jobs = follow[index]?.data;
    const counted = syncProgress(followed(entry), jobs ?? [], entry.after);
    return {
      entry,
      tags: tags.length,
      ended: entry.error ? tags.length : tags.length - counted.pending,
      failed:
        (counted.ended.failed ?? 0) + (counted.ended.timeout ?? 0) + (counted.ended.cancel ?? 0),
    };
  });
  const allEnded = sent !== undefined && progress.every((p) => p.ended === p.tags);

  const [checked, setChecked] = useState<Checked | undefined>();
  const [checkError, setCheckError] = useState<unknown>();
  useEffect(() => {
    if (!allEnded || checked || checkError) return;
    let stopped = false;
    void (async () => {
      const result: Checked = new Map();
      try {
        for (const repository of chosen) {
          const fresh = await compareOne(region, filter, repository.namespace, repository.name);
          if (stopped) return;
          if (fresh) replaceCompared(client, region, filter, fresh);
          for (const side of repository.regions) {
            const now = fresh?.regions.find((s) => s.region === side.region);
            result.set(
              itemKey(repository, side.region),
              now ? { same: now.differences.length === 0, left: now.differences.length } : 'gone',
            );
          }
        }
        setChecked(result);
      } catch (error) {
        if (!stopped) setCheckError(error);
      }
    })();
    return () => {
      stopped = true;
    };
  }, [allEnded, checked, checkError, chosen, client, region, filter]);

  const tagCount = syncs.reduce((sum, sync) => sum + sync.tags.length, 0);
  const phase = !sent ? 'review' : checked || checkError ? 'checked' : 'running';

  return (
    <Modal
      open={open}
      width={760}
      title={t('regions.align.title')}
      okText={
        phase === 'review'
          ? t('regions.align.start', { count: tagCount })
          : t('regions.align.close')
      }
      okButtonProps={{ disabled: phase === 'review' ? syncs.length === 0 : phase === 'running' }}
      cancelButtonProps={{ style: phase === 'review' ? undefined : { display: 'none' } }}
      cancelText={t('common.cancel')}
      confirmLoading={start.isPending}
      onOk={() => (phase === 'review' ? start.mutate() : onClose())}
      onCancel={onClose}
      destroyOnHidden
    >
      {phase === 'review' ? (
        <>
          <Typography.Paragraph>{t('regions.align.intro', { region })}</Typography.Paragraph>
          <label className="regions-check">
            <input
              type="checkbox"
              checked={override}
              onChange={(event) => setOverride(event.target.checked)}
            />
            {t('regions.align.override')}
          </label>
          <Typography.Paragraph role="status" style={{ marginTop: 8 }}>
            {t('regions.align.summary', { syncs: syncs.length, tags: tagCount })}
          </Typography.Paragraph>
          {items.map((item) => (
            <Steps key={itemKey(item.repository, item.side.region)} item={item} here={region} />
          ))}
        </>
      ) : (
        <>
          <ul className="regions-align-list" aria-label={t('regions.align.jobs')}>
            {progress.map(({ entry, tags, ended, failed }) => {
              const name = `${entry.sync.from.namespace}/${entry.sync.repository}`;
              const label = t('regions.align.sync', {
                name,
                from: entry.sync.from.region,
                to: `${entry.sync.to.region} (${entry.sync.to.namespace})`,
              });
              return (
                <li key={`${entry.sync.from.region}\n${name}\n${entry.sync.to.region}`}>
                  <div>{label}</div>
                  {entry.error ? (
                    <ErrorAlert error={entry.error} />
                  ) : (
                    <>
                      <ProgressBar
                        percent={tags === 0 ? 100 : (ended / tags) * 100}
                        aria-label={label}
                        status={failed > 0 ? 'exception' : 'normal'}
                        size="small"
                      />
                      <Typography.Text type="secondary">
                        {t('regions.align.ended', { ended, tags })}
                        {failed > 0 ? ` · ${t('regions.align.failed', { count: failed })}` : ''}
                        {entry.refused.length > 0
                          ? ` · ${t('regions.align.refused', { tags: entry.refused.join(', ') })}`
                          : ''}
                      </Typography.Text>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
          {phase === 'running' ? (
            <Typography.Paragraph role="status">
              {allEnded ? t('regions.align.checking') : t('regions.align.following')}
            </Typography.Paragraph>
          ) : null}
          {checkError ? <ErrorAlert error={checkError} /> : null}
          {checked ? (
            <section aria-label={t('regions.align.result')}>
              <Typography.Title level={5}>{t('regions.align.result')}</Typography.Title>
              <ul className="regions-align-list" role="status">
                {items.map((item) => {
                  const key = itemKey(item.repository, item.side.region);
                  const result = checked.get(key);
                  const name = `${item.repository.namespace}/${item.repository.name}`;
                  return (
                    <li key={key}>
                      {result === 'gone' || result === undefined
                        ? t('regions.align.gone', { name })
                        : result.same
                          ? t('regions.align.nowSame', { name, region: item.side.region })
                          : t('regions.align.stillDiffers', {
                              name,
                              region: item.side.region,
                              count: result.left,
                            })}
                    </li>
                  );
                })}
              </ul>
            </section>
          ) : null}
        </>
      )}
      {phase === 'review' && syncs.length === 0 ? (
        <Alert type="info" showIcon title={t('regions.align.nothing')} />
      ) : null}
    </Modal>
  );
}

/** What making one repository the same in one region does, grouped by what happens to the tags. */
function Steps({ item, here }: { item: AlignItem; here: string }) {
  const t = useT();
  const name = `${item.repository.namespace}/${item.repository.name}`;
  return (
    <section
      className="regions-steps"
      aria-label={t('regions.align.item', { name, region: item.side.region })}
    >
      <Typography.Text strong>
        {t('regions.align.item', { name, region: item.side.region })}
      </Typography.Text>
      <dl>
        {ACTIONS.map((action) => {
          const tags = item.steps.filter((step) => step.action === action).map((s) => s.tag);
          if (tags.length === 0) return null;
          return (
            <div key={action} data-action={action}>
              <dt>
                {t(`regions.action.${action}`, {
                  there: `${item.side.region} (${item.side.namespace})`,
                  here,
                  count: tags.length,
                })}
              </dt>
              <dd>{tags.join(', ')}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
