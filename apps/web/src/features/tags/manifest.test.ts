import { describe, expect, it } from 'vitest';
import { platformsOf, signedDigest, tagKind } from './manifest';

const hex = 'ab'.repeat(32);

describe('platformsOf', () => {
  it('when an index lists platforms, then they are read with variants and without attestations or repeats', () => {
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { digest: 'sha256:1', platform: { os: 'linux', architecture: 'amd64' } },
        { digest: 'sha256:2', platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
        { digest: 'sha256:3', platform: { os: 'unknown', architecture: 'unknown' } },
        { digest: 'sha256:4', platform: { os: 'linux', architecture: 'amd64' } },
        { digest: 'sha256:5' },
      ],
    });
    expect(platformsOf(manifest)).toEqual(['linux/amd64', 'linux/arm64/v8']);
  });

  it('when the manifest is not an index or not JSON, then there are no platforms', () => {
    expect(platformsOf(JSON.stringify({ schemaVersion: 2, layers: [] }))).toEqual([]);
    expect(platformsOf('{not json')).toEqual([]);
    expect(platformsOf('null')).toEqual([]);
  });
});

describe('tagKind', () => {
  it('when SWR sends tag_type, then it decides', () => {
    expect(tagKind({ Tag: 'v1', tag_type: 0 })).toBe('image');
    expect(tagKind({ Tag: 'v1', tag_type: 1 })).toBe('index');
    expect(tagKind({ Tag: 'v1', tag_type: 2 })).toBe('signature');
  });

  it('when a cosign signature tag arrives as type 0, then its name still marks it', () => {
    expect(tagKind({ Tag: `sha256-${hex}.sig`, tag_type: 0 })).toBe('signature');
    expect(signedDigest(`sha256-${hex}.sig`)).toBe(`sha256:${hex}`);
    expect(signedDigest('v1.sig')).toBeUndefined();
  });
});
