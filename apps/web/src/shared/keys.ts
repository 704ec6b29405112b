/**
 * The roots of every SWR query key, shaped like the API's URLs, so invalidating a repository
 * also invalidates its tags, permissions and the rest. Features extend these in their queries.ts.
 */
/** A repository of a region: what the repository tabs' calls and query keys are made from. */
export interface RepositoryRef {
  region: string;
  namespace: string;
  repository: string;
}

export const swrKeys = {
  region: (region: string) => ['swr', region] as const,
  namespaces: (region: string) => ['swr', region, 'namespaces'] as const,
  /** The list of the region's organizations, which shows each one's counts. */
  namespaceList: (region: string) => ['swr', region, 'namespaces', 'list'] as const,
  namespace: (region: string, namespace: string) =>
    ['swr', region, 'namespaces', namespace] as const,
  /** An organization's own facts (its repository count among them), without its repositories. */
  namespaceDetail: (region: string, namespace: string) =>
    ['swr', region, 'namespaces', namespace, 'detail'] as const,
  repositories: (region: string) => ['swr', region, 'repos'] as const,
  repository: (region: string, namespace: string, repository: string) =>
    ['swr', region, 'namespaces', namespace, 'repos', repository] as const,
  /** The same key as `repository`, from a RepositoryRef. */
  repositoryOf: (ref: RepositoryRef) =>
    ['swr', ref.region, 'namespaces', ref.namespace, 'repos', ref.repository] as const,
  // Region-wide summaries: the changes that move them refresh them by these keys.
  /** The account's quotas in the region (how many organizations it may have, and has). */
  quotas: (region: string) => ['swr', region, 'quotas'] as const,
  /** The account's totals in the region: organizations, repositories, images, bytes. */
  overview: (region: string) => ['swr', region, 'overview'] as const,
  /** What sync and retention did lately, read from the most recently changed repositories. */
  activity: (region: string) => ['swr', region, 'activity'] as const,
};
