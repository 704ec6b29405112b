import { SyncOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Tooltip } from '../../../shared/components/tooltip/Tooltip';
import { lazy, Suspense, useState } from 'react';
import { useT } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';

// Dialogs load when first opened.
const BatchAutoSyncModal = lazy(async () => ({
  default: (await import('./BatchAutoSyncModal')).BatchAutoSyncModal,
}));

/** Sets up automatic sync for the repositories checked in a list (administrators only). */
export function BatchAutoSyncButton({
  region,
  repositories,
  onDone,
}: {
  region: string;
  repositories: readonly { namespace: string; name: string }[];
  onDone: () => void;
}) {
  const t = useT();
  const session = useSession();
  const admin = session?.user.admin ?? false;
  const regions = (session?.regions ?? []).map((r) => r.id).filter((id) => id !== region);
  const [open, setOpen] = useState(false);
  const button = (
    <Button
      icon={<SyncOutlined aria-hidden />}
      disabled={!admin || regions.length === 0 || repositories.length === 0}
      onClick={() => setOpen(true)}
    >
      {t('sync.batch.open', { count: repositories.length })}
    </Button>
  );
  return (
    <>
      {admin ? button : <Tooltip title={t('sync.adminOnly')}>{button}</Tooltip>}
      {open ? (
        <Suspense fallback={null}>
          <BatchAutoSyncModal
            region={region}
            repositories={repositories}
            regions={regions}
            onClose={() => {
              setOpen(false);
              onDone();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
