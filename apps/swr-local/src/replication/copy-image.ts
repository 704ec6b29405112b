import { manifestOf, manifestProblem } from '../domain/manifests.js';
import { abortedError, RemoteRegistryError } from './errors.js';
import type { RemoteManifest, RemoteRegistry } from './remote-registry.js';

/** A repository of a registry: where an image is copied from or to. */
export interface ImageEndpoint {
  registry: RemoteRegistry;
  repository: string;
}

/** A blob of the image that is now at the target, and how it got there. */
export interface CopiedBlob {
  digest: string;
  size: number;
  /** Streamed across; mounted from the source repository of the same registry; or there already. */
  outcome: 'uploaded' | 'mounted' | 'present';
}

export interface CopyImageOptions {
  tag: string;
  /** Whether a tag the target has, pointing at another image, is replaced. */
  override: boolean;
  signal?: AbortSignal;
  /** Called as each blob reaches the target (progress; a throw ends the copy). */
  onBlob?: (blob: CopiedBlob) => void;
}

export interface CopyImageResult {
  /**
   * `copied`: the target's tag now points at the source's image; `skipped-same-digest`: it did
   * already; `exists`: it points at another image, left alone (no override).
   */
  status: 'copied' | 'exists' | 'skipped-same-digest';
  /** The source's manifest digest, which the target's tag has once copied. */
  digest: string;
  /** Blob bytes streamed to the target (blobs it had, or mounted, are not counted). */
  bytes: number;
  /** With `exists`: the digest the target's tag points at. */
  targetDigest?: string;
}

/** An index of indexes of … is legal; this is deeper than any image tool makes them. */
const MAX_INDEX_DEPTH = 4;
/** Layers that live outside registries (Windows base layers): never pushed, so never copied. */
const NON_DISTRIBUTABLE = /foreign|nondistributable/;

/**
 * Copies the image a tag points at from one registry to another, keeping its digest: the blobs
 * the target lacks (each child of an index first, by digest, with its blobs), then the tagged
 * manifest as the source's exact bytes. Blobs are streamed, counted and hashed, never held whole.
 * The tag is written last, so a copy that fails or is cancelled leaves no tag behind.
 */
export async function copyImage(
  from: ImageEndpoint,
  to: ImageEndpoint,
  options: CopyImageOptions,
): Promise<CopyImageResult> {
  const { tag, signal } = options;
  const source = await from.registry.manifest(from.repository, tag, { signal });
  if (!source)
    throw new RemoteRegistryError(
      404,
      'MANIFEST_UNKNOWN',
      `${from.repository}:${tag} is not in ${from.registry.url}`,
    );
  const existing = await to.registry.manifestDigest(to.repository, tag, { signal });
  if (existing === source.digest)
    return { status: 'skipped-same-digest', digest: source.digest, bytes: 0 };
  if (existing && !options.override)
    return { status: 'exists', digest: source.digest, bytes: 0, targetDigest: existing };

  const copy = new Copy(from, to, options);
  await copy.contents(source, 0);
  if (signal?.aborted) throw abortedError(signal);
  await to.registry.putManifest(to.repository, tag, source.mediaType, source.body, { signal });
  return { status: 'copied', digest: source.digest, bytes: copy.bytes };
}

class Copy {
  bytes = 0;
  /** Blobs can be mounted across repositories of one registry, sparing their transfer. */
  private readonly sameRegistry: boolean;

  constructor(
    private readonly from: ImageEndpoint,
    private readonly to: ImageEndpoint,
    private readonly options: CopyImageOptions,
  ) {
    this.sameRegistry = from.registry.url === to.registry.url;
  }

  /** Everything a manifest refers to, so that the target can take the manifest itself. */
  async contents(manifest: RemoteManifest, depth: number): Promise<void> {
    const { from, to } = this;
    const signal = this.options.signal;
    const text = manifest.body.toString('utf8');
    const problem = manifestProblem(text);
    if (problem)
      throw new RemoteRegistryError(
        undefined,
        'MANIFEST_INVALID',
        `${from.repository}@${manifest.digest} cannot be copied: ${problem}`,
      );
    const parsed = manifestOf(text);
    if (parsed.manifests) {
      if (depth >= MAX_INDEX_DEPTH)
        throw new RemoteRegistryError(
          undefined,
          'MANIFEST_INVALID',
          `${from.repository}@${manifest.digest} nests indexes too deep`,
        );
      for (const { digest } of parsed.manifests) {
        if (await to.registry.manifestDigest(to.repository, digest!, { signal })) continue;
        const child = await from.registry.manifest(from.repository, digest!, { signal });
        if (!child)
          throw new RemoteRegistryError(
            404,
            'MANIFEST_UNKNOWN',
            `${from.repository}@${digest} (of the index ${manifest.digest}) is not in ${from.registry.url}`,
          );
        await this.contents(child, depth + 1);
        await to.registry.putManifest(to.repository, digest!, child.mediaType, child.body, {
          signal,
        });
      }
      return;
    }
    const blobs = new Map<string, number>();
    for (const descriptor of [parsed.config, ...(parsed.layers ?? [])])
      if (descriptor && !NON_DISTRIBUTABLE.test(descriptor.mediaType ?? ''))
        blobs.set(descriptor.digest!, descriptor.size!);
    for (const [digest, size] of blobs) await this.blob(digest, size);
  }

  private async blob(digest: string, size: number): Promise<void> {
    const { from, to } = this;
    const signal = this.options.signal;
    if (signal?.aborted) throw abortedError(signal);
    let outcome: CopiedBlob['outcome'];
    if (await to.registry.hasBlob(to.repository, digest, { signal })) outcome = 'present';
    else if (await this.mounted(digest)) outcome = 'mounted';
    else {
      const blob = await from.registry.getBlob(from.repository, digest, { signal });
      if (blob.size !== undefined && blob.size !== size) {
        blob.stream.destroy();
        throw new RemoteRegistryError(
          undefined,
          'SIZE_MISMATCH',
          `${from.registry.url} serves the blob ${digest} with ${blob.size} bytes; its manifest says ${size}`,
        );
      }
      await to.registry.putBlob(to.repository, digest, size, blob.stream, { signal });
      this.bytes += size;
      outcome = 'uploaded';
    }
    this.options.onBlob?.({ digest, size, outcome });
  }

  /** A mount the registry refuses (the target's credentials may not read the source) is an upload. */
  private async mounted(digest: string): Promise<boolean> {
    if (!this.sameRegistry) return false;
    try {
      return await this.to.registry.mountBlob(this.to.repository, digest, this.from.repository, {
        signal: this.options.signal,
      });
    } catch (error) {
      if (error instanceof RemoteRegistryError && error.status !== undefined && !error.transient)
        return false;
      throw error;
    }
  }
}
