import type { LoadedLocale, Locale } from '../shared/i18n';

/**
 * The messages of one language, each language a chunk of its own: a visit loads the language it
 * shows, and another only when the user switches.
 */
export async function loadLocale(locale: Locale): Promise<LoadedLocale> {
  if (locale === 'zh-CN') {
    const [{ chineseCatalog }, { default: antd }] = await Promise.all([
      import('./catalogs.zh'),
      import('antd/locale/zh_CN'),
    ]);
    return { locale, catalog: chineseCatalog, antd };
  }
  const { englishCatalog } = await import('./catalogs');
  return { locale, catalog: englishCatalog };
}
