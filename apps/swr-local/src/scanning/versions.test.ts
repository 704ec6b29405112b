import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareApk, compareDebian, comparatorFor } from './versions.js';

/** `[older, newer]` pairs; each is also checked the other way round and against itself. */
const DEBIAN_ORDER: [string, string][] = [
  ['1.0~rc1', '1.0'],
  ['1.0~~', '1.0~'],
  ['1.0~', '1.0'],
  ['2.0', '1:0.1'],
  ['2.36-9+deb12u1', '2.36-9+deb12u3'],
  ['2.36-9+deb12u3', '2.36-9+deb12u10'],
  ['2.36-9', '2.36-9+deb12u1'],
  ['1:1.2.11.dfsg-2+deb11u1', '1:1.2.11.dfsg-2+deb11u2'],
  ['1.2.11.dfsg-2+deb11u2', '1:1.2.11.dfsg-2+deb11u1'],
  ['1:1.2.11.dfsg-2+deb11u2', '1:1.2.13.dfsg-1'],
  ['3.0.11-1~deb12u1', '3.0.11-1~deb12u2'],
  ['3.0.9-1', '3.0.11-1~deb12u2'],
  ['3.0.11-1~deb12u2', '3.0.11-1'],
  ['1.0', '1.0a'],
  ['1.0a', '1.0+'],
  ['1.0a', '1.0.1'],
  ['1.0', '1.0-1'],
  ['1.0-1', '1.0-1+b1'],
  ['9', '10'],
  ['1.2.3-1', '1.2.3-1.1'],
  ['7.88.1-10+deb12u1', '7.88.1-10+deb12u4'],
  ['1.0-2', '1.0-10'],
  ['0:1.0', '1:0'],
];

const DEBIAN_EQUAL: [string, string][] = [
  ['1.0', '0:1.0'],
  ['1.0', '1.0-0'],
  ['1.01', '1.1'],
  ['1.0-01', '1.0-1'],
];

/** apk-tools' rules: numbers, a letter, suffixes around the release, then `-rN`. */
const APK_ORDER: [string, string][] = [
  ['1.2.12-r1', '1.2.12-r2'],
  ['3.1.3-r1', '3.1.4-r0'],
  ['1.0_rc1', '1.0'],
  ['1.0', '1.0_p1'],
  ['1.0_alpha', '1.0_beta'],
  ['1.0_beta', '1.0_pre'],
  ['1.0_pre', '1.0_rc'],
  ['1.0_rc2', '1.0_cvs'],
  ['1.0_cvs', '1.0_svn'],
  ['1.0_svn', '1.0_git'],
  ['1.0_git', '1.0_hg'],
  ['1.0_hg', '1.0_p'],
  ['1.0_p9-r0', '1.0_p10-r0'],
  ['1.0_alpha1', '1.0_alpha2'],
  ['0.1.0_alpha_pre2', '0.1.0_alpha'],
  ['1.0', '1.0a'],
  ['1.0a', '1.0b'],
  ['1.0', '1.0.1'],
  ['1.0.9', '1.0.10'],
  ['1.02', '1.1'],
  ['1.001', '1.01'],
  ['1.2.2', '1.2.2-r1'],
  ['1.2.12-r2', '1.2.13-r1'],
  ['3.0.8-r0', '3.1.2-r0'],
  ['3.1.2-r0', '3.1.4-r0'],
  ['8.2.1-r0', '8.4.0-r0'],
  ['1.1.1s-r0', '1.1.1t-r0'],
  ['9', '10'],
  ['1.06-r6', '006'],
  ['2.3.0b-r1', '2.3.0b-r2'],
  ['1.0.0_pre20191002222144-r0', '1.0.0_pre20210530193627-r0'],
  ['1.0~abc', '1.0~abd'],
  ['1.0', '1.0~abc'],
  ['1.0', '1.0bc'],
];

const APK_EQUAL: [string, string][] = [
  ['1.0', '1.0'],
  ['3.0.8-r0', '3.0.8-r0'],
  ['0.1.0_alpha', '0.1.0_alpha'],
];

function checkOrder(compare: (a: string, b: string) => number, older: string, newer: string) {
  expect(compare(older, newer), `${older} < ${newer}`).toBe(-1);
  expect(compare(newer, older), `${newer} > ${older}`).toBe(1);
  expect(compare(older, older)).toBe(0);
}

describe('Debian versions, by dpkg\u2019s rules', () => {
  it.each(DEBIAN_ORDER)('when %s is compared with %s, then it is older', (older, newer) =>
    checkOrder(compareDebian, older, newer),
  );

  it.each(DEBIAN_EQUAL)('when %s is compared with %s, then they are the same', (a, b) => {
    expect(compareDebian(a, b)).toBe(0);
    expect(compareDebian(b, a)).toBe(0);
  });
});

describe('Alpine versions, by apk-tools\u2019 rules', () => {
  it.each(APK_ORDER)('when %s is compared with %s, then it is older', (older, newer) =>
    checkOrder(compareApk, older, newer),
  );

  it.each(APK_EQUAL)('when %s is compared with %s, then they are the same', (a, b) =>
    expect(compareApk(a, b)).toBe(0),
  );
});

describe('any strings', () => {
  const version = fc.stringMatching(/^[0-9a-z.:_~+-]{0,12}$/);

  it('when two versions are compared both ways, then the answers are opposite and never throw', () => {
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(compareDebian(a, b) + compareDebian(b, a)).toBe(0);
        expect(compareApk(a, b) + compareApk(b, a)).toBe(0);
      }),
    );
  });

  it('when a <= b and b <= c, then a <= c', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        for (const compare of [compareDebian, compareApk]) {
          if (compare(a, b) <= 0 && compare(b, c) <= 0) {
            expect(compare(a, c)).toBeLessThanOrEqual(0);
          }
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('comparatorFor', () => {
  it('when given an OSV ecosystem, then it answers that distribution\u2019s comparator', () => {
    expect(comparatorFor('Debian:12')).toBe(compareDebian);
    expect(comparatorFor('Debian')).toBe(compareDebian);
    expect(comparatorFor('Alpine:v3.18')).toBe(compareApk);
    expect(comparatorFor('npm')).toBeUndefined();
  });
});
