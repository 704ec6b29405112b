import { z } from 'zod';

/**
 * Name rules of SWR, as the registry grammar of CNCF Distribution states them and SWR's docs
 * describe them: lower-case letters and digits, separated by `.`, `_`, `__` or a run of `-`; two
 * separators never touch. Repository names are such components joined by `/`.
 */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';

export const NAMESPACE_PATTERN = new RegExp(`^[a-z](?:[a-z0-9]*)(?:(?:[._]|__|-+)[a-z0-9]+)*$`);
export const REPOSITORY_PATTERN = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
/** Docker's tag grammar: a word character, then up to 127 word characters, dots or dashes. */
export const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export const namespaceName = z
  .string()
  .min(1, 'Enter an organization name.')
  .max(64, 'An organization name has at most 64 characters.')
  .regex(
    NAMESPACE_PATTERN,
    'Use lower-case letters, digits and single ".", "_", "__" or "-" between them; start with a letter and end with a letter or digit.',
  )
  .describe('Organization (namespace) name, unique in a region across all accounts.');

export const repositoryName = z
  .string()
  .min(1, 'Enter a repository name.')
  .max(128, 'A repository name has at most 128 characters.')
  .regex(
    REPOSITORY_PATTERN,
    'Use lower-case letters and digits separated by ".", "_", "__", "-" or "/"; start and end with a letter or digit.',
  )
  .describe('Repository name as it appears in bodies and pull addresses; may contain "/".');

export const tagName = z
  .string()
  .min(1, 'Enter a tag.')
  .max(128, 'A tag has at most 128 characters.')
  .regex(
    TAG_PATTERN,
    'A tag starts with a letter, digit or "_" and continues with letters, digits, "_", "." or "-".',
  )
  .describe('Image tag (version).');

/**
 * In URL paths SWR wants every `/` of a repository name written as `$` (`library/nginx` becomes
 * `library$nginx`); bodies and pull addresses keep the real name.
 */
export function repositoryToPath(name: string): string {
  return name.replaceAll('/', '$');
}

/** The reverse of {@link repositoryToPath}; also accepts an escaped `%2F`, which SWR tolerates. */
export function repositoryFromPath(segment: string): string {
  return segment.replaceAll('$', '/').replace(/%2F/gi, '/');
}

/** A repository name as it travels in a URL path segment (`/` written as `$`). */
export const repositoryPathName = z
  .string()
  .min(1)
  .max(128)
  .refine((value) => REPOSITORY_PATTERN.test(repositoryFromPath(value)), {
    message: 'Not a valid repository name (write each "/" as "$" in a path).',
  })
  .describe('Repository name with every "/" written as "$".');

export type NamespaceName = z.infer<typeof namespaceName>;
export type RepositoryName = z.infer<typeof repositoryName>;
export type TagName = z.infer<typeof tagName>;
