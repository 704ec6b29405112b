import { RepositoriesPage } from '../features/repositories/routes';
import { BatchAutoSyncButton } from '../features/sync/routes';
import { useRegion } from '../shared/region';

/** The repositories list, with automatic sync for the checked repositories (from the sync feature). */
export function Repositories() {
  const region = useRegion();
  return (
    <RepositoriesPage
      selectionActions={(picked, clear) => (
        <BatchAutoSyncButton region={region} repositories={picked} onDone={clear} />
      )}
    />
  );
}
