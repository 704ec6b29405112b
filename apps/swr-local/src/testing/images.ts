import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildImage, buildIndex, writeOciLayout } from '../images/build.js';

/** An OCI layout on disk holding one tiny image, for `skopeo copy oci:DIR:TAG`. */
export function ociImage(content: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'oci-'));
  writeOciLayout(dir, 'img', buildImage(content));
  return `oci:${dir}:img`;
}

export function ociIndex(content: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'oci-'));
  writeOciLayout(
    dir,
    'img',
    buildIndex(content, [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' },
    ]),
  );
  return `oci:${dir}:img`;
}

/** An OCI layout holding an image with these files too (an os-release, a package database…). */
export function ociImageWithFiles(content: string, files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'oci-'));
  writeOciLayout(dir, 'img', buildImage(content, undefined, undefined, { files }));
  return `oci:${dir}:img`;
}
