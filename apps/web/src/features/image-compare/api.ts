import type { ImageInspection } from '@swr-console/swr-api';
import { queryOptions } from '@tanstack/react-query';
import { bff } from '../../shared/http';
import { swrKeys } from '../../shared/keys';

/** One side of a comparison: a tag (or digest) of the repository in a region. */
export interface ImageRef {
  region: string;
  namespace: string;
  repository: string;
  reference: string;
  platform?: string | undefined;
}

export async function inspectImage(ref: ImageRef, signal?: AbortSignal): Promise<ImageInspection> {
  return bff.call(
    'InspectImage',
    {
      params: { region: ref.region },
      query: {
        namespace: ref.namespace,
        repository: ref.repository,
        reference: ref.reference,
        ...(ref.platform ? { platform: ref.platform } : {}),
      },
    },
    { signal },
  );
}

/** Under the repository's key: a push or a deletion there reads the tag again. */
export const imageQuery = (ref: ImageRef) =>
  queryOptions({
    queryKey: [
      ...swrKeys.repository(ref.region, ref.namespace, ref.repository),
      'image',
      ref.reference,
      ref.platform ?? '',
    ],
    queryFn: ({ signal }) => inspectImage(ref, signal),
    staleTime: 60_000,
  });
