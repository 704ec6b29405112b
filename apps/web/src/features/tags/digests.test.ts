import { describe, expect, it } from 'vitest';
import { sameImageTags, tagsKeepingImage } from './digests';

const row = (Tag: string, digest: string) => ({ Tag, digest });

describe('sameImageTags', () => {
  it('when tags share a digest, then each lists the others in row order, and lone tags are absent', () => {
    const groups = sameImageTags([
      row('latest', 'sha256:a'),
      row('v1.2', 'sha256:b'),
      row('v1.3', 'sha256:a'),
      row('stable', 'sha256:a'),
    ]);
    expect(Object.fromEntries(groups)).toEqual({
      latest: ['v1.3', 'stable'],
      'v1.3': ['latest', 'stable'],
      stable: ['latest', 'v1.3'],
    });
  });

  it('when a row has no digest, then it is not grouped with other digest-less rows', () => {
    expect(sameImageTags([row('a', ''), row('b', '')]).size).toBe(0);
  });
});

describe('tagsKeepingImage', () => {
  const loaded = [
    row('latest', 'sha256:a'),
    row('v1.3', 'sha256:a'),
    row('v1.2', 'sha256:b'),
    row('old', 'sha256:b'),
    row('solo', 'sha256:c'),
  ];

  it('when some tags of an image stay, then the deleted ones name those that stay', () => {
    const kept = tagsKeepingImage([row('latest', 'sha256:a'), row('solo', 'sha256:c')], loaded);
    expect(Object.fromEntries(kept)).toEqual({ latest: ['v1.3'] });
  });

  it('when every tag of an image is deleted, then no warning is given for it', () => {
    expect(tagsKeepingImage([row('v1.2', 'sha256:b'), row('old', 'sha256:b')], loaded).size).toBe(
      0,
    );
  });
});
