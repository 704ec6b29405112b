import { englishCatalog } from '../app/catalogs';
import { chineseCatalog } from '../app/catalogs.zh';
import { helpMessages } from '../features/help/content';
import { helpMessagesZh } from '../features/help/content.zh';
import type { Catalog, Locale } from '../shared/i18n';

/**
 * Both languages at once, for tests that read or switch them without loading chunks; with the
 * help's answers, which load with the help page rather than in the catalogs.
 */
export const catalogs: Record<Locale, Catalog> = {
  'en-US': { ...englishCatalog, ...helpMessages },
  'zh-CN': { ...chineseCatalog, ...helpMessagesZh },
};
