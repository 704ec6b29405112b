import type { DomainOverview, RepositorySummary, SyncJob } from '@swr-console/swr-api';
import { groupRuns, type Run } from '../../shared/retention-runs';
import { swrClient } from '../../shared/swr';

export async function overview(region: string, signal?: AbortSignal): Promise<DomainOverview> {
  return (await swrClient(region).request('ShowDomainOverview', undefined, { signal })).data;
}

/** SWR has no account-wide job lists: the overview reads this many recently changed repositories. */
export const RECENT_REPOSITORIES = 20;
const JOBS_PER_REPOSITORY = 10;
const LOGS_PER_REPOSITORY = 100;
/** Requests in flight at once, so the overview does not flood the BFF. */
const PARALLEL = 4;

export interface Where {
  namespace: string;
  repository: string;
}

export interface Activity {
  jobs: (SyncJob & Where)[];
  runs: (Run & Where)[];
  /** Repositories whose activity could not be read (shown as a count, not an error page). */
  unread: number;
  repositories: number;
}

async function inTurns<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

/** The newest sync jobs and retention runs of the most recently changed repositories. */
export async function recentActivity(region: string, signal?: AbortSignal): Promise<Activity> {
  const client = swrClient(region);
  const repos: RepositorySummary[] = (
    await client.request(
      'ListReposDetails',
      {
        query: {
          order_column: 'updated_time',
          order_type: 'desc',
          limit: RECENT_REPOSITORIES,
          offset: 0,
        },
      },
      { signal },
    )
  ).data;
  let unread = 0;
  const per = await inTurns(repos, async (repo) => {
    const path = { namespace: repo.namespace, repository: repo.name };
    const where = { namespace: repo.namespace, repository: repo.name };
    try {
      const [jobs, history] = await Promise.all([
        client.request(
          'ShowSyncJob',
          { path, query: { filter: `limit::${JOBS_PER_REPOSITORY}|offset::0|order::desc` } },
          { signal },
        ),
        client.request(
          'ListRetentionHistories',
          { path, query: { limit: LOGS_PER_REPOSITORY, offset: 0 } },
          { signal },
        ),
      ]);
      return {
        jobs: jobs.data.map((job) => ({ ...job, ...where })),
        runs: groupRuns(history.data.retention_log).map((run) => ({ ...run, ...where })),
      };
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      unread++;
      return { jobs: [], runs: [] };
    }
  });
  const byTime =
    <T>(at: (item: T) => string) =>
    (a: T, b: T) =>
      Date.parse(at(b)) - Date.parse(at(a));
  return {
    jobs: per.flatMap((p) => p.jobs).sort(byTime((job) => job.updatedAt)),
    runs: per.flatMap((p) => p.runs).sort(byTime((run) => run.at)),
    unread,
    repositories: repos.length,
  };
}
