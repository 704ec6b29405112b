import type { ReactNode } from 'react';
import { useT } from '../../../shared/i18n';
import './statistic.css';

/** One number of the overview with what it counts; "Loading…" until it is known. */
export function Statistic({
  title,
  value,
  suffix,
  loading = false,
}: {
  title: ReactNode;
  value: ReactNode;
  suffix?: ReactNode;
  loading?: boolean;
}) {
  const t = useT();
  return (
    <div className="console-statistic">
      <div className="console-statistic-title">{title}</div>
      <div className="console-statistic-value" aria-busy={loading || undefined}>
        {loading ? (
          <span className="console-statistic-loading">{t('common.loading')}</span>
        ) : (
          <>
            {value}
            {suffix !== undefined ? (
              <span className="console-statistic-suffix"> {suffix}</span>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
