import { enterpriseMessagesZh } from '../features/enterprise/messages.zh';
import { storageMessagesZh } from '../features/storage/messages.zh';
import { planMessagesZh } from '../features/retention-plans/messages.zh';
import { compareMessagesZh } from '../features/image-compare/messages.zh';
import { regionMessagesZh } from '../features/regions/messages.zh';
import { loginCommandMessagesZh } from '../features/login-command/messages.zh';
import { namespaceMessagesZh } from '../features/namespaces/messages.zh';
import { overviewMessagesZh } from '../features/overview/messages.zh';
import { permissionMessagesZh } from '../features/permissions/messages.zh';
import { repositoryMessagesZh } from '../features/repositories/messages.zh';
import { retentionMessagesZh } from '../features/retention/messages.zh';
import { sharingMessagesZh } from '../features/sharing/messages.zh';
import { syncMessagesZh } from '../features/sync/messages.zh';
import { triggerMessagesZh } from '../features/triggers/messages.zh';
import { signInMessagesZh } from '../features/sign-in/messages.zh';
import { tagMessagesZh } from '../features/tags/messages.zh';
import type { Catalog } from '../shared/i18n';
import { sharedMessagesZh } from '../shared/messages.zh';
import { shellMessagesZh } from './messages.zh';

/** Every message of the console in Chinese (a chunk of its own, loaded when Chinese is shown). */
export const chineseCatalog: Catalog = {
  ...sharedMessagesZh,
  ...shellMessagesZh,
  ...signInMessagesZh,
  ...namespaceMessagesZh,
  ...repositoryMessagesZh,
  ...tagMessagesZh,
  ...permissionMessagesZh,
  ...retentionMessagesZh,
  ...syncMessagesZh,
  ...sharingMessagesZh,
  ...triggerMessagesZh,
  ...overviewMessagesZh,
  ...regionMessagesZh,
  ...compareMessagesZh,
  ...planMessagesZh,
  ...storageMessagesZh,
  ...loginCommandMessagesZh,
  ...enterpriseMessagesZh,
};
