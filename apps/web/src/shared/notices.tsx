import {
  createContext,
  lazy,
  Suspense,
  useContext,
  useMemo,
  useState,
  type ReactNode,
} from 'react';

/** A short confirmation shown at the top of the page for a few seconds ("Copied the digest"). */
export interface Notice {
  id: number;
  kind: 'success' | 'warning';
  text: string;
}

export interface Notices {
  success: (text: string) => void;
  warning: (text: string) => void;
}

const NoticesContext = createContext<Notices | undefined>(undefined);

// antd's message (and what draws it) loads with the first notice, not with every page.
const Toasts = lazy(async () => ({ default: (await import('./components/Toasts')).Toasts }));

let lastId = 0;

/** Gives the pages below `useNotices()`; the toasts themselves load when first needed. */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Notice[]>([]);
  const [active, setActive] = useState(false);
  const notices = useMemo<Notices>(() => {
    const add = (kind: Notice['kind']) => (text: string) => {
      setActive(true);
      setPending((before) => [...before, { id: ++lastId, kind, text }]);
    };
    return { success: add('success'), warning: add('warning') };
  }, []);
  return (
    <NoticesContext value={notices}>
      {children}
      {active ? (
        <Suspense fallback={null}>
          <Toasts
            pending={pending}
            onShown={(ids) => setPending((before) => before.filter((n) => !ids.includes(n.id)))}
          />
        </Suspense>
      ) : null}
    </NoticesContext>
  );
}

export function useNotices(): Notices {
  const notices = useContext(NoticesContext);
  if (!notices) throw new Error('useNotices needs a NoticesProvider');
  return notices;
}
