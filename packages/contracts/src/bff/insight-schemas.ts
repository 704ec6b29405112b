import {
  ENTERPRISE_NAME_PATTERN,
  NAMESPACE_PATTERN,
  REPOSITORY_PATTERN,
  TAG_PATTERN,
  regexProblem,
  retentionRule,
  type ImageInspection,
  type PlanReason,
  type TagDifference,
} from '@swr-console/swr-api';
import { z } from 'zod';
import {
  MAX_COMPARED_REGIONS,
  MAX_COMPARED_REPOSITORIES,
  MAX_PLANNED_REPOSITORIES,
} from './endpoints.js';

// The BFF's reading across an account: regions compared, images inspected, retention planned.

const namespaceParam = z
  .string()
  .max(64, 'An organization name is at most 64 characters.')
  .regex(NAMESPACE_PATTERN, 'Not an organization name.');

/** A page of a region's repositories: an organization, part of a name, offset and limit. */
const repositoryPageShape = (max: number) => ({
  /** Only this organization's repositories. */
  namespace: namespaceParam.optional(),
  /** Part of the repository name. */
  name: z.string().max(128, 'At most 128 characters.').optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(max, `At most ${max} repositories at once.`)
    .default(20),
});

const offsetOfPages = {
  path: ['offset'],
  message: 'The offset is a multiple of the limit.',
};

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
    ...repositoryPageShape(MAX_COMPARED_REPOSITORIES),
    /** The organization they are compared with in the other regions (default: the same name). */
    targetNamespace: namespaceParam.optional(),
  })
  .refine((query) => !query.targetNamespace || query.namespace, {
    path: ['targetNamespace'],
    message: 'Choose the organization it stands for first.',
  })
  .refine((query) => query.offset % query.limit === 0, offsetOfPages);

export const imageQuery = z
  .object({
    /** An Enterprise instance of the region: the image is read from its registry instead. */
    instance: z.string().min(1).max(64, 'An instance id is at most 64 characters.').optional(),
    namespace: z.string().max(64, 'A namespace name is at most 64 characters.'),
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
  })
  // An organization of the Basic edition, or a namespace of an instance by the Enterprise rule.
  .superRefine((query, context) => {
    const pattern = query.instance ? ENTERPRISE_NAME_PATTERN : NAMESPACE_PATTERN;
    if (!pattern.test(query.namespace))
      context.addIssue({
        code: 'custom',
        path: ['namespace'],
        message: query.instance ? 'Not a namespace name.' : 'Not an organization name.',
      });
  });

const manyOf = (item: z.ZodType<string, string>, max: number, message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .pipe(z.array(item).max(max, message))
    .optional();

export const retentionPlansQuery = z
  .object({
    ...repositoryPageShape(MAX_PLANNED_REPOSITORIES),
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
    if (query.offset % query.limit !== 0) ctx.addIssue({ code: 'custom', ...offsetOfPages });
    // SWR takes at most 50 exemptions per rule, tags and patterns together.
    if ((query.exemptTag?.length ?? 0) + (query.exemptPattern?.length ?? 0) > 50)
      ctx.addIssue({
        code: 'custom',
        path: ['exemptPattern'],
        message: 'At most 50 exemptions in all, tags and patterns together.',
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

export const storageQuery = z
  .object({
    ...repositoryPageShape(MAX_PLANNED_REPOSITORIES),
  })
  .refine((query) => query.offset % query.limit === 0, offsetOfPages);

/** One repository's storage: `read`, or why it could not be (as in a plan). */
export const repositoryStorage = z.object({
  namespace: z.string(),
  name: z.string(),
  state: z.enum(['read', 'too-many-tags', 'failed']),
  tags: z.number().int().nonnegative(),
  /** Distinct images (digests) the tags name. */
  images: z.number().int().nonnegative(),
  /** Every distinct layer, once. */
  bytes: z.number().int().nonnegative(),
  /** Layers two tags or more use. */
  sharedBytes: z.number().int().nonnegative(),
  /** Tags whose layers could not be read (not counted). */
  unread: z.number().int().nonnegative(),
  problem: z.string().optional(),
});

export const storagePage = z.object({
  total: z.number().int().nonnegative(),
  repositories: z.array(repositoryStorage),
});

export const freedQuery = z.object({
  namespace: namespaceParam,
  repository: z
    .string()
    .max(255, 'A repository name is at most 255 characters.')
    .regex(REPOSITORY_PATTERN, 'Not a repository name.'),
  tag: z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .pipe(
      z
        .array(z.string().regex(TAG_PATTERN, 'Not a tag name.'))
        .min(1, 'Name a tag.')
        .max(1000, 'At most 1,000 tags.'),
    ),
});

export const freedBytes = z.object({
  /** The tags named that exist. */
  tags: z.number().int().nonnegative(),
  bytesFreed: z.number().int().nonnegative(),
  unread: z.number().int().nonnegative(),
});
