import { message } from 'antd';
import { useEffect, useRef } from 'react';
import type { Notice } from '../notices';

/** Shows each pending notice once with antd's message, in the theme of the page around it. */
export function Toasts({
  pending,
  onShown,
}: {
  pending: Notice[];
  onShown: (ids: number[]) => void;
}) {
  const [api, holder] = message.useMessage();
  // Effects run twice in development; a notice is still shown once.
  const shown = useRef(new Set<number>());
  useEffect(() => {
    const fresh = pending.filter((notice) => !shown.current.has(notice.id));
    if (fresh.length === 0) return;
    for (const notice of fresh) {
      shown.current.add(notice.id);
      void api.open({ type: notice.kind, content: notice.text });
    }
    onShown(fresh.map((notice) => notice.id));
  }, [api, pending, onShown]);
  return holder;
}
