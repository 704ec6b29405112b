import { fieldsOf, parseJson } from '@swr-console/swr-api';
import { z } from 'zod';

/** What swr-local needs to know of a manifest: its kind, its size and, for an index, its platforms. */
export interface ManifestFacts {
  mediaType: string;
  isIndex: boolean;
  /** Config plus layers for an image; the children's digests for an index. */
  children: string[];
  imageSize: number;
  configDigest: string;
  platforms: { os: string; architecture: string; variant?: string; digest: string }[];
  /** Docker schema version (1 or 2), as SWR reports it. */
  schema: number;
}

export const INDEX_TYPES = new Set([
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
]);

export const MANIFEST_TYPES = new Set([
  ...INDEX_TYPES,
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v1+prettyjws',
  'application/vnd.docker.distribution.manifest.v1+json',
]);

const descriptor = z.looseObject({
  digest: z.string().optional(),
  size: z.number().optional(),
  mediaType: z.string().optional(),
  platform: z
    .looseObject({
      os: z.string().optional(),
      architecture: z.string().optional(),
      variant: z.string().optional(),
    })
    .optional(),
});

/** The fields of a manifest (image or index, any schema version) swr-local reads. */
export const manifestBody = z.looseObject({
  schemaVersion: z.number().optional(),
  mediaType: z.string().optional(),
  config: descriptor.optional(),
  layers: z.array(descriptor).optional(),
  manifests: z.array(descriptor).optional(),
});
export type ManifestBody = z.output<typeof manifestBody>;

/** A manifest's JSON read by its schema; an unreadable one reads as empty (nothing to count). */
export function manifestOf(body: string): ManifestBody {
  return manifestBody.safeParse(parseJson(body)).data ?? {};
}

/** Reads a manifest; a declared content type wins over the body's own `mediaType`. */
export function readManifest(body: string, contentType?: string): ManifestFacts {
  return factsOf(manifestOf(body), contentType);
}

/** The facts of a manifest already read with `manifestOf`. */
export function factsOf(parsed: ManifestBody, contentType?: string): ManifestFacts {
  const mediaType =
    contentType && MANIFEST_TYPES.has(contentType)
      ? contentType
      : (parsed.mediaType ?? guess(parsed));
  if (Array.isArray(parsed.manifests)) {
    return {
      mediaType,
      isIndex: true,
      children: parsed.manifests.map((m) => m.digest ?? '').filter(Boolean),
      imageSize: 0,
      configDigest: '',
      platforms: parsed.manifests
        .filter((m) => m.digest && m.platform)
        .map((m) => ({
          os: m.platform?.os ?? 'unknown',
          architecture: m.platform?.architecture ?? 'unknown',
          ...(m.platform?.variant ? { variant: m.platform.variant } : {}),
          digest: m.digest!,
        })),
      schema: 2,
    };
  }
  const layers = parsed.layers ?? [];
  return {
    mediaType,
    isIndex: false,
    children: [parsed.config?.digest ?? '', ...layers.map((l) => l.digest ?? '')].filter(Boolean),
    imageSize:
      (parsed.config?.size ?? 0) + layers.reduce((sum, layer) => sum + (layer.size ?? 0), 0),
    configDigest: parsed.config?.digest ?? '',
    platforms: [],
    schema: parsed.schemaVersion === 1 ? 1 : 2,
  };
}

function guess(body: ManifestBody): string {
  if (Array.isArray(body.manifests)) return 'application/vnd.oci.image.index.v1+json';
  return body.schemaVersion === 1
    ? 'application/vnd.docker.distribution.manifest.v1+json'
    : 'application/vnd.oci.image.manifest.v1+json';
}

/** The digest algorithms Distribution takes, with the length of their hex encoding. */
const DIGEST_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** `algorithm:hex` of an algorithm a registry takes, in the right length. */
export function isDigest(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const [algorithm = '', encoded = '', ...rest] = value.split(':');
  const length = DIGEST_LENGTHS[algorithm];
  return (
    rest.length === 0 && length !== undefined && new RegExp(`^[a-f0-9]{${length}}$`).test(encoded)
  );
}

function descriptorProblem(value: unknown, what: string): string | undefined {
  const descriptor = fieldsOf(value);
  if (!descriptor) return `${what} is not a descriptor`;
  if (!isDigest(descriptor.digest)) return `${what} has no valid digest`;
  const size = descriptor.size;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
    return `${what} has no valid size`;
  if (descriptor.mediaType !== undefined && typeof descriptor.mediaType !== 'string')
    return `${what} has a media type that is not text`;
  return undefined;
}

/**
 * What is wrong with a manifest a client pushes, or undefined: JSON of schema version 2, an image
 * (config and layers) or an index (manifests), each descriptor with a digest and a size. Checked
 * before the registry sees it, which would otherwise fail on some of these with a 500.
 */
export function manifestProblem(body: string): string | undefined {
  const json = parseJson(body);
  if (json === undefined) return 'the manifest is not JSON';
  const parsed = fieldsOf(json);
  if (!parsed) return 'the manifest is not a JSON object';
  if (parsed.schemaVersion !== 2) return 'only schema version 2 manifests are accepted';
  if (parsed.mediaType !== undefined && typeof parsed.mediaType !== 'string')
    return 'the manifest media type is not text';
  if (parsed.manifests !== undefined) {
    if (!Array.isArray(parsed.manifests)) return 'manifests is not a list';
    for (const [i, child] of parsed.manifests.entries()) {
      const problem = descriptorProblem(child, `manifests[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  const config = descriptorProblem(parsed.config, 'config');
  if (config) return config;
  if (!Array.isArray(parsed.layers)) return 'layers is not a list';
  for (const [i, layer] of parsed.layers.entries()) {
    const problem = descriptorProblem(layer, `layers[${i}]`);
    if (problem) return problem;
  }
  return undefined;
}
