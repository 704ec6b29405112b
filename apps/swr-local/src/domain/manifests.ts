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

interface Descriptor {
  digest?: string;
  size?: number;
  mediaType?: string;
  platform?: { os?: string; architecture?: string; variant?: string };
}

interface ManifestBody {
  schemaVersion?: number;
  mediaType?: string;
  config?: Descriptor;
  layers?: Descriptor[];
  manifests?: Descriptor[];
}

/** Reads a manifest; a declared content type wins over the body's own `mediaType`. */
export function readManifest(body: string, contentType?: string): ManifestFacts {
  const parsed = JSON.parse(body) as ManifestBody;
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
