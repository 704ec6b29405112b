import { z } from 'zod';

const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  WEB_DIR: z.string().min(1).optional(),
});
export type Config = z.infer<typeof configSchema>;

/** Parses the environment once; a bad value stops the process naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    for (const issue of result.error.issues) {
      console.error(`Invalid setting ${issue.path.join('.')}: ${issue.message}`);
    }
    process.exit(2);
  }
  return result.data;
}
