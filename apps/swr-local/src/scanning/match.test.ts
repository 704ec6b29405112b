import { describe, expect, it } from 'vitest';
import { parseAdvisory, type Advisory, type RangeEvent } from './advisories.js';
import type { Package } from './inventory.js';
import { evaluateRange, findVulnerabilities } from './match.js';
import { compareDebian } from './versions.js';

const advisory = (id: string, affected: unknown[]): Advisory =>
  parseAdvisory(JSON.stringify({ id, modified: '2024-01-01T00:00:00Z', affected }), `${id}.json`);

const entry = (ecosystem: string, name: string, events: RangeEvent[], versions?: string[]) => ({
  package: { ecosystem, name },
  ranges: [{ type: 'ECOSYSTEM', events }],
  ...(versions ? { versions } : {}),
});

const libc6 = (version: string, sourceVersion = version): Package => ({
  name: 'libc6',
  version,
  sourceName: 'glibc',
  sourceVersion,
  ecosystem: 'Debian:12',
});

const scan = (packages: Package[], advisories: Advisory[]) =>
  findVulnerabilities(
    { os: { id: 'debian', version: '12', ecosystem: 'Debian:12' }, packages },
    advisories,
  );

const GLIBC = advisory('DSA-5514-1', [
  entry('Debian:12', 'glibc', [{ introduced: '0' }, { fixed: '2.36-9+deb12u3' }]),
]);

describe('OSV ranges', () => {
  const range = (version: string, events: RangeEvent[]) =>
    evaluateRange(version, events, compareDebian);

  it('when a version is below the fix of a range from 0, then it is affected and the fix is named', () => {
    expect(range('2.36-9+deb12u1', [{ introduced: '0' }, { fixed: '2.36-9+deb12u3' }])).toBe(
      '2.36-9+deb12u3',
    );
    expect(
      range('2.36-9+deb12u3', [{ introduced: '0' }, { fixed: '2.36-9+deb12u3' }]),
    ).toBeUndefined();
    expect(
      range('2.36-9+deb12u4', [{ introduced: '0' }, { fixed: '2.36-9+deb12u3' }]),
    ).toBeUndefined();
  });

  it('when a range starts at a version, then versions before it are not affected', () => {
    const events: RangeEvent[] = [{ introduced: '2.0' }, { fixed: '2.5' }];
    expect(range('1.9', events)).toBeUndefined();
    expect(range('2.0', events)).toBe('2.5');
  });

  it('when a range has no fix, then every version from its start is affected with no fix to name', () => {
    expect(range('99', [{ introduced: '0' }])).toBe('');
  });

  it('when a range ends at a last affected version, then that version is affected and the next is not', () => {
    const events: RangeEvent[] = [{ introduced: '0' }, { last_affected: '1.4' }];
    expect(range('1.4', events)).toBe('');
    expect(range('1.5', events)).toBeUndefined();
  });

  it('when a range reopens and is fixed twice, in any order, then each span is evaluated', () => {
    const events: RangeEvent[] = [
      { fixed: '3.0' },
      { introduced: '2.0' },
      { fixed: '1.5' },
      { introduced: '1.0' },
    ];
    expect(range('0.9', events)).toBeUndefined();
    expect(range('1.2', events)).toBe('1.5');
    expect(range('1.7', events)).toBeUndefined();
    expect(range('2.1', events)).toBe('3.0');
    expect(range('3.0', events)).toBeUndefined();
  });
});

describe('matching packages to advisories', () => {
  it('when an advisory names the source package, then its binary packages are affected with their own names', () => {
    const findings = scan([libc6('2.36-9+deb12u1')], [GLIBC]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ package: { name: 'libc6' }, fixVersion: '2.36-9+deb12u3' });
  });

  it('when a binNMU is installed, then the source version is what is compared', () => {
    expect(scan([libc6('2.36-9+deb12u3+b1', '2.36-9+deb12u3')], [GLIBC])).toEqual([]);
    expect(scan([libc6('2.36-9+deb12u1+b1', '2.36-9+deb12u1')], [GLIBC])).toHaveLength(1);
  });

  it('when an advisory names the binary package, then it matches too', () => {
    const byBinary = advisory('TEST-1', [
      entry('Debian:12', 'libc6', [{ introduced: '0' }, { fixed: '3' }]),
    ]);
    expect(scan([libc6('2.36-9')], [byBinary])).toHaveLength(1);
  });

  it('when an advisory is for another release, then it does not apply', () => {
    const bullseye = advisory('TEST-2', [
      entry('Debian:11', 'glibc', [{ introduced: '0' }, { fixed: '9' }]),
    ]);
    expect(scan([libc6('2.36-9')], [bullseye])).toEqual([]);
  });

  it('when an advisory is for the whole distribution, then it applies to every release', () => {
    const debian = advisory('TEST-3', [
      entry('Debian', 'glibc', [{ introduced: '0' }, { fixed: '9' }]),
    ]);
    expect(scan([libc6('2.36-9')], [debian])).toHaveLength(1);
  });

  it('when both the release and the whole distribution are listed, then one finding comes from the release entry', () => {
    const both = advisory('TEST-4', [
      entry('Debian', 'glibc', [{ introduced: '0' }, { fixed: '9' }]),
      entry('Debian:12', 'glibc', [{ introduced: '0' }, { fixed: '2.36-10' }]),
    ]);
    expect(scan([libc6('2.36-9')], [both])).toEqual([
      expect.objectContaining({ fixVersion: '2.36-10' }),
    ]);
  });

  it('when an advisory lists single affected versions, then exactly those are affected', () => {
    const listed = advisory('TEST-5', [
      { package: { ecosystem: 'Debian:12', name: 'glibc' }, versions: ['2.36-9'] },
    ]);
    expect(scan([libc6('2.36-9')], [listed])).toEqual([
      expect.objectContaining({ fixVersion: '' }),
    ]);
    expect(scan([libc6('2.36-9+deb12u1')], [listed])).toEqual([]);
  });

  it('when a range is not of ECOSYSTEM type, then it is not evaluated', () => {
    const git = advisory('TEST-6', [
      {
        package: { ecosystem: 'Debian:12', name: 'glibc' },
        ranges: [
          {
            type: 'GIT',
            repo: 'https://sourceware.org/git/glibc.git',
            events: [{ introduced: '0' }],
          },
        ],
      },
    ]);
    expect(scan([libc6('2.36-9')], [git])).toEqual([]);
  });

  it('when the same package is listed twice, then it is one finding', () => {
    expect(scan([libc6('2.36-9'), libc6('2.36-9')], [GLIBC])).toHaveLength(1);
  });
});
