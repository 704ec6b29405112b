import { englishCatalog } from '../app/catalogs';
import { chineseCatalog } from '../app/catalogs.zh';
import type { Catalog, Locale } from '../shared/i18n';

/** Both languages at once, for tests that read or switch them without loading chunks. */
export const catalogs: Record<Locale, Catalog> = {
  'en-US': englishCatalog,
  'zh-CN': chineseCatalog,
};
