import type { SwrCall } from '@swr-console/swr-api';
import { lazy, Suspense, useState } from 'react';
import { useT } from '../i18n';

// The panel and the text forms it writes load when first opened, not with every form.
const RequestPanel = lazy(async () => ({
  default: (await import('./request/RequestPanel')).RequestPanel,
}));

/**
 * "API request": the SWR API calls an action is about to make, opened under its form or in its
 * confirmation, before anything is sent. `calls` is read each time the panel draws; it may throw
 * while the form is not filled in enough to say.
 */
export interface ShownRequest {
  region: string;
  calls: () => SwrCall[];
  /** What the calls leave out (calls that depend on answers), said under them. */
  note?: string;
}

export function ShowRequest({ region, calls, note }: ShownRequest) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <details className="show-request" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('request.show')}</summary>
      {open ? (
        <Suspense fallback={null}>
          <RequestPanel region={region} calls={calls} note={note} />
        </Suspense>
      ) : null}
    </details>
  );
}
