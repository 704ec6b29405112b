import {
  fieldsOf,
  itemsOf,
  numberOf,
  parseJson,
  stringOf,
  type SwrClient,
  type TagLayers,
} from '@swr-console/swr-api';
import { z } from 'zod';
import { readAs, type RegionUpstream } from '../auth/clients.js';
import type { Kept } from '../registry/login.js';
import { RegistryReader, type ServedManifest } from '../registry/reader.js';

/**
 * What a repository's tags are made of, for the BFF's plans and storage views: every tag with the
 * manifest SWR's tag list carries (single images' layers need no registry read), and the layers
 * of multi-platform lists read from the registry by digest with the user's login.
 */

const TAG_PAGE = 500;

/** A repository's images are kept by digest across answers: a digest's content never changes. */
export const KEPT_MANIFESTS = 5_000;

const listedTag = z.object({
  Tag: z.string(),
  digest: z.string(),
  updated: z.string(),
  manifest: z.string().optional(),
});

/** A tag as the tag list gives it: what plans and storage read of it. */
export type ListedTag = z.infer<typeof listedTag>;

/** The layers a manifest names, or the digests of the images a list names. */
function partsOf(body: string | undefined) {
  const manifest = fieldsOf(parseJson(body ?? ''));
  const layers = itemsOf(manifest?.layers).flatMap((entry) => {
    const fields = fieldsOf(entry);
    const digest = stringOf(fields?.digest);
    const size = numberOf(fields?.size);
    return digest && size !== undefined ? [{ digest, size }] : [];
  });
  const images = itemsOf(manifest?.manifests).flatMap((entry) => {
    const digest = stringOf(fieldsOf(entry)?.digest);
    return digest ? [digest] : [];
  });
  return { manifest, layers, images };
}

/**
 * Every tag of a repository by name, as `item` reads each (only the fields it names are kept), or
 * undefined when the repository has more than `cap`. SWR's errors (a 404 for a missing
 * repository) are thrown as they are.
 */
export async function readTagPages<T>(
  swr: SwrClient,
  namespace: string,
  repository: string,
  cap: number,
  item: z.ZodType<T>,
): Promise<T[] | undefined> {
  const items = z.array(item);
  const tags: T[] = [];
  for (let offset = 0; ; offset += TAG_PAGE) {
    const answer = await swr.request('ListRepositoryTags', {
      path: { namespace, repository },
      query: { limit: TAG_PAGE, offset, order_column: 'tag', order_type: 'asc' },
    });
    const total = answer.range?.total;
    if (total !== undefined && total > cap) return undefined;
    const page = readAs(items, answer.data);
    tags.push(...page);
    if (page.length < TAG_PAGE || (total !== undefined && tags.length >= total)) break;
    if (tags.length >= cap) return undefined;
  }
  return tags;
}

/** Every tag with what plans and storage read of it (its manifest among them). */
export const readTags = (swr: SwrClient, namespace: string, repository: string, cap: number) =>
  readTagPages(swr, namespace, repository, cap, listedTag);

export type ImageRead = (repository: string, digest: string) => Promise<ServedManifest | undefined>;

/** Reads the images a multi-platform list names from the registry, kept by digest once read. */
export function imageReader(
  options: { insecureRegistries: boolean; timeoutMs: number },
  upstream: RegionUpstream,
  login: () => Promise<{ username: string; password: string }>,
  kept: Kept<ServedManifest>,
) {
  const base = `${options.insecureRegistries ? 'http' : 'https'}://${upstream.region.registry}`;
  const readers = new Map<string, RegistryReader>();
  return async (repository: string, digest: string): Promise<ServedManifest | undefined> => {
    const key = `${base}/${repository}@${digest}`;
    const known = kept.get(key);
    if (known) return known;
    let reader = readers.get(repository);
    if (!reader) {
      reader = new RegistryReader(base, repository, await login(), options.timeoutMs);
      readers.set(repository, reader);
    }
    const served = await reader.read(digest);
    if (served) kept.set(key, served);
    return served;
  };
}

/** Each tag's layers (every platform of a list), and the tags whose layers could not be read. */
export async function layersOfTags(
  repository: string,
  tags: readonly ListedTag[],
  images: ImageRead,
): Promise<{ layers: TagLayers[]; unreadable: Set<string> }> {
  const layers: TagLayers[] = [];
  const unreadable = new Set<string>();
  for (const tag of tags) {
    const parts = partsOf(tag.manifest);
    const own = [...parts.layers];
    for (const digest of parts.images) {
      try {
        const image = await images(repository, digest);
        if (image) own.push(...partsOf(image.body).layers);
      } catch {
        unreadable.add(tag.Tag);
      }
    }
    if (!parts.manifest) unreadable.add(tag.Tag);
    layers.push({ name: tag.Tag, layers: own });
  }
  return { layers, unreadable };
}
