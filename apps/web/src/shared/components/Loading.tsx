import { useT } from '../i18n';

/** Shown while a page's code or its first answer loads; plain markup, so it needs no antd. */
export function PageLoading() {
  const t = useT();
  return (
    <div className="console-loading" role="status" aria-label={t('common.loading')}>
      <Spinner />
    </div>
  );
}

/**
 * The console's spinner, plain SVG (no antd), in the colour of the text around it; index.html
 * draws the same one before any script has run.
 */
export function Spinner({ size = 20 }: { size?: number }) {
  return (
    <svg
      className="console-spinner"
      viewBox="0 0 20 20"
      width={size}
      height={size}
      aria-hidden
      focusable="false"
    >
      <circle
        cx="10"
        cy="10"
        r="8"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeDasharray="14 40"
      />
    </svg>
  );
}
