import type { Run } from '../../shared/retention-runs';

export { groupRuns, type Run } from '../../shared/retention-runs';

/** Runs from the day `from` to the day `to` (local days, `YYYY-MM-DD`, either may be missing). */
export function runsBetween(runs: readonly Run[], from?: string, to?: string): Run[] {
  const start = from ? new Date(`${from}T00:00:00`).getTime() : -Infinity;
  const end = to ? nextDay(to) : Infinity;
  return runs.filter((run) => {
    const at = Date.parse(run.at);
    return at >= start && at < end;
  });
}

/** Local midnight after a day (a day is not always 24 hours long). */
function nextDay(day: string): number {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + 1);
  return date.getTime();
}
