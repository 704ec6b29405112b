import { ImmutabilityMatcher } from '@swr-console/swr-api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InstanceRef } from './api';
import { enterpriseKeys } from './queries';
import {
  buildHistory,
  immutableRules,
  inspectArtifact,
  namespaceDetail,
  namespaceTagsByRepository,
  repositoryTags,
  vulnerabilityReport,
} from './security-api';

/** Queries of the security pages, under each namespace's key so its changes refresh them. */
export const securityQueries = {
  namespace: (ref: InstanceRef, namespace: string) =>
    queryOptions({
      queryKey: [...enterpriseKeys.namespace(ref, namespace), 'detail'],
      queryFn: ({ signal }) => namespaceDetail(ref, namespace, signal),
    }),
  rules: (ref: InstanceRef, namespace: string, namespaceId: number) =>
    queryOptions({
      queryKey: [...enterpriseKeys.namespace(ref, namespace), 'immutable-rules', namespaceId],
      queryFn: ({ signal }) => immutableRules(ref, namespaceId, signal),
    }),
  tags: (ref: InstanceRef, namespace: string, repository: string) =>
    queryOptions({
      queryKey: [...enterpriseKeys.namespace(ref, namespace), 'repositories', repository, 'tags'],
      queryFn: ({ signal }) => repositoryTags(ref, namespace, repository, signal),
    }),
  namespaceTags: (ref: InstanceRef, namespace: string) =>
    queryOptions({
      queryKey: [...enterpriseKeys.namespace(ref, namespace), 'tags-by-repository'],
      queryFn: ({ signal }) => namespaceTagsByRepository(ref, namespace, signal),
    }),
  /** A report, by the scan that wrote it (`scan`: its end time), so a new scan is read anew. */
  report: (ref: InstanceRef, namespace: string, repository: string, digest: string, scan: string) =>
    queryOptions({
      queryKey: [...enterpriseKeys.namespace(ref, namespace), 'report', repository, digest, scan],
      queryFn: ({ signal }) => vulnerabilityReport(ref, namespace, repository, digest, signal),
    }),
  image: (
    ref: InstanceRef,
    namespace: string,
    repository: string,
    digest: string,
    platform: string | undefined,
  ) =>
    queryOptions({
      queryKey: [
        ...enterpriseKeys.namespace(ref, namespace),
        'image',
        repository,
        digest,
        platform ?? '',
      ],
      queryFn: ({ signal }) =>
        inspectArtifact(ref, namespace, repository, digest, platform, signal),
      staleTime: Infinity,
    }),
  history: (ref: InstanceRef, namespace: string, repository: string, digest: string) =>
    queryOptions({
      queryKey: [...enterpriseKeys.namespace(ref, namespace), 'history', repository, digest],
      queryFn: ({ signal }) => buildHistory(ref, namespace, repository, digest, signal),
      staleTime: Infinity,
    }),
};

/**
 * The namespace's immutability rules as the server applies them (the same matcher), with the
 * namespace itself; undefined while either is loading.
 */
export function useImmutability(ref: InstanceRef, namespace: string) {
  const detail = useQuery(securityQueries.namespace(ref, namespace));
  const rules = useQuery({
    ...securityQueries.rules(ref, namespace, detail.data?.namespace_id ?? 0),
    enabled: detail.data !== undefined,
  });
  return {
    namespace: detail.data,
    rules: rules.data,
    matcher: rules.data && new ImmutabilityMatcher(rules.data),
    error: detail.error ?? rules.error,
  };
}
