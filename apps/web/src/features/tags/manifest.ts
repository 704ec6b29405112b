import type { TagListItem } from '@swr-console/swr-api';
import { fieldsOf, itemsOf, parseJson, stringOf } from '../../shared/json';

export type TagKind = 'image' | 'index' | 'signature';

/** SWR's tag_type, with the cosign name convention as a fallback for regions that send 0. */
export function tagKind(item: Pick<TagListItem, 'Tag' | 'tag_type'>): TagKind {
  if (item.tag_type === 2 || /^sha256-[a-f0-9]{64}\.sig$/.test(item.Tag)) return 'signature';
  return item.tag_type === 1 ? 'index' : 'image';
}

/** The digest a cosign signature tag (`sha256-<hex>.sig`) signs. */
export function signedDigest(tag: string): string | undefined {
  const match = /^sha256-([a-f0-9]{64})\.sig$/.exec(tag);
  return match ? `sha256:${match[1]}` : undefined;
}

/**
 * The platforms of a multi-arch index, as "os/architecture[/variant]", read from the manifest
 * JSON SWR sends as a string. BuildKit's attestation entries (unknown/unknown) are not platforms
 * anyone pulls, so they are left out; a manifest that does not parse gives none.
 */
export function platformsOf(manifest: string): string[] {
  const platforms = new Set<string>();
  for (const entry of itemsOf(fieldsOf(parseJson(manifest))?.manifests)) {
    const platform = fieldsOf(fieldsOf(entry)?.platform);
    const os = stringOf(platform?.os);
    const architecture = stringOf(platform?.architecture);
    if (!os || !architecture) continue;
    if (os === 'unknown' && architecture === 'unknown') continue;
    platforms.add([os, architecture, stringOf(platform?.variant)].filter(Boolean).join('/'));
  }
  return [...platforms];
}
