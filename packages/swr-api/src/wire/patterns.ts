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

/**
 * Enterprise-edition names (namespaces, long-term credentials): lower-case letters and digits with
 * single `.`, `_` or `-` between them, 1–64 characters; unlike the Basic edition a digit may lead.
 */
export const ENTERPRISE_NAME_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
/** Names of Enterprise policies: letters, digits, Chinese characters, `_` and `-`. */
export const POLICY_NAME_PATTERN = /^[A-Za-z0-9_\-\u4e00-\u9fa5]{1,256}$/;

/** A long-term credential's name: lowercase letters and digits, single separators between. */
export const LT_CREDENTIAL_NAME_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/**
 * Resource tags on Enterprise namespaces. SWR documents a per-namespace maximum without its value;
 * the console and the sandbox use 20, SWR's documented maximum for an instance's own tags.
 */
export const RESOURCE_TAG_LIMITS = {
  perNamespace: 20,
  keyLength: 128,
  valueLength: 255,
  filterKeys: 50,
  filterValues: 10,
} as const;

/** Signing keys: which key algorithm signs with which signature algorithm. */
export const SIGNING_ALGORITHMS = {
  EC_P256: 'ECDSA_SHA_256',
  EC_P384: 'ECDSA_SHA_384',
  SM2: 'SM2DSA_SM3',
} as const;
export type KeySpec = keyof typeof SIGNING_ALGORITHMS;
export type SignatureAlgorithm = (typeof SIGNING_ALGORITHMS)[KeySpec];

/** The signature algorithm of a key spec as a service wrote it; undefined for one not known. */
export function signatureAlgorithmOf(spec: string): SignatureAlgorithm | undefined {
  return Object.entries(SIGNING_ALGORITHMS).find(([known]) => known === spec)?.[1];
}

/** Cosign keeps an image's signature in the same repository under this tag. */
export function signatureTagOf(digest: string): string {
  return `${digest.replace(':', '-')}.sig`;
}

/** The digest a cosign signature tag (`sha256-<hex>.sig`) signs, or undefined for other tags. */
export function signedDigestOf(tag: string): string | undefined {
  const match = /^(sha256|sha384|sha512)-([a-f0-9]{64,128})\.sig$/.exec(tag);
  return match ? `${match[1]}:${match[2]}` : undefined;
}

/** The media type of Harbor's native vulnerability report, the key of reports and scan overviews. */
export const VULNERABILITY_REPORT_TYPE =
  'application/vnd.security.vulnerability.report; version=1.1';

/**
 * What an Enterprise answer shows in place of a secret (a registry's password, a webhook header's
 * value); sent back on an update, it keeps the stored one.
 */
export const MASKED_SECRET = '*****';
