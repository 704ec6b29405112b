export { listAllTags, listTags, type AllTags, type TagPage } from '../../shared/queries/tags';
import { swrCall } from '@swr-console/swr-api';
import { send } from '../../shared/swr';
import { sendDeletion } from '../../shared/deletions';

export interface NewTag {
  source: string;
  destination: string;
  override: boolean;
}

export const createTagCall = (namespace: string, repository: string, tag: NewTag) =>
  swrCall('CreateRepoTag', {
    path: { namespace, repository },
    body: { source_tag: tag.source, destination_tag: tag.destination, override: tag.override },
  });

export async function createTag(
  region: string,
  namespace: string,
  repository: string,
  tag: NewTag,
) {
  await send(region, createTagCall(namespace, repository, tag));
}

export const deleteTagCall = (namespace: string, repository: string, tag: string) =>
  swrCall('DeleteRepoTag', { path: { namespace, repository, tag } });

export async function deleteTag(
  region: string,
  namespace: string,
  repository: string,
  tag: string,
) {
  return sendDeletion(region, deleteTagCall(namespace, repository, tag));
}
