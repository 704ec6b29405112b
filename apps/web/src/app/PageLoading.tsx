import { Spinner } from '../shared/components/Spinner';
import { useT } from '../shared/i18n';

/** Shown while a page's code or its first answer loads; plain markup, so it needs no antd. */
export function PageLoading() {
  const t = useT();
  return (
    <div className="console-loading" role="status" aria-label={t('common.loading')}>
      <Spinner />
    </div>
  );
}
