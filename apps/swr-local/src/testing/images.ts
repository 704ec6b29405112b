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
