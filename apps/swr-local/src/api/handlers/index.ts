import type { Handlers } from '../handler.js';
import { accountHandlers } from './account.js';
import { enterpriseArtifactHandlers } from './enterprise-artifacts.js';
import { enterpriseCredentialHandlers } from './enterprise-credentials.js';
import { enterpriseHandlers } from './enterprise.js';
import { enterpriseImmutableHandlers } from './enterprise-immutable.js';
import { enterpriseRegistryHandlers } from './enterprise-registries.js';
import { enterpriseReplicationHandlers } from './enterprise-replication.js';
import { enterpriseRetentionHandlers } from './enterprise-retention.js';
import { enterpriseSecurityHandlers } from './enterprise-security.js';
import { enterpriseTagHandlers } from './enterprise-tags.js';
import { enterpriseWebhookHandlers } from './enterprise-webhooks.js';
import { kmsHandlers } from './kms.js';
import { namespaceHandlers } from './namespaces.js';
import { permissionHandlers } from './permissions.js';
import { repositoryHandlers } from './repositories.js';
import { retentionHandlers } from './retention.js';
import { sharingHandlers } from './sharing.js';
import { signingHandlers } from './signing.js';
import { syncHandlers } from './sync.js';
import { tagHandlers } from './tags.js';
import { triggerHandlers } from './triggers.js';

/** Every operation of the contract, answered. */
export const handlers: Handlers = {
  ...accountHandlers,
  ...namespaceHandlers,
  ...permissionHandlers,
  ...repositoryHandlers,
  ...tagHandlers,
  ...sharingHandlers,
  ...syncHandlers,
  ...triggerHandlers,
  ...retentionHandlers,
  ...enterpriseHandlers,
  ...enterpriseArtifactHandlers,
  ...enterpriseTagHandlers,
  ...enterpriseSecurityHandlers,
  ...enterpriseImmutableHandlers,
  ...enterpriseCredentialHandlers,
  ...enterpriseRegistryHandlers,
  ...enterpriseReplicationHandlers,
  ...enterpriseRetentionHandlers,
  ...enterpriseWebhookHandlers,
  ...signingHandlers,
  ...kmsHandlers,
};
