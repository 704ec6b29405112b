import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { Locale as AntdLocale } from 'antd/es/locale';

export type Locale = 'en-US' | 'zh-CN';
export const LOCALES: Locale[] = ['en-US', 'zh-CN'];
export type Catalog = Record<string, string>;

/**
 * One feature's messages in another language: exactly the English keys, so a missing or a stray
 * translation is a type error. Each language is a chunk of its own, loaded only when chosen.
 */
export type Translation<English extends Record<string, string>> = { [K in keyof English]: string };

/** A language with its messages (and antd's own words for it, where they are not English). */
export interface LoadedLocale {
  locale: Locale;
  catalog: Catalog;
  antd?: AntdLocale;
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  antd: AntdLocale | undefined;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | undefined>(undefined);

/**
 * Messages a page brings with its own chunk, in both languages, so that the catalog every page
 * loads (sign-in included) does not carry them: the page's module adds them when it loads, before
 * it renders.
 */
const pageMessages: Record<Locale, Catalog> = { 'en-US': {}, 'zh-CN': {} };

export function addPageMessages(english: Catalog, chinese: Catalog): void {
  Object.assign(pageMessages['en-US'], english);
  Object.assign(pageMessages['zh-CN'], chinese);
}
const STORAGE_KEY = 'swr-console.locale';

/** The language the console starts in: the one chosen before, else the browser's. */
export function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === 'en-US' || stored === 'zh-CN') return stored;
  return globalThis.navigator?.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

export function interpolate(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export function I18nProvider({
  initial,
  load,
  children,
}: {
  initial: LoadedLocale;
  /** Loads another language when the user picks it. */
  load: (locale: Locale) => Promise<LoadedLocale>;
  children: ReactNode;
}) {
  const [current, setCurrent] = useState(initial);
  const setLocale = useCallback(
    (next: Locale) => {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
      void load(next).then(setCurrent, (error: unknown) =>
        console.error(`The ${next} messages could not be loaded`, error),
      );
    },
    [load],
  );
  useEffect(() => {
    document.documentElement.lang = current.locale;
  }, [current.locale]);
  const t = useCallback<Translate>(
    (key, values) => {
      const template = current.catalog[key] ?? pageMessages[current.locale][key];
      if (template === undefined) {
        console.error(`Missing message "${key}"`);
        return key;
      }
      return interpolate(template, values);
    },
    [current.catalog],
  );
  const value = useMemo(
    () => ({ locale: current.locale, antd: current.antd, setLocale, t }),
    [current, setLocale, t],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useT needs an I18nProvider');
  return i18n;
}

export function useT(): Translate {
  return useI18n().t;
}

export function useLocale(): [Locale, (locale: Locale) => void] {
  const { locale, setLocale } = useI18n();
  return [locale, setLocale];
}

/** antd's words (pagination, empty states, date pickers) in the current language. */
export function useAntdLocale(): AntdLocale | undefined {
  return useI18n().antd;
}
