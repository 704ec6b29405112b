import { lazy, useState, type ReactNode } from 'react';
import { OnceOpened } from './OnceOpened';
import type { ShownRequest } from './ShowRequest';

// The dialog (antd's modal) loads when a delete is first asked for, not with every list.
const DeleteDialog = lazy(async () => ({ default: (await import('./DeleteDialog')).DeleteDialog }));

/** What a confirmation asks: its title and text name what goes. */
export interface DeleteAsk {
  title: string;
  text: ReactNode;
  /** The confirming button's words, when "Delete" is not what happens. */
  okText?: string;
  /** It cannot go: the dialog says why (in `text`) instead of offering a button that would fail. */
  blocked?: boolean;
  request?: ShownRequest;
  /** Deletes; the dialog stays open with the error when it fails. */
  run: () => Promise<unknown>;
}

/**
 * A delete confirmation asked for from code (DeleteButton, or a row's menu where its button does
 * not fit): `confirm(ask)` opens it, and `holder` must be rendered once where the page is.
 */
export function useDeleteConfirm(): [confirm: (ask: DeleteAsk) => void, holder: ReactNode] {
  const [ask, setAsk] = useState<DeleteAsk>();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const run = async () => {
    if (!ask) return;
    setPending(true);
    setError(null);
    try {
      await ask.run();
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
      throw failure;
    } finally {
      setPending(false);
    }
  };
  const holder = (
    <OnceOpened open={open}>
      <DeleteDialog
        open={open}
        title={ask?.title ?? ''}
        text={ask?.text}
        okText={ask?.okText}
        blocked={ask?.blocked ?? false}
        request={ask?.request}
        run={run}
        pending={pending}
        error={error}
        reset={() => setError(null)}
        onDone={() => setOpen(false)}
        onCancel={() => setOpen(false)}
      />
    </OnceOpened>
  );
  const confirm = (next: DeleteAsk) => {
    setAsk(next);
    setError(null);
    setOpen(true);
  };
  return [confirm, holder];
}
