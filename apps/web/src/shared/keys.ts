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
  namespace: (region: string, namespace: string) =>
    ['swr', region, 'namespaces', namespace] as const,
  repositories: (region: string) => ['swr', region, 'repos'] as const,
  repository: (region: string, namespace: string, repository: string) =>
    ['swr', region, 'namespaces', namespace, 'repos', repository] as const,
  /** The same key as `repository`, from a RepositoryRef. */
  repositoryOf: (ref: RepositoryRef) =>
    ['swr', ref.region, 'namespaces', ref.namespace, 'repos', ref.repository] as const,
};
