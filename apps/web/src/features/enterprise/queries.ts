import { queryOptions } from '@tanstack/react-query';
import type { TagsFilterBody } from '@swr-console/swr-api';
import { swrKeys } from '../../shared/keys';
import {
  executionResults,
  instanceTagKeys,
  listArtifacts,
  listExecutions,
  listInstances,
  listKeys,
  listPolicies,
  listRepositories,
  namespaceArtifacts,
  namespaceTags,
  signaturesOf,
  taggedNamespaces,
  type InstanceRef,
} from './api';

/**
 * Keys under the region's root, so a region's invalidation reaches the Enterprise pages too. An
 * instance's lists are apart from each namespace and each policy, so that a change to one of them
 * refreshes it and the lists it is in, not the others.
 */
export const enterpriseKeys = {
  instances: (region: string) => [...swrKeys.region(region), 'enterprise'] as const,
  instance: (ref: InstanceRef) =>
    [...swrKeys.region(ref.region), 'enterprise', ref.instance] as const,
  /** The lists of the instance's namespaces (by tag filter) and of the tag keys they carry. */
  namespaces: (ref: InstanceRef) => [...enterpriseKeys.instance(ref), 'namespaces'] as const,
  /** One namespace: its tags, repositories, artifacts and their signatures. */
  namespace: (ref: InstanceRef, namespace: string) =>
    [...enterpriseKeys.instance(ref), 'namespace', namespace] as const,
  /** The list of the instance's signing policies (SWR has none per namespace). */
  policies: (ref: InstanceRef) => [...enterpriseKeys.instance(ref), 'policies'] as const,
  /** One policy: its executions and their results. */
  policy: (ref: InstanceRef, policy: number) =>
    [...enterpriseKeys.instance(ref), 'policy', policy] as const,
  keys: (region: string) => [...swrKeys.region(region), 'kms', 'keys'] as const,
};

export const enterpriseQueries = {
  instances: (region: string, projectId: string) =>
    queryOptions({
      queryKey: enterpriseKeys.instances(region),
      queryFn: ({ signal }) => listInstances(region, projectId, signal),
      staleTime: 60_000,
    }),
  namespaces: (ref: InstanceRef, filter: NonNullable<TagsFilterBody['tags']>) =>
    queryOptions({
      queryKey: [...enterpriseKeys.namespaces(ref), 'tagged', filter],
      queryFn: ({ signal }) => taggedNamespaces(ref, filter, signal),
    }),
  tagKeys: (ref: InstanceRef) =>
    queryOptions({
      queryKey: [...enterpriseKeys.namespaces(ref), 'tag-keys'],
      queryFn: ({ signal }) => instanceTagKeys(ref, signal),
    }),
  tags: (ref: InstanceRef, namespace: string) =>
    queryOptions({
      queryKey: [...enterpriseKeys.namespace(ref, namespace), 'tags'],
      queryFn: ({ signal }) => namespaceTags(ref, namespace, signal),
    }),
  repositories: (ref: InstanceRef, namespace: string) =>
    queryOptions({
      queryKey: [...enterpriseKeys.namespace(ref, namespace), 'repositories'],
      queryFn: ({ signal }) => listRepositories(ref, namespace, signal),
    }),
  artifacts: (ref: InstanceRef, namespace: string, repository: string) =>
    queryOptions({
      queryKey: [...enterpriseKeys.namespace(ref, namespace), 'repositories', repository],
      queryFn: ({ signal }) => listArtifacts(ref, namespace, repository, signal),
    }),
  signatures: (ref: InstanceRef, namespace: string, repository: string, digests: string[]) =>
    queryOptions({
      queryKey: [
        ...enterpriseKeys.namespace(ref, namespace),
        'repositories',
        repository,
        'signatures',
        digests,
      ],
      queryFn: ({ signal }) => signaturesOf(ref, namespace, repository, digests, signal),
      enabled: digests.length > 0,
    }),
  policies: (ref: InstanceRef) =>
    queryOptions({
      queryKey: enterpriseKeys.policies(ref),
      queryFn: ({ signal }) => listPolicies(ref, signal),
    }),
  executions: (ref: InstanceRef, namespace: string, policy: number) =>
    queryOptions({
      queryKey: [...enterpriseKeys.policy(ref, policy), 'executions'],
      queryFn: ({ signal }) => listExecutions(ref, namespace, policy, signal),
    }),
  results: (ref: InstanceRef, namespace: string, policy: number, execution: number) =>
    queryOptions({
      queryKey: [...enterpriseKeys.policy(ref, policy), 'executions', execution],
      queryFn: ({ signal }) => executionResults(ref, namespace, policy, execution, signal),
    }),
  candidates: (ref: InstanceRef, namespace: string) =>
    queryOptions({
      queryKey: [...enterpriseKeys.namespace(ref, namespace), 'candidates'],
      queryFn: ({ signal }) => namespaceArtifacts(ref, namespace, signal),
    }),
  keys: (region: string, projectId: string) =>
    queryOptions({
      queryKey: enterpriseKeys.keys(region),
      queryFn: ({ signal }) => listKeys({ region, projectId }, signal),
    }),
};
