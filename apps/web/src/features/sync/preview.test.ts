import { describe, expect, it } from 'vitest';
import { countOutcomes, previewSync } from './preview';

const tags = [
  { name: 'new', digest: 'sha256:aa' },
  { name: 'same', digest: 'sha256:bb' },
  { name: 'other', digest: 'sha256:cc' },
];
const target = new Map([
  ['same', 'sha256:bb'],
  ['other', 'sha256:ff'],
  ['unrelated', 'sha256:00'],
]);

describe('previewSync', () => {
  it('when override is off, then a tag with other content in the target is kept, not replaced', () => {
    const rows = previewSync(tags, target, false);
    expect(rows.map((row) => [row.tag, row.outcome])).toEqual([
      ['new', 'copy'],
      ['same', 'same'],
      ['other', 'kept'],
    ]);
    expect(rows[2]!.targetDigest).toBe('sha256:ff');
    expect(countOutcomes(rows)).toEqual({ copy: 1, same: 1, kept: 1, replace: 0 });
  });

  it('when override is on, then only a tag with other content is replaced; the same image is left', () => {
    const rows = previewSync(tags, target, true);
    expect(rows.map((row) => row.outcome)).toEqual(['copy', 'same', 'replace']);
  });

  it('when the target has no such repository, then every tag is copied', () => {
    expect(previewSync(tags, new Map(), false).every((row) => row.outcome === 'copy')).toBe(true);
  });
});
