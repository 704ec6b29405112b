import antdChinese from 'antd/locale/zh_CN';
import type { LoadedLocale, Locale } from '../shared/i18n';
import { catalogs } from './catalogs';

/** A language ready to render in, as the console has it once loaded. */
export function testLocale(locale: Locale = 'en-US'): LoadedLocale {
  return locale === 'zh-CN'
    ? { locale, catalog: catalogs[locale], antd: antdChinese }
    : { locale, catalog: catalogs[locale] };
}
