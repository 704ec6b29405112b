import {
  ENTERPRISE_NAME_PATTERN,
  REPOSITORY_PATTERN,
  type ArtifactSignatures,
  type ClientCommands,
} from '@swr-console/swr-api';
import { z } from 'zod';
import type { BffEndpointId } from './endpoints.js';
import {
  freedBytes,
  freedQuery,
  storagePage,
  storageQuery,
  imageInspection,
  imageQuery,
  regionsCompareQuery,
  regionsComparison,
  retentionPlans,
  retentionPlansQuery,
} from './insight-schemas.js';
import { webhookTestBody, webhookTestResult } from './webhook-schemas.js';

export * from './insight-schemas.js';
export * from './webhook-schemas.js';

/**
 * What the BFF's operations take and answer. The BFF checks every request against these and its
 * tests check every answer; the browser imports only the types (`index.ts`), never the schemas.
 */

/**
 * Keys travel in request headers (the signature's Access=…), so only visible ASCII can be one:
 * anything else is a typing or pasting mistake, said at the field rather than failing upstream.
 */
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

const INSTANCE_ID = /^[A-Za-z0-9-]{1,64}$/;

export const signInBody = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('aksk'),
    accessKey: z
      .string()
      .trim()
      .min(1, { message: 'Enter the access key ID.', abort: true })
      .max(128, 'An access key ID is at most 128 characters.')
      .regex(
        VISIBLE_ASCII,
        'An access key ID has only letters and digits, no spaces or line breaks.',
      ),
    secretKey: z
      .string()
      .trim()
      .min(1, { message: 'Enter the secret access key.', abort: true })
      .max(256, 'A secret access key is at most 256 characters.')
      .regex(
        VISIBLE_ASCII,
        'A secret access key has only visible ASCII characters, no spaces or line breaks.',
      ),
    projectId: z
      .string()
      .trim()
      .regex(/^[0-9a-f]{32}$/, 'A project ID is 32 hexadecimal characters.')
      .optional()
      .or(z.literal('').transform(() => undefined)),
  }),
  z.object({
    method: z.literal('sandbox'),
    account: z.string().min(1).max(64),
    userName: z.string().min(1).max(64),
  }),
  z.object({
    method: z.literal('password'),
    accountName: z.string().trim().min(1, 'Enter the account name.').max(64),
    userName: z.string().trim().min(1, 'Enter the IAM user name.').max(64),
    password: z.string().min(1, 'Enter the password.').max(256),
  }),
]);

export const loginCommandBody = z.object({
  region: z.string().min(1),
  kind: z.enum(['temporary', 'long-term']),
  /** Seconds a temporary login lasts (15 minutes to 24 hours; SWR's default otherwise). */
  durationSeconds: z.number().int().min(900).max(86_400).optional(),
  /** An Enterprise instance: its own registry, with a temporary login of the instance. */
  instance: z.string().regex(INSTANCE_ID, 'Not an instance id.').optional(),
});

/** How many artifacts one signature check covers; the console asks in pages of this many. */
export const MAX_SIGNATURE_DIGESTS = 50;

export const signaturesQuery = z.object({
  instance: z.string().regex(INSTANCE_ID, 'Not an instance id.'),
  namespace: z.string().regex(ENTERPRISE_NAME_PATTERN, 'Not a namespace name.').max(64),
  repository: z.string().regex(REPOSITORY_PATTERN, 'Not a repository name.').max(255),
  digest: z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .pipe(
      z
        .array(z.string().regex(/^sha256:[a-f0-9]{64}$/, 'A digest is sha256:<64 hex>.'))
        .min(1)
        .max(MAX_SIGNATURE_DIGESTS, `At most ${MAX_SIGNATURE_DIGESTS} digests at once.`),
    ),
});

export const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const named = z.object({ id: z.string(), name: z.string() });

export const publicConfig = z.object({
  profile: z.enum(['local', 'huaweicloud']),
  regions: z.array(z.object({ id: z.string(), registry: z.string() })),
  sandboxUsers: z.array(z.object({ account: z.string(), name: z.string(), admin: z.boolean() })),
});

/** What the console may know about who is signed in: never a key, a token or a password. */
export const session = z.object({
  signedIn: z.literal(true),
  method: z.enum(['aksk', 'password']),
  account: named,
  user: named.extend({ admin: z.boolean() }),
  regions: z.array(
    z.object({
      id: z.string(),
      projectId: z.string(),
      registry: z.string(),
      /** Base URLs of the region's SWR API and key service, for the requests the console shows. */
      api: z.string(),
      kms: z.string(),
    }),
  ),
  csrfToken: z.string(),
});

const clientCommands = z.object({
  docker: z.string(),
  nerdctl: z.string(),
  ctr: z.string(),
}) satisfies z.ZodType<ClientCommands>;

export const loginCommand = z.object({
  region: z.string(),
  registry: z.string(),
  kind: z.enum(['temporary', 'long-term']),
  username: z.string(),
  password: z.string(),
  /** Temporary logins only. */
  expiresAt: z.string().optional(),
  commands: clientCommands,
});

const signatureCheck = z.object({
  verified: z.boolean(),
  /** The key that verified it, when one did. */
  keyId: z.string().optional(),
  keyAlias: z.string().optional(),
  algorithm: z.string().optional(),
  /** Why it did not verify. */
  problem: z.string().optional(),
});

export const signatures = z.object({
  artifacts: z.array(
    z.object({
      digest: z.string(),
      signed: z.boolean(),
      verified: z.boolean(),
      signatures: z.array(signatureCheck),
    }) satisfies z.ZodType<ArtifactSignatures>,
  ),
});

export const auditPage = z.object({
  entries: z.array(
    z.object({
      at: z.string(),
      accountId: z.string(),
      userId: z.string(),
      userName: z.string(),
      method: z.string(),
      action: z.string(),
      target: z.string(),
      status: z.number().int(),
      requestId: z.string(),
      ip: z.string(),
    }),
  ),
  total: z.number().int().nonnegative(),
});

export const deletionsQuery = z.object({
  region: z.string().min(1).max(64).optional(),
});

/**
 * A deletion the BFF holds before it reaches SWR (the proxy answers a `DELETE` sent with
 * `Prefer: undo` with `202 {deletion}`): which operation on what, when it will be sent, and
 * what happened. `params` are the operation's path parameters (a repository with its `/`).
 */
export const deletion = z.object({
  id: z.string(),
  region: z.string(),
  operation: z.string(),
  params: z.record(z.string(), z.string()),
  userName: z.string(),
  createdAt: z.string(),
  executeAt: z.string(),
  state: z.enum(['pending', 'running', 'done', 'failed', 'undone']),
  result: z
    .object({
      status: z.number().int(),
      code: z.string().optional(),
      message: z.string().optional(),
    })
    .optional(),
});

/** The region an operation is about, as its path names it. */
const regionParams = z.object({ region: z.string().min(1) });

/** Per operation: its path parameters, query, body and answer (absent when there is none). */
export const bffOperations = {
  GetConfig: { response: publicConfig },
  GetCsrfToken: { response: z.object({ csrfToken: z.string() }) },
  SignIn: { body: signInBody, response: session },
  ShowSession: { response: session },
  SignOut: {},
  ListIamUsers: { response: z.object({ users: z.array(named) }) },
  CreateLoginCommand: { body: loginCommandBody, response: loginCommand },
  CheckSignatures: {
    params: regionParams,
    query: signaturesQuery,
    response: signatures,
  },
  CompareRegions: {
    params: regionParams,
    query: regionsCompareQuery,
    response: regionsComparison,
  },
  InspectImage: {
    params: regionParams,
    query: imageQuery,
    response: imageInspection,
  },
  PlanRetentions: {
    params: regionParams,
    query: retentionPlansQuery,
    response: retentionPlans,
  },
  ShowStorage: {
    params: regionParams,
    query: storageQuery,
    response: storagePage,
  },
  EstimateTagDeletion: {
    params: regionParams,
    query: freedQuery,
    response: freedBytes,
  },
  ListAuditEntries: { query: auditQuery, response: auditPage },
  ListDeletions: { query: deletionsQuery, response: z.object({ deletions: z.array(deletion) }) },
  UndoDeletion: {
    params: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'Not a deletion id.') }),
    response: z.object({ deletion }),
  },
  SendWebhookTest: { body: webhookTestBody, response: webhookTestResult },
} as const satisfies Record<
  BffEndpointId,
  { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType; response?: z.ZodType }
>;

export type BffOperations = typeof bffOperations;
