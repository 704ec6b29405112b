import { catalogs } from '@swr-console/web/testing';
import { interpolate, type Locale } from '@swr-console/web/testing';

export type T = (key: string, values?: Record<string, string | number>) => string;

/** The console's own messages, so each journey finds its controls by the words users read. */
export function translator(locale: Locale): T {
  return (key, values) => {
    const template = catalogs[locale][key];
    if (template === undefined) throw new Error(`no message ${key}`);
    return interpolate(template, values);
  };
}
