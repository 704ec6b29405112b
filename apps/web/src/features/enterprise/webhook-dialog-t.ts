import { useCallback } from 'react';
import { interpolate, useLocale, useT, type Translate } from '../../shared/i18n';
import { webhookDialogWords } from './webhook-dialog-words';
import { webhookDialogWordsZh } from './webhook-dialog-words.zh';

/**
 * The webhook dialog's `t`: its own words (both languages, in the dialog's chunk), then the
 * console's catalogs for the rest. The test catalogs carry these words too, so the catalog tests
 * and the journeys see them as any other message.
 */
export function useWebhookDialogT(): Translate {
  const [locale] = useLocale();
  const t = useT();
  return useCallback(
    (key, values) => {
      const words: Record<string, string> =
        locale === 'zh-CN' ? webhookDialogWordsZh : webhookDialogWords;
      const template = words[key];
      return template === undefined ? t(key, values) : interpolate(template, values);
    },
    [locale, t],
  );
}
