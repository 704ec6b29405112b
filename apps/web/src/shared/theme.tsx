import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';

export type ThemeMode = 'light' | 'dark' | 'system';
const STORAGE_KEY = 'swr-console.theme';

interface Theme {
  mode: ThemeMode;
  setMode: (mode: ThemeMode) => void;
  dark: boolean;
  /** The system asks for less motion: antd's open and close animations are switched off. */
  reducedMotion: boolean;
}

const ThemeContext = createContext<Theme | undefined>(undefined);

function storedMode(): ThemeMode {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'light' || stored === 'dark' || stored === 'system' ? stored : 'system';
}

/** Whether a media query matches, followed live. */
function useMediaQuery(text: string): boolean {
  const query = useMemo(() => globalThis.matchMedia?.(text), [text]);
  const [matches, setMatches] = useState(() => query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const follow = (event: MediaQueryListEvent) => setMatches(event.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [query]);
  return matches;
}

/** Light, dark, or whatever the system prefers (followed live); the choice is remembered. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const [mode, setModeState] = useState<ThemeMode>(storedMode);
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const dark = mode === 'dark' || (mode === 'system' && systemDark);
  // The page's own colours (app/base.css) follow the attribute; antd follows its ConfigProvider.
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [dark]);
  const value = useMemo(
    () => ({
      mode,
      dark,
      reducedMotion,
      setMode: (next: ThemeMode) => {
        globalThis.localStorage?.setItem(STORAGE_KEY, next);
        setModeState(next);
      },
    }),
    [mode, dark, reducedMotion],
  );
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

export function useTheme(): Theme {
  const theme = useContext(ThemeContext);
  if (!theme) throw new Error('useTheme needs a ThemeProvider');
  return theme;
}
