import { z } from 'zod';
import { DEFAULT_LIMITS } from './proxy/limits.js';

const regionList = z
  .string()
  .transform((list) =>
    list
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z.string().regex(/^[a-z]{2}(?:-[a-z]+)+-[0-9]+$/, 'not a region id such as cn-north-4'),
      )
      .min(1),
  );

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const configSchema = z
  .object({
    PROFILE: z.enum(['local', 'huaweicloud']).default('local'),
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('.data/local'),
    WEB_DIR: z.string().min(1).optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    SWR_LOCAL_ENDPOINTS: z.string().min(1).optional(),
    HUAWEICLOUD_REGIONS: regionList.default([
      'cn-north-4',
      'cn-east-3',
      'cn-south-1',
      'ap-southeast-1',
      'ap-southeast-3',
    ]),
    HUAWEICLOUD_IAM_ENDPOINT: z.url().default('https://iam.myhuaweicloud.com'),
    SESSION_STORE: z.enum(['sqlite', 'redis']).default('sqlite'),
    REDIS_URL: z.url().optional(),
    CREDENTIALS_KEY: z
      .string()
      .refine(
        (key) => Buffer.from(key, 'base64').length === 32,
        'must be 32 random bytes in base64 (openssl rand -base64 32)',
      )
      .optional(),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    SESSION_MAX_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24)
      .default(12),
    TRUST_PROXY: flag.default(false),
    UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024)
      .default(1024 * 1024),
    SIGN_IN_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
    UPSTREAM_SOCKETS: z.coerce
      .number()
      .int()
      .min(1)
      .max(1024)
      .default(DEFAULT_LIMITS.socketsPerOrigin),
    SESSION_CONCURRENCY: z.coerce
      .number()
      .int()
      .min(1)
      .max(1024)
      .default(DEFAULT_LIMITS.perSession),
    UPSTREAM_QUEUE: z.coerce.number().int().min(0).max(100_000).default(DEFAULT_LIMITS.queueLimit),
    UNDO_WINDOW_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  })
  .superRefine((config, ctx) => {
    if (config.SESSION_STORE === 'redis' && !config.REDIS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['REDIS_URL'],
        message: 'is required when SESSION_STORE=redis',
      });
    }
    if (config.PROFILE === 'huaweicloud' && !config.CREDENTIALS_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['CREDENTIALS_KEY'],
        message: 'is required in the huaweicloud profile',
      });
    }
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; each problem names its variable. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const [variable, ...inside] = issue.path;
        const where = inside.length > 0 ? `entry ${Number(inside[0]) + 1}: ` : '';
        return `${String(variable ?? 'environment')}: ${where}${issue.message}`;
      }),
    );
  }
  return result.data;
}
