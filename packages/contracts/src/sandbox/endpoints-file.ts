import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseJson } from '@swr-console/swr-api';
import { z } from 'zod';

/**
 * `endpoints.json`: what the sandbox (swr-local) writes once it is ready, for the BFF's local
 * profile, tests and benchmarks — where each region's API and registry are, where IAM is, and the
 * seeded accounts with their keys. One schema, for the one writer and every reader.
 */

const url = z.url();
/** `host:port`, as image names write a registry. */
const host = z.string().regex(/^[^\s/]+$/, 'A registry is host[:port].');

export const sandboxUser = z.object({
  name: z.string(),
  id: z.string(),
  admin: z.boolean(),
  access_key: z.string(),
  secret_key: z.string(),
  /** The sandbox's own users keep their password here, for password sign-in. */
  password: z.string(),
});

export const sandboxAccount = z.object({
  domain_name: z.string(),
  domain_id: z.string(),
  /** Project id by region. */
  projects: z.record(z.string(), z.string()),
  users: z.array(sandboxUser),
});

export const sandboxEndpoints = z.object({
  /** Base URL of the sandbox's IAM. */
  iam: url,
  regions: z.array(z.object({ id: z.string(), api: url, registry: host })).min(1),
  /** Registry host of each Enterprise instance, by instance id (kept across restarts). */
  instances: z.record(z.string(), host).default({}),
  accounts: z.array(sandboxAccount).default([]),
});

export type SandboxEndpoints = z.output<typeof sandboxEndpoints>;
export type SandboxAccount = z.output<typeof sandboxAccount>;
export type SandboxRegion = SandboxEndpoints['regions'][number];

/** A seeded user with the account it belongs to and the account's projects. */
export type SandboxUser = z.output<typeof sandboxUser> & {
  account: string;
  projects: Record<string, string>;
};

/** Reads and checks the file; throws naming the file and what is wrong with it. */
export function readSandboxEndpoints(file: string): SandboxEndpoints {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
  const json = parseJson(text);
  if (json === undefined) throw new Error(`${file} is not JSON`);
  const parsed = sandboxEndpoints.safeParse(json);
  if (!parsed.success)
    throw new Error(`${file} is not a sandbox endpoints file: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Checks and writes the file: to a temporary file first, so a reader never sees half of it, and
 * readable by its owner only (it holds keys).
 */
export function writeSandboxEndpoints(
  file: string,
  endpoints: z.input<typeof sandboxEndpoints>,
): void {
  const content = JSON.stringify(sandboxEndpoints.parse(endpoints), null, 2);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  renameSync(temporary, file);
}

/** Every seeded user, with its account. */
export function sandboxUsers(endpoints: SandboxEndpoints): SandboxUser[] {
  return endpoints.accounts.flatMap((account) =>
    account.users.map((user) => ({
      ...user,
      account: account.domain_name,
      projects: account.projects,
    })),
  );
}
