import { message } from 'antd';
import { createContext, useContext, useMemo, type ReactNode } from 'react';

/** Short confirmations shown at the top of the page for a few seconds ("Copied the digest"). */
export interface Notices {
  success: (text: string) => void;
  warning: (text: string) => void;
  error: (text: string) => void;
}

/** Notices drawn by antd's message: its hook's instance, or its static one. */
function noticesOf(api: Record<keyof Notices, (text: string) => unknown>): Notices {
  return {
    success: (text) => void api.success(text),
    warning: (text) => void api.warning(text),
    error: (text) => void api.error(text),
  };
}

const NoticesContext = createContext<Notices | undefined>(undefined);

/**
 * Where signed-in pages show their notices: antd's message in the page's theme. (antd's App did
 * this before, but brought its modal and skeleton to the first page with it.) Loading antd's
 * message with the first notice instead was tried: the first toast then came about 0.8 s after
 * the click instead of 0.1 s, so it loads with the shell.
 */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const [api, holder] = message.useMessage();
  const notices = useMemo(() => noticesOf(api), [api]);
  return (
    <NoticesContext value={notices}>
      {holder}
      {children}
    </NoticesContext>
  );
}

/** Outside the signed-in pages (an error page): antd's message without the page's theme. */
const unthemed = noticesOf(message);

/** The page's notices. */
export function useNotices(): Notices {
  return useContext(NoticesContext) ?? unthemed;
}
