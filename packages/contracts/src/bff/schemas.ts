import {
  NAMESPACE_PATTERN,
  ENTERPRISE_NAME_PATTERN,
  REPOSITORY_PATTERN,
  type ArtifactSignatures,
  type ClientCommands,
  type ImageInspection,
  type PlanReason,
  regexProblem,
  retentionRule,
  type TagDifference,
  TAG_PATTERN,
} from '@swr-console/swr-api';
import { z } from 'zod';
import {
  MAX_PLANNED_REPOSITORIES,
  MAX_COMPARED_REGIONS,
  MAX_COMPARED_REPOSITORIES,
  type BffEndpointId,
} from './endpoints.js';

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

const namespaceParam = z
  .string()
  .max(64, 'An organization name is at most 64 characters.')
  .regex(NAMESPACE_PATTERN, 'Not an organization name.');

export const regionsCompareQuery = z
  .object({
    against: z
      .union([z.string(), z.array(z.string())])
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .pipe(
        z
          .array(z.string().min(1, 'Name a region.').max(64))
          .min(1, 'Name a region to compare with.')
          .max(MAX_COMPARED_REGIONS, `At most ${MAX_COMPARED_REGIONS} regions at once.`),
      ),
    /** Only this organization's repositories. */
    namespace: namespaceParam.optional(),
    /** The organization they are compared with in the other regions (default: the same name). */
    targetNamespace: namespaceParam.optional(),
    /** Part of the repository name. */
    name: z.string().max(128, 'At most 128 characters.').optional(),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_COMPARED_REPOSITORIES, `At most ${MAX_COMPARED_REPOSITORIES} repositories at once.`)
      .default(20),
  })
  .refine((query) => !query.targetNamespace || query.namespace, {
    path: ['targetNamespace'],
    message: 'Choose the organization it stands for first.',
  })
  .refine((query) => query.offset % query.limit === 0, {
    path: ['offset'],
    message: 'The offset is a multiple of the limit.',
  });

export const imageQuery = z.object({
  namespace: namespaceParam,
  repository: z
    .string()
    .max(255, 'A repository name is at most 255 characters.')
    .regex(REPOSITORY_PATTERN, 'Not a repository name.'),
  reference: z
    .string()
    .regex(
      new RegExp(`${TAG_PATTERN.source}|^sha256:[a-f0-9]{64}$`),
      'A tag, or a digest sha256:<64 hex>.',
    ),
  /** One platform of a multi-platform list, `os/architecture[/variant]`; the first otherwise. */
  platform: z
    .string()
    .regex(/^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/, 'A platform is os/architecture[/variant].')
    .optional(),
});

const manyOf = (item: z.ZodType<string, string>, max: number, message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .pipe(z.array(item).max(max, message))
    .optional();

export const retentionPlansQuery = z
  .object({
    namespace: namespaceParam.optional(),
    name: z.string().max(128, 'At most 128 characters.').optional(),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_PLANNED_REPOSITORIES, `At most ${MAX_PLANNED_REPOSITORIES} repositories at once.`)
      .default(20),
    /** A rule typed once, for the repositories without one: keep the newest, or recent days. */
    template: z.enum(['tag_rule', 'date_rule']).optional(),
    count: z.coerce.number().int('A whole number.').optional(),
    exemptTag: manyOf(z.string().regex(TAG_PATTERN, 'Not a tag name.'), 50, 'At most 50 tags.'),
    exemptPattern: manyOf(
      z.string().min(1).max(256, 'At most 256 characters.'),
      50,
      'At most 50 patterns.',
    ),
  })
  .superRefine((query, ctx) => {
    if (query.offset % query.limit !== 0)
      ctx.addIssue({
        code: 'custom',
        path: ['offset'],
        message: 'The offset is a multiple of the limit.',
      });
    if (!query.template) {
      if (query.count !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['template'],
          message: 'Choose what the rule keeps.',
        });
      return;
    }
    const [min, max] = query.template === 'tag_rule' ? [1, 1000] : [1, 365];
    if (query.count === undefined || query.count < min || query.count > max)
      ctx.addIssue({
        code: 'custom',
        path: ['count'],
        message: `A whole number from ${min} to ${max}.`,
      });
    for (const [index, pattern] of (query.exemptPattern ?? []).entries()) {
      const problem = regexProblem(pattern);
      if (problem)
        ctx.addIssue({ code: 'custom', path: ['exemptPattern', index], message: problem });
    }
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

const tagDifference = z.object({
  tag: z.string(),
  kind: z.enum(['different', 'missing', 'only-there']),
  here: z.string().optional(),
  there: z.string().optional(),
}) satisfies z.ZodType<TagDifference>;

/**
 * One repository in one other region. `no-repository`: the region has none of that name (every
 * tag is missing there); `no-namespace`: not even the organization (a sync there cannot work); `too-many-tags`: one side has more tags than the BFF compares; `failed`:
 * the region could not be read, with SWR's reason.
 */
const regionSide = z.object({
  region: z.string(),
  namespace: z.string(),
  state: z.enum(['compared', 'no-repository', 'no-namespace', 'too-many-tags', 'failed']),
  same: z.number().int().nonnegative(),
  different: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  onlyThere: z.number().int().nonnegative(),
  differences: z.array(tagDifference),
  problem: z.string().optional(),
});

export const regionsComparison = z.object({
  /** Repositories of the region that match the filters. */
  total: z.number().int().nonnegative(),
  repositories: z.array(
    z.object({
      namespace: z.string(),
      name: z.string(),
      /** Tags here (0 with `too-many-tags` only when reading stopped). */
      tags: z.number().int().nonnegative(),
      regions: z.array(regionSide),
    }),
  ),
});

export const imageInspection = z.object({
  reference: z.string(),
  digest: z.string(),
  mediaType: z.string(),
  platforms: z.array(z.object({ platform: z.string(), digest: z.string() })),
  image: z.object({
    platform: z.string(),
    digest: z.string(),
    mediaType: z.string(),
    configDigest: z.string(),
    size: z.number().int().nonnegative(),
    layers: z.array(z.object({ digest: z.string(), size: z.number().int().nonnegative() })),
    config: z.object({
      os: z.string(),
      architecture: z.string(),
      variant: z.string().optional(),
      created: z.string().optional(),
      author: z.string().optional(),
      user: z.string().optional(),
      workingDir: z.string().optional(),
      entrypoint: z.array(z.string()).optional(),
      cmd: z.array(z.string()).optional(),
      env: z.array(z.string()),
      labels: z.record(z.string(), z.string()),
      exposedPorts: z.array(z.string()),
      volumes: z.array(z.string()),
      stopSignal: z.string().optional(),
    }),
    history: z.array(
      z.object({
        created: z.string().optional(),
        createdBy: z.string().optional(),
        comment: z.string().optional(),
        emptyLayer: z.boolean(),
      }),
    ),
  }),
}) satisfies z.ZodType<ImageInspection>;

const planReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['exempt-tag', 'exempt-pattern']), pattern: z.string() }),
  z.object({ kind: z.enum(['recent', 'expired']), days: z.number(), ageDays: z.number() }),
  z.object({ kind: z.enum(['newest', 'beyond-newest']), num: z.number(), rank: z.number() }),
]) satisfies z.ZodType<PlanReason>;

/**
 * One repository's plan. `own`: its rule; `typed`: the rule of the request, for a repository
 * without one; `none`: no rule and none typed; `too-many-tags` and `failed` as in a comparison.
 */
export const repositoryPlan = z.object({
  namespace: z.string(),
  name: z.string(),
  tags: z.number().int().nonnegative(),
  state: z.enum(['own', 'typed', 'none', 'too-many-tags', 'failed']),
  /** The rule planned with (own or typed). */
  rule: retentionRule.optional(),
  /** The id of the repository's own rule. */
  ruleId: z.number().int().optional(),
  deleted: z.array(z.object({ tag: z.string(), digest: z.string(), reason: planReason })),
  kept: z.number().int().nonnegative(),
  /** Layer bytes only deleted tags use. */
  bytesFreed: z.number().int().nonnegative(),
  /** Deleted tags whose layers could not be read (not counted in the bytes). */
  unread: z.number().int().nonnegative(),
  problem: z.string().optional(),
});

export const retentionPlans = z.object({
  total: z.number().int().nonnegative(),
  /** The time the plans were made for. */
  now: z.string(),
  repositories: z.array(repositoryPlan),
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
    params: z.object({ region: z.string().min(1) }),
    query: signaturesQuery,
    response: signatures,
  },
  CompareRegions: {
    params: z.object({ region: z.string().min(1) }),
    query: regionsCompareQuery,
    response: regionsComparison,
  },
  InspectImage: {
    params: z.object({ region: z.string().min(1) }),
    query: imageQuery,
    response: imageInspection,
  },
  PlanRetentions: {
    params: z.object({ region: z.string().min(1) }),
    query: retentionPlansQuery,
    response: retentionPlans,
  },
  ListAuditEntries: { query: auditQuery, response: auditPage },
  ListDeletions: { query: deletionsQuery, response: z.object({ deletions: z.array(deletion) }) },
  UndoDeletion: {
    params: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'Not a deletion id.') }),
    response: z.object({ deletion }),
  },
} as const satisfies Record<
  BffEndpointId,
  { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType; response?: z.ZodType }
>;

export type BffOperations = typeof bffOperations;
