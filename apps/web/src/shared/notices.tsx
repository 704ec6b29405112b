import { App } from 'antd';
import { useMemo } from 'react';

/** Short confirmations shown at the top of the page for a few seconds ("Copied the digest"). */
export interface Notices {
  success: (text: string) => void;
  warning: (text: string) => void;
  error: (text: string) => void;
}

/**
 * The page's notices, drawn by antd's App (which signed-in pages have). Loading antd's message
 * with the first notice instead was tried: the first toast then came about 0.8 s after the click
 * instead of 0.1 s, so the App stays.
 */
export function useNotices(): Notices {
  const { message } = App.useApp();
  return useMemo(
    () => ({
      success: (text) => void message.success(text),
      warning: (text) => void message.warning(text),
      error: (text) => void message.error(text),
    }),
    [message],
  );
}
