import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVersion, sortByVersion } from './semver';

const sorted = (tags: string[], order: 'asc' | 'desc' = 'asc') =>
  sortByVersion(tags, (tag) => tag, order);

describe('parseVersion', () => {
  it('when a tag is a version with or without "v" and a pre-release, then its parts are read', () => {
    expect(parseVersion('v1.2.3')).toEqual({ release: ['1', '2', '3'], pre: [] });
    expect(parseVersion('1.2.3-rc.1')).toEqual({ release: ['1', '2', '3'], pre: ['rc', '1'] });
    expect(parseVersion('1.10')).toEqual({ release: ['1', '10'], pre: [] });
  });

  it('when a tag is not a version, then there is none', () => {
    for (const tag of [
      'latest',
      'main',
      'v',
      '1.2.3_build',
      '1..2',
      '1.2.3.4.5',
      '1.2.3-',
      'sha256-abc.sig',
      'v1.2.3-rc..1',
    ]) {
      expect(parseVersion(tag), tag).toBeUndefined();
    }
  });
});

describe('sortByVersion', () => {
  it('when versions differ in a part with more digits, then they compare by value, not by text', () => {
    expect(sorted(['1.10', '1.9', '1.2', '10', '2'])).toEqual(['1.2', '1.9', '1.10', '2', '10']);
  });

  it('when tags carry pre-releases, then they follow semver precedence', () => {
    const precedence = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
    ];
    expect(sorted([...precedence].reverse())).toEqual(precedence);
    expect(sorted(['v1.0.0-rc.10', 'v1.0.0-rc.2', 'v1.0.0'])).toEqual([
      'v1.0.0-rc.2',
      'v1.0.0-rc.10',
      'v1.0.0',
    ]);
  });

  it('when tags are not versions, then they come after the versions by name, in either direction', () => {
    const tags = ['main', 'v1.2.3', 'latest', '1.2.3-rc.1', 'v2.0'];
    expect(sorted(tags, 'asc')).toEqual(['1.2.3-rc.1', 'v1.2.3', 'v2.0', 'latest', 'main']);
    expect(sorted(tags, 'desc')).toEqual(['v2.0', 'v1.2.3', '1.2.3-rc.1', 'latest', 'main']);
  });

  it('when versions are equal ("1.2", "1.2.0", "v1.2", "1.02"), then the name decides', () => {
    expect(sorted(['v1.2', '1.2.0', '1.02', '1.2', '1.1'])).toEqual([
      '1.1',
      '1.02',
      '1.2',
      '1.2.0',
      'v1.2',
    ]);
  });

  it('when a part exceeds the safe integer range, then it still compares exactly', () => {
    expect(sorted(['20240101000000000002', '20240101000000000001', '9'], 'desc')).toEqual([
      '20240101000000000002',
      '20240101000000000001',
      '9',
    ]);
  });

  it('when sorting, then the input is left as it was', () => {
    const tags = ['2', '1'];
    sorted(tags);
    expect(tags).toEqual(['2', '1']);
  });

  it('for any order of the same tags, then the result is the same permutation of them', () => {
    const tag = fc.oneof(
      fc
        .tuple(
          fc.nat(30),
          fc.nat(30),
          fc.nat(30),
          fc.constantFrom('', '-rc.1', '-rc.2', '-beta', '-1'),
        )
        .map(([a, b, c, pre]) => `${a}.${b}.${c}${pre}`),
      fc.constantFrom('latest', 'main', 'dev', 'v1', '1.0', 'v1.0.0'),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(tag, { maxLength: 40 }),
        fc.constantFrom('asc' as const, 'desc' as const),
        (tags, order) => {
          const once = sorted(tags, order);
          expect([...once].sort()).toEqual([...tags].sort());
          expect(sorted([...tags].reverse(), order)).toEqual(once);
        },
      ),
    );
  });
});
