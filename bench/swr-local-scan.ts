// Benchmark: how fast swr-local's scanner reads an image — a layer of N MB of files plus a Debian
// package database of 2,000 packages — matched against the advisories it ships.
// Run: npx tsx bench/swr-local-scan.ts
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { loadAdvisories, scanLayers } from '@swr-console/swr-local/scanning';
import {
  DEBIAN_12_OS_RELEASE,
  debian12Status,
  tarOf,
} from '@swr-console/swr-local/scanning-fixtures';

const sizesMb = [16, 128];
const advisories = loadAdvisories();

/** 2,000 more installed packages after the fixture's own, as a large Debian image has. */
const status = [
  debian12Status(),
  ...Array.from(
    { length: 2000 },
    (_, i) =>
      `Package: pkg-${i}\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.${i}-1\n`,
  ),
].join('\n');

async function* chunks(data: Buffer, size = 1 << 20) {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

console.log('| layer (uncompressed) | gzipped | scan time | throughput | vulnerabilities found |');
console.log('|---|---|---|---|---|');
for (const mb of sizesMb) {
  // Incompressible files, so the gzip stream is as large as the layer.
  const files = Array.from({ length: mb }, (_, i) => ({
    path: `usr/share/bench/file-${i}.bin`,
    content: randomBytes(1 << 20),
  }));
  const layer = gzipSync(
    tarOf([
      { path: 'usr/lib/os-release', content: DEBIAN_12_OS_RELEASE },
      ...files,
      { path: 'var/lib/dpkg/status', content: status },
    ]),
    { level: 1 },
  );
  const started = performance.now();
  const report = await scanLayers(
    [{ digest: 'sha256:bench', data: chunks(layer) }],
    advisories,
    {
      repository_name: 'bench/scan',
      digest: 'sha256:bench',
      mime_type: 'application/vnd.oci.image.manifest.v1+json',
    },
    new Date(),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `| ${mb} MB | ${(layer.length / 2 ** 20).toFixed(0)} MB | ${seconds.toFixed(2)} s | ${(mb / seconds).toFixed(0)} MB/s | ${report.vulnerabilities.length} |`,
  );
}
