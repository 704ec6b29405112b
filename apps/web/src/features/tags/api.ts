export { listAllTags, listTags, type AllTags, type TagPage } from '../../shared/queries/tags';
import { swrClient } from '../../shared/swr';
import { sendDeletion } from '../../shared/deletions';

export async function createTag(
  region: string,
  namespace: string,
  repository: string,
  body: { source: string; destination: string; override: boolean },
) {
  await swrClient(region).request('CreateRepoTag', {
    path: { namespace, repository },
    body: { source_tag: body.source, destination_tag: body.destination, override: body.override },
  });
}

export async function deleteTag(
  region: string,
  namespace: string,
  repository: string,
  tag: string,
) {
  return sendDeletion(region, 'DeleteRepoTag', { path: { namespace, repository, tag } });
}
