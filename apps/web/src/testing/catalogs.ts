import { englishCatalog } from '../app/catalogs';
import { chineseCatalog } from '../app/catalogs.zh';
import { helpMessages } from '../features/help/content';
import { helpMessagesZh } from '../features/help/content.zh';
import { webhookDialogWords } from '../features/enterprise/webhook-dialog-words';
import { webhookDialogWordsZh } from '../features/enterprise/webhook-dialog-words.zh';
import { credentialMessages } from '../features/enterprise/credentials-messages';
import { credentialMessagesZh } from '../features/enterprise/credentials-messages.zh';
import { replicationMessages } from '../features/enterprise/replication-messages';
import { replicationMessagesZh } from '../features/enterprise/replication-messages.zh';
import type { Catalog, Locale } from '../shared/i18n';

/**
 * Both languages at once, for tests that read or switch them without loading chunks; with the
 * help's answers and the webhook dialog's words, which load with their page or dialog rather than
 * in the catalogs.
 */
export const catalogs: Record<Locale, Catalog> = {
  'en-US': {
    ...englishCatalog,
    ...helpMessages,
    ...webhookDialogWords,
    ...credentialMessages,
    ...replicationMessages,
  },
  'zh-CN': {
    ...chineseCatalog,
    ...helpMessagesZh,
    ...webhookDialogWordsZh,
    ...credentialMessagesZh,
    ...replicationMessagesZh,
  },
};
