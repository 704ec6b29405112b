import { queryOptions } from '@tanstack/react-query';
import { swrKeys } from '../../shared/keys';
import { ALL_TAGS_CAP, allTagsQuery } from '../../shared/queries/tags';
import { getRetention, listHistory, type RepositoryRef } from './api';

/** A plan is shown for repositories of at most this many tags (ten of SWR's largest pages). */
export const PLAN_TAG_CAP = ALL_TAGS_CAP;

export const retentionKeys = {
  all: (ref: RepositoryRef) => [...swrKeys.repositoryOf(ref), 'retentions'] as const,
};

export const retentionQueries = {
  rule: (ref: RepositoryRef) =>
    queryOptions({
      queryKey: [...retentionKeys.all(ref), 'rule'],
      queryFn: ({ signal }) => getRetention(ref, signal),
    }),
  history: (ref: RepositoryRef) =>
    queryOptions({
      queryKey: [...retentionKeys.all(ref), 'history'],
      queryFn: ({ signal }) => listHistory(ref, signal),
    }),
  /** Every tag, for the plan. */
  tags: (ref: RepositoryRef) => allTagsQuery(ref.region, ref.namespace, ref.repository),
};
