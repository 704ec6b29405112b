import { z } from 'zod';

import {
  NAMESPACE_PATTERN,
  REPOSITORY_PATTERN,
  repositoryFromPath,
  TAG_PATTERN,
} from '../wire/patterns.js';

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
