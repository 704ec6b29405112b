import { enterpriseMessages } from '../features/enterprise/messages';
import { storageMessages } from '../features/storage/messages';
import { planMessages } from '../features/retention-plans/messages';
import { compareMessages } from '../features/image-compare/messages';
import { regionMessages } from '../features/regions/messages';
import { loginCommandMessages } from '../features/login-command/messages';
import { namespaceMessages } from '../features/namespaces/messages';
import { overviewMessages } from '../features/overview/messages';
import { permissionMessages } from '../features/permissions/messages';
import { repositoryMessages } from '../features/repositories/messages';
import { retentionMessages } from '../features/retention/messages';
import { sharingMessages } from '../features/sharing/messages';
import { syncMessages } from '../features/sync/messages';
import { triggerMessages } from '../features/triggers/messages';
import { signInMessages } from '../features/sign-in/messages';
import { tagMessages } from '../features/tags/messages';
import type { Catalog } from '../shared/i18n';
import { sharedMessages } from '../shared/messages';
import { shellMessages } from './messages';

/** Every message of the console in English (a chunk of its own, loaded when English is shown). */
export const englishCatalog: Catalog = {
  ...sharedMessages,
  ...shellMessages,
  ...signInMessages,
  ...namespaceMessages,
  ...repositoryMessages,
  ...tagMessages,
  ...permissionMessages,
  ...retentionMessages,
  ...syncMessages,
  ...sharingMessages,
  ...triggerMessages,
  ...overviewMessages,
  ...regionMessages,
  ...compareMessages,
  ...planMessages,
  ...storageMessages,
  ...loginCommandMessages,
  ...enterpriseMessages,
};
