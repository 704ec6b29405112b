/**
 * The roots of every SWR query key, shaped like the API's URLs, so invalidating a repository
 * also invalidates its tags, permissions and the rest. Features extend these in their queries.ts.
 */
export const swrKeys = {
  region: (region: string) => ['swr', region] as const,
  namespaces: (region: string) => ['swr', region, 'namespaces'] as const,
  namespace: (region: string, namespace: string) =>
    ['swr', region, 'namespaces', namespace] as const,
  repositories: (region: string) => ['swr', region, 'repos'] as const,
  repository: (region: string, namespace: string, repository: string) =>
    ['swr', region, 'namespaces', namespace, 'repos', repository] as const,
};
