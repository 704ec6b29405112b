import {
  swrCall,
  type Retention,
  type RetentionLog,
  type RetentionRule,
  type SwrCall,
} from '@swr-console/swr-api';
import { send, swrClient } from '../../shared/swr';
import type { RepositoryRef } from '../../shared/keys';
import { sendDeletion, type Deletion } from '../../shared/deletions';

export type { RepositoryRef };

/** The repository's retention rule; SWR allows one, and answers a list of at most one. */
export async function getRetention(
  { region, namespace, repository }: RepositoryRef,
  signal?: AbortSignal,
): Promise<Retention | null> {
  const response = await swrClient(region).request(
    'ListRetentions',
    { path: { namespace, repository } },
    { signal },
  );
  return response.data[0] ?? null;
}

/** Creates the rule, or changes the existing one. */
export function saveRetentionCall(
  { namespace, repository }: RepositoryRef,
  existing: number | undefined,
  rule: RetentionRule,
): SwrCall {
  const body = { algorithm: 'or' as const, rules: [rule] };
  return existing === undefined
    ? swrCall('CreateRetention', { path: { namespace, repository }, body })
    : swrCall('UpdateRetention', {
        path: { namespace, repository, retention_id: existing },
        body,
      });
}

/** Either way SWR runs the rule at once. */
export async function saveRetention(
  where: RepositoryRef,
  existing: number | undefined,
  rule: RetentionRule,
): Promise<void> {
  await send(where.region, saveRetentionCall(where, existing, rule));
}

export const deleteRetentionCall = ({ namespace, repository }: RepositoryRef, id: number) =>
  swrCall('DeleteRetention', { path: { namespace, repository, retention_id: id } });

export async function deleteRetention(
  where: RepositoryRef,
  id: number,
): Promise<Deletion | undefined> {
  return sendDeletion(where.region, deleteRetentionCall(where, id));
}

/** SWR keeps three months of history; the console reads at most this many deleted tags of it. */
const HISTORY_CAP = 5000;
const HISTORY_PAGE = 1000;

export interface History {
  logs: RetentionLog[];
  /** How many deleted tags SWR has on record, when more than were read. */
  total: number;
}

/** The newest deleted tags first, up to HISTORY_CAP, in SWR's largest pages. */
export async function listHistory(
  { region, namespace, repository }: RepositoryRef,
  signal?: AbortSignal,
): Promise<History> {
  const logs: RetentionLog[] = [];
  let total = Infinity;
  while (logs.length < Math.min(total, HISTORY_CAP)) {
    const response = await swrClient(region).request(
      'ListRetentionHistories',
      { path: { namespace, repository }, query: { limit: HISTORY_PAGE, offset: logs.length } },
      { signal },
    );
    total = response.data.total;
    if (response.data.retention_log.length === 0) break;
    logs.push(...response.data.retention_log);
  }
  return { logs, total: Math.max(total === Infinity ? 0 : total, logs.length) };
}
