import { useEffect, useRef, useState } from 'react';

/**
 * What a dialog of the replication page is open for, and the focus given back to the control
 * that opened it once it closes: the dialogs are unmounted on close (their forms start afresh),
 * so antd cannot give it back itself.
 */
export function useDialog<T>() {
  const [value, setValue] = useState<T>();
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && value === undefined && opener.current?.isConnected)
      opener.current.focus();
    wasOpen.current = value !== undefined;
  }, [value]);
  return {
    value,
    open: (next: T) => {
      opener.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setValue(next);
    },
    close: () => setValue(undefined),
  };
}
