import type { Run } from '../../shared/retention-runs';

export { groupRuns, type Run } from '../../shared/retention-runs';

/** Runs from the day `from` to the day `to` (local days, `YYYY-MM-DD`, either may be missing). */
export function runsBetween(runs: readonly Run[], from?: string, to?: string): Run[] {
  const start = from ? new Date(`${from}T00:00:00`).getTime() : -Infinity;
  const end = to ? new Date(`${to}T00:00:00`).getTime() + 86_400_000 : Infinity;
  return runs.filter((run) => {
    const at = Date.parse(run.at);
    return at >= start && at < end;
  });
}
