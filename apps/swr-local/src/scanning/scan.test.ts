import { describe, expect, it } from 'vitest';
import { buildImage, type BuiltImage } from '../images/build.js';
import { loadAdvisories } from './advisories.js';
import { summaryOf, type ScanArtifact } from './report.js';
import { scanLayers } from './scan.js';
import {
  ALPINE_318_INSTALLED,
  ALPINE_318_OS_RELEASE,
  DEBIAN_12_OS_RELEASE,
  debian12Status,
  FIXED_GLIBC,
  VULNERABLE_GLIBC,
} from './testing.js';

const NOW = new Date('2026-06-01T12:00:00Z');

/** The layer blobs of a built image, in manifest order, with their digests. */
const layersOf = (image: BuiltImage) =>
  image.blobs
    .filter((blob) => blob.mediaType.startsWith('application/vnd.oci.image.layer.'))
    .map((blob) => ({ digest: blob.digest, data: blob.data }));

const artifactOf = (image: BuiltImage): ScanArtifact => ({
  repository_name: 'library/app',
  digest: image.manifest.digest,
  mime_type: image.manifest.mediaType,
});

const debianImage = (glibc: string) =>
  buildImage('debian app', undefined, undefined, {
    files: { 'etc/os-release': DEBIAN_12_OS_RELEASE, 'var/lib/dpkg/status': debian12Status(glibc) },
  });

const scan = (image: BuiltImage, layers = layersOf(image)) =>
  scanLayers(layers, loadAdvisories(), artifactOf(image), NOW);

describe('scanning built images', () => {
  it('when a Debian 12 image has the glibc of 12.1, then the report has CVE-2023-4911 with its fix', async () => {
    const image = debianImage(VULNERABLE_GLIBC);
    const report = await scan(image);
    const looney = report.vulnerabilities.filter((v) => v.id === 'CVE-2023-4911');
    expect(looney.map((v) => v.package).sort()).toEqual(['libc-bin', 'libc6']);
    expect(looney[0]).toMatchObject({
      version: VULNERABLE_GLIBC,
      fix_version: '2.36-9+deb12u3',
      severity: 'High',
      preferred_cvss: { score_v3: 7.8 },
      layer: { digest: layersOf(image)[0]!.digest },
      vendor_attributes: { osv_id: 'DSA-5514-1', source_package: 'glibc' },
    });
    expect(report.artifact.digest).toBe(image.manifest.digest);
  });

  it('when the other packages of that image are checked, then each finding is a real advisory', async () => {
    const report = await scan(debianImage(VULNERABLE_GLIBC));
    expect(report.vulnerabilities.map((v) => [v.id, v.package, v.fix_version])).toEqual([
      ['CVE-2023-38545', 'libcurl4', '7.88.1-10+deb12u4'],
      ['CVE-2023-4911', 'libc-bin', FIXED_GLIBC],
      ['CVE-2023-4911', 'libc6', FIXED_GLIBC],
      ['CVE-2023-5363', 'libssl3', '3.0.11-1~deb12u2'],
    ]);
    expect(report.severity).toBe('Critical');
    expect(summaryOf(report)).toEqual({ total: 4, fixable: 4, summary: { Critical: 1, High: 3 } });
  });

  it('when the image has the fixed glibc, then CVE-2023-4911 is not reported', async () => {
    const report = await scan(debianImage(FIXED_GLIBC));
    expect(report.vulnerabilities.some((v) => v.id === 'CVE-2023-4911')).toBe(false);
  });

  it('when an upper layer whites the status file out, then no packages are left to be vulnerable', async () => {
    const image = debianImage(VULNERABLE_GLIBC);
    const whiteout = buildImage('cleanup', undefined, undefined, {
      files: { 'var/lib/dpkg/.wh.status': '' },
    });
    const report = await scan(image, [...layersOf(image), layersOf(whiteout)[0]!]);
    expect(report).toMatchObject({ severity: 'None', vulnerabilities: [] });
  });

  it('when an Alpine 3.18 image is scanned, then its openssl and curl libraries are found by their origin', async () => {
    const image = buildImage('alpine app', undefined, undefined, {
      files: {
        'etc/os-release': ALPINE_318_OS_RELEASE,
        'lib/apk/db/installed': ALPINE_318_INSTALLED,
      },
    });
    const report = await scan(image);
    expect(report.vulnerabilities.map((v) => [v.id, v.package, v.fix_version])).toEqual([
      ['CVE-2023-38545', 'libcurl', '8.4.0-r0'],
      ['CVE-2023-5363', 'libcrypto3', '3.1.4-r0'],
      ['CVE-2023-5363', 'libssl3', '3.1.4-r0'],
    ]);
  });

  it('when an image has no package database (the plain demo image), then the report is empty', async () => {
    const image = buildImage('hello');
    expect(await scan(image)).toMatchObject({ severity: 'None', vulnerabilities: [] });
  });

  it('when the files option is not given, then images are built exactly as before', () => {
    const plain = buildImage('same', undefined, undefined, { base: ['b'] });
    const withFiles = buildImage('same', undefined, undefined, { base: ['b'], files: { x: 'y' } });
    expect(plain.blobs).toHaveLength(3);
    expect(withFiles.blobs).toHaveLength(4);
    expect(withFiles.blobs.at(-1)!.digest).toBe(plain.blobs.at(-1)!.digest);
    expect(buildImage('same').manifest.digest).toBe(buildImage('same').manifest.digest);
  });
});
