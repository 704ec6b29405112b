import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ecosystemOf, parseApkInstalled, parseDpkgStatus, parseOsRelease } from './package-dbs.js';
import {
  ALPINE_318_INSTALLED,
  ALPINE_318_OS_RELEASE,
  DEBIAN_12_OS_RELEASE,
  debian12Status,
  VULNERABLE_GLIBC,
} from './testing.js';

describe('os-release', () => {
  it('when Debian 12 and Alpine 3.18 are read, then their ids, versions and OSV ecosystems are found', () => {
    const debian = parseOsRelease(DEBIAN_12_OS_RELEASE)!;
    expect(debian).toEqual({ id: 'debian', version: '12' });
    expect(ecosystemOf(debian)).toBe('Debian:12');
    const alpine = parseOsRelease(ALPINE_318_OS_RELEASE)!;
    expect(alpine).toEqual({ id: 'alpine', version: '3.18.4' });
    expect(ecosystemOf(alpine)).toBe('Alpine:v3.18');
  });

  it('when values are quoted, commented or escaped, then they read as the shell would', () => {
    const release = parseOsRelease(
      '# a comment\nID=\'debian\'\n  VERSION_ID="11"\nNAME="Say \\"hi\\""\nGARBAGE LINE\n',
    );
    expect(release).toEqual({ id: 'debian', version: '11' });
  });

  it.each([
    [{ id: 'debian', version: '11' }, 'Debian:11'],
    [{ id: 'debian', version: '12.4' }, 'Debian:12'],
    [{ id: 'alpine', version: '3.16.0' }, 'Alpine:v3.16'],
    [{ id: 'alpine', version: '3.19_alpha20230901' }, 'Alpine:v3.19'],
    [{ id: 'debian', version: '' }, undefined],
    [{ id: 'alpine', version: 'edge' }, undefined],
    [{ id: 'ubuntu', version: '22.04' }, undefined],
    [{ id: 'fedora', version: '39' }, undefined],
  ])('when the release is %j, then its ecosystem is %s', (os, ecosystem) => {
    expect(ecosystemOf(os)).toBe(ecosystem);
  });

  it('when there is no ID, then there is no release', () => {
    expect(parseOsRelease('NAME=nothing\n')).toBeUndefined();
  });
});

describe('dpkg status', () => {
  it('when a Debian 12 status is read, then the installed packages come with their source packages', () => {
    const packages = parseDpkgStatus(debian12Status());
    expect(packages.map((pkg) => pkg.name)).toEqual([
      'base-files',
      'libc6',
      'libc-bin',
      'zlib1g',
      'libssl3',
      'libcurl4',
      'libsemanage2',
    ]);
    expect(packages.find((pkg) => pkg.name === 'libc6')).toEqual({
      name: 'libc6',
      version: VULNERABLE_GLIBC,
      sourceName: 'glibc',
      sourceVersion: VULNERABLE_GLIBC,
      architecture: 'amd64',
    });
    expect(packages.find((pkg) => pkg.name === 'base-files')).toMatchObject({
      sourceName: 'base-files',
      sourceVersion: '12.4+deb12u1',
    });
  });

  it('when a binNMU names its source version, then that version is the source version', () => {
    const semanage = parseDpkgStatus(debian12Status()).find((pkg) => pkg.name === 'libsemanage2');
    expect(semanage).toMatchObject({
      version: '3.4-1+b5',
      sourceName: 'libsemanage',
      sourceVersion: '3.4-1',
    });
  });

  it('when a package is removed but its configuration is kept, then it does not count', () => {
    expect(parseDpkgStatus(debian12Status()).some((pkg) => pkg.name === 'libgdbm6')).toBe(false);
    expect(parseDpkgStatus('Package: a\nStatus: install ok half-configured\nVersion: 1\n')).toEqual(
      [],
    );
  });

  it('when a distroless status.d file has no Status field, then its package is installed', () => {
    const packages = parseDpkgStatus(
      'Package: libc6\r\nVersion: 2.36-9+deb12u4\r\nArchitecture: arm64\r\nSource: glibc\r\n',
    );
    expect(packages).toEqual([
      {
        name: 'libc6',
        version: '2.36-9+deb12u4',
        sourceName: 'glibc',
        sourceVersion: '2.36-9+deb12u4',
        architecture: 'arm64',
      },
    ]);
  });

  it('when a paragraph lacks a name or version, then it is skipped', () => {
    expect(parseDpkgStatus('Package: a\n\nVersion: 1\n\n: odd\n')).toEqual([]);
  });
});

describe('apk installed database', () => {
  it('when an Alpine 3.18 database is read, then packages carry their origin as the source package', () => {
    const packages = parseApkInstalled(ALPINE_318_INSTALLED);
    expect(packages.map((pkg) => `${pkg.name}@${pkg.version}<${pkg.sourceName}`)).toEqual([
      'musl@1.2.4-r2<musl',
      'busybox@1.36.1-r5<busybox',
      'zlib@1.2.13-r1<zlib',
      'libcrypto3@3.1.2-r0<openssl',
      'libssl3@3.1.2-r0<openssl',
      'libcurl@8.2.1-r0<curl',
    ]);
    expect(packages[3]).toMatchObject({ sourceVersion: '3.1.2-r0', architecture: 'x86_64' });
  });

  it('when a package has no origin, then it is its own source', () => {
    expect(parseApkInstalled('P:tzdata\nV:2023c-r1\n')).toEqual([
      { name: 'tzdata', version: '2023c-r1', sourceName: 'tzdata', sourceVersion: '2023c-r1' },
    ]);
  });
});

describe('any bytes', () => {
  it('when a database or os-release is garbage, then the parsers answer without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expect(Array.isArray(parseDpkgStatus(text))).toBe(true);
        expect(Array.isArray(parseApkInstalled(text))).toBe(true);
        parseOsRelease(text);
      }),
    );
  });
});
