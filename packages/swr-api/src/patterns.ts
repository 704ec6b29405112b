/**
 * Name rules of SWR as plain patterns (no schema library), for forms and servers alike: lower-case
 * letters and digits, separated by `.`, `_`, `__` or a run of `-`; two separators never touch.
 * Repository names are such components joined by `/`.
 */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';

export const NAMESPACE_PATTERN = /^[a-z][a-z0-9]*(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
export const REPOSITORY_PATTERN = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
/** Docker's tag grammar: a word character, then up to 127 word characters, dots or dashes. */
export const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** SWR's docs say `arm`, its SDKs say `arms`; both are accepted. */
export const REPOSITORY_CATEGORIES = [
  'app_server',
  'linux',
  'framework_app',
  'database',
  'lang',
  'other',
  'windows',
  'arm',
  'arms',
] as const;

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

/** Permission levels on an organization or repository, as SWR numbers them. */
export const AUTH_LEVELS = { read: 1, edit: 3, manage: 7 } as const;
export type AuthLevel = (typeof AUTH_LEVELS)[keyof typeof AUTH_LEVELS];
