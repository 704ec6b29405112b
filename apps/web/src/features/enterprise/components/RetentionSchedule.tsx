import { cronProblem, describeCron, nextRuns } from '@swr-console/swr-api';

// Loaded when a schedule is first chosen (RetentionPolicyForm), with the contract's cron rules.
export { cronProblem };
import { formatTime } from '../../../shared/format';
import { useLocale, useT, type Translate } from '../../../shared/i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/** The schedule in words when it has a common shape ("Every day at 03:00 UTC."). */
function describe(cron: string, locale: string, t: Translate): string | undefined {
  const shape = describeCron(cron);
  if (shape.kind === 'custom') return undefined;
  if (shape.kind === 'hourly') return t('retn.cron.hourly', { minute: shape.minute });
  const time = `${pad(shape.hour)}:${pad(shape.minute)}`;
  if (shape.kind === 'daily') return t('retn.cron.daily', { time });
  if (shape.kind === 'monthly')
    return t('retn.cron.monthly', { time, days: shape.days.join(', ') });
  // 1970-01-04 was a Sunday: weekday w is that day plus w.
  const name = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const weekdays = shape.weekdays.map((w) => name.format(Date.UTC(1970, 0, 4 + w))).join(', ');
  return t('retn.cron.weekly', { time, weekdays });
}

/**
 * What a valid schedule means: its shape in words and its next three runs, in UTC (as the
 * registry reads the cron) and in the browser's time zone. Nothing while the cron is wrong.
 */
export function SchedulePreview({
  cron,
  enabled,
  from,
}: {
  cron: string;
  enabled: boolean;
  /** When to count the next runs from. */
  from: Date;
}) {
  const t = useT();
  const [locale] = useLocale();
  if (cron.trim() === '' || cronProblem(cron)) return null;
  const runs = nextRuns(cron, from, 3);
  const utc = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const words = describe(cron, locale, t);
  return (
    <div className="retention-schedule" aria-live="polite">
      {words ? <p>{words}</p> : null}
      {enabled ? null : <p>{t('retn.cron.off')}</p>}
      {runs.length === 0 ? (
        <p>{t('retn.cron.never')}</p>
      ) : (
        <>
          <p className="retention-schedule-head">{t('retn.cron.next')}</p>
          <ol>
            {runs.map((run) => (
              <li key={run.toISOString()}>
                <time dateTime={run.toISOString()}>
                  {t('retn.cron.run', {
                    utc: utc.format(run),
                    local: formatTime(run.toISOString(), locale),
                  })}
                </time>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
