import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';

export type Locale = 'en-US' | 'zh-CN';
export const LOCALES: Locale[] = ['en-US', 'zh-CN'];
export type Catalog = Record<string, string>;
export type Catalogs = Record<Locale, Catalog>;

/**
 * One feature's messages in both languages; the Chinese catalogue must have exactly the English
 * keys, so a missing translation is a type error.
 */
export function defineMessages<const E extends Record<string, string>>(
  en: E,
  zh: { [K in keyof E]: string },
): Catalogs {
  return { 'en-US': en, 'zh-CN': zh };
}

export function mergeCatalogs(...parts: Catalogs[]): Catalogs {
  return {
    'en-US': Object.assign({}, ...parts.map((p) => p['en-US'])) as Catalog,
    'zh-CN': Object.assign({}, ...parts.map((p) => p['zh-CN'])) as Catalog,
  };
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | undefined>(undefined);
const STORAGE_KEY = 'swr-console.locale';

function initialLocale(): Locale {
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
  catalogs,
  children,
  locale: fixed,
}: {
  catalogs: Catalogs;
  children: ReactNode;
  locale?: Locale;
}) {
  const [locale, setLocaleState] = useState<Locale>(fixed ?? initialLocale);
  const setLocale = useCallback((next: Locale) => {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const t = useCallback<Translate>(
    (key, values) => {
      const template = catalogs[locale][key] ?? catalogs['en-US'][key];
      if (template === undefined) {
        console.error(`Missing message "${key}"`);
        return key;
      }
      return interpolate(template, values);
    },
    [catalogs, locale],
  );
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
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
