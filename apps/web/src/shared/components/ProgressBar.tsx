import './progress-bar.css';

/**
 * A thin bar of how much of something is used or done, with its words for screen readers (antd's
 * progress, without its circle and dashboard modes).
 */
export function ProgressBar({
  percent,
  'aria-label': label,
  status = 'normal',
  size = 'default',
}: {
  percent: number;
  'aria-label': string;
  status?: 'normal' | 'exception' | undefined;
  size?: 'default' | 'small' | undefined;
}) {
  const value = Math.min(100, Math.max(0, Math.round(percent)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      className={`console-progress console-progress-${size} console-progress-${status}`}
    >
      <div className="console-progress-bar" style={{ width: `${value}%` }} />
    </div>
  );
}
