import type { z } from 'zod';
import type { Operation } from './operation.js';
import { accountOperations } from './resources/account.js';
import { enterpriseOperations } from './resources/enterprise.js';
import { enterpriseCredentialOperations } from './resources/enterprise-credentials.js';
import { enterpriseReplicationOperations } from './resources/enterprise-replication.js';
import { enterpriseRetentionOperations } from './resources/enterprise-retention.js';
import { enterpriseSecurityOperations } from './resources/enterprise-security.js';
import { enterpriseWebhookOperations } from './resources/enterprise-webhooks.js';
import { kmsOperations } from './resources/kms.js';
import { namespaceOperations } from './resources/namespaces.js';
import { permissionOperations } from './resources/permissions.js';
import { repositoryOperations } from './resources/repositories.js';
import { retentionOperations } from './resources/retention.js';
import { signingOperations } from './resources/signing.js';
import { sharingOperations } from './resources/sharing.js';
import { syncOperations } from './resources/sync.js';
import { tagOperations } from './resources/tags.js';
import { triggerOperations } from './resources/triggers.js';
import { versionOperations } from './resources/versions.js';

/**
 * Every operation, keyed by the name the official SDKs give it: the Basic edition's 49 of the
 * Node SDK plus the tag read and the two read-only signature lists; the Enterprise edition's
 * instances, namespaces with resource tags, artifacts, security, signing policies, replication,
 * retention, webhooks and long-term credentials; and the three key
 * service operations signing needs.
 */
export const operations = {
  ...versionOperations,
  ...namespaceOperations,
  ...permissionOperations,
  ...repositoryOperations,
  ...tagOperations,
  ...sharingOperations,
  ...syncOperations,
  ...triggerOperations,
  ...retentionOperations,
  ...accountOperations,
  ...enterpriseOperations,
  ...enterpriseSecurityOperations,
  ...enterpriseReplicationOperations,
  ...enterpriseRetentionOperations,
  ...enterpriseWebhookOperations,
  ...enterpriseCredentialOperations,
  ...signingOperations,
  ...kmsOperations,
} satisfies Record<string, Operation>;

export type Operations = typeof operations;
export type OperationId = keyof Operations;

type HasRequiredKeys<T> = Record<never, never> extends T ? false : true;

type PathInput<Op extends Operation> =
  HasRequiredKeys<z.input<Op['params']>> extends true
    ? { path: z.input<Op['params']> }
    : { path?: undefined };

type QueryInput<Op extends Operation> = Op extends { query: infer Q extends z.ZodType }
  ? HasRequiredKeys<z.input<Q>> extends true
    ? { query: z.input<Q> }
    : { query?: z.input<Q> }
  : { query?: undefined };

type BodyInput<Op extends Operation> = Op extends { body: infer B extends z.ZodType }
  ? { body: z.input<B> }
  : { body?: undefined };

/** What a caller passes for an operation: path parameters, query and body, each when it has one. */
export type RequestInput<Id extends OperationId> = PathInput<Operations[Id]> &
  QueryInput<Operations[Id]> &
  BodyInput<Operations[Id]>;

/** The parsed success body of an operation (`undefined` for operations that answer without one). */
export type ResponseBody<Id extends OperationId> = Operations[Id] extends {
  response: infer R extends z.ZodType;
}
  ? z.output<R>
  : undefined;

export type BodyOf<Id extends OperationId> = Operations[Id] extends {
  body: infer B extends z.ZodType;
}
  ? z.output<B>
  : never;

export type QueryOf<Id extends OperationId> = Operations[Id] extends {
  query: infer Q extends z.ZodType;
}
  ? z.output<Q>
  : never;

export type ParamsOf<Id extends OperationId> = z.output<Operations[Id]['params']>;
