import { parseArgs } from 'node:util';
import { z } from 'zod';

const regionId = z
  .string()
  .regex(/^[a-z]{2}(?:-[a-z]+)+-[0-9]+$/, 'not a region id such as cn-north-4');

const optionsSchema = z.object({
  dataDir: z.string().min(1, '--data-dir is required'),
  port: z.coerce.number().int().min(1024).max(65000),
  regions: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(regionId)
        .min(1)
        .refine((r) => new Set(r).size === r.length, 'a region is listed twice'),
    ),
  seed: z.enum(['demo', 'none']),
});
export type Options = z.infer<typeof optionsSchema>;

export const USAGE =
  'usage: swr-local --data-dir DIR --port BASE [--regions cn-north-4,ap-southeast-1] [--seed demo|none]';

/** Parses the command line; problems come back as messages naming the flag. */
export function parseOptions(argv: string[]): { options: Options } | { errors: string[] } {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string', default: '9100' },
        regions: { type: 'string', default: 'cn-north-4,ap-southeast-1' },
        seed: { type: 'string', default: 'demo' },
      },
      strict: true,
    }));
  } catch (error) {
    return { errors: [(error as Error).message] };
  }
  const result = optionsSchema.safeParse({
    dataDir: values['data-dir'] ?? '',
    port: values.port,
    regions: values.regions,
    seed: values.seed,
  });
  if (!result.success) {
    const flag = {
      dataDir: '--data-dir',
      port: '--port',
      regions: '--regions',
      seed: '--seed',
    } as Record<string, string>;
    return {
      errors: result.error.issues.map(
        (i) => `${flag[String(i.path[0])] ?? i.path.join('.')}: ${i.message}`,
      ),
    };
  }
  return { options: result.data };
}
