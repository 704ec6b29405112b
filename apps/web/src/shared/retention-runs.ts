import type { RetentionLog } from '@swr-console/swr-api';

// Retention runs from SWR's per-tag history: the retention tab and the overview both show them.

/** One run of the rule: the tags it deleted together. */
export interface Run {
  /** When its first tag was deleted (ISO). */
  at: string;
  /** The rule as SWR recorded it (JSON text). */
  rule: string;
  /** In natural name order (`t2` before `t10`): SWR's order within one run is arbitrary. */
  tags: string[];
}

const collator = new Intl.Collator('en', { numeric: true });
const naturally = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** Deletions further apart than this belong to different runs. */
const RUN_GAP_MS = 60_000;

/**
 * SWR records each deleted tag, not runs: this gathers the records of one rule deleted close
 * together (newest first, as SWR lists them) into runs, newest first.
 */
export function groupRuns(logs: readonly RetentionLog[]): Run[] {
  const runs: (Run & { earliest: number; id: number })[] = [];
  for (const log of logs) {
    const at = Date.parse(log.created_at);
    const current = runs.at(-1);
    if (
      current &&
      current.id === log.retention_id &&
      current.rule === log.rule_type &&
      current.earliest - at <= RUN_GAP_MS
    ) {
      current.tags.push(log.tag);
      current.earliest = at;
      current.at = log.created_at;
    } else {
      runs.push({
        at: log.created_at,
        rule: log.rule_type,
        tags: [log.tag],
        earliest: at,
        id: log.retention_id,
      });
    }
  }
  return runs.map(({ at, rule, tags }) => ({ at, rule, tags: tags.sort(naturally) }));
}
