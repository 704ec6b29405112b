import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Blob {
  digest: string;
  size: number;
  data: Buffer;
  mediaType: string;
}

export interface BuiltImage {
  manifest: { digest: string; body: string; mediaType: string };
  blobs: Blob[];
  platform: { os: string; architecture: string };
}

export interface BuiltIndex {
  manifest: { digest: string; body: string; mediaType: string };
  images: BuiltImage[];
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

const digestOf = (data: Buffer | string) =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** A ustar archive of regular files, built by hand: the sandbox needs no docker to make images. */
function tar(files: Record<string, string>, mtime: number): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const header = Buffer.alloc(512);
    header.write(name, 0, 100);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write(
      `${Math.floor(mtime / 1000)
        .toString(8)
        .padStart(11, '0')}\0`,
      136,
    );
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\0', 257);
    header.write('00', 263);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/**
 * A tiny but real single-layer OCI image: one text file, a config with the layer's diff id, and a
 * manifest. Different `content` gives a different image.
 */
export function buildImage(
  content: string,
  platform = { os: 'linux', architecture: 'amd64' },
  created = new Date('2026-01-01T00:00:00Z'),
): BuiltImage {
  const layerTar = tar({ 'etc/swr-demo/hello.txt': `${content}\n` }, created.getTime());
  const layer = gzipSync(layerTar, { level: 9 });
  // gzip's header holds a time and OS byte; zero them so the same content always gives the same digest.
  layer.fill(0, 4, 8);
  layer[9] = 255;
  const config = Buffer.from(
    JSON.stringify({
      architecture: platform.architecture,
      os: platform.os,
      created: created.toISOString(),
      config: { Cmd: ['cat', '/etc/swr-demo/hello.txt'] },
      rootfs: { type: 'layers', diff_ids: [digestOf(layerTar)] },
      history: [{ created: created.toISOString(), created_by: 'swr-local demo image' }],
    }),
  );
  const blobs: Blob[] = [
    {
      digest: digestOf(config),
      size: config.length,
      data: config,
      mediaType: 'application/vnd.oci.image.config.v1+json',
    },
    {
      digest: digestOf(layer),
      size: layer.length,
      data: layer,
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
    },
  ];
  const body = JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: blobs[0]!.mediaType, digest: blobs[0]!.digest, size: blobs[0]!.size },
    layers: [{ mediaType: blobs[1]!.mediaType, digest: blobs[1]!.digest, size: blobs[1]!.size }],
  });
  return { manifest: { digest: digestOf(body), body, mediaType: OCI_MANIFEST }, blobs, platform };
}

/** An OCI index over one image per platform. */
export function buildIndex(
  content: string,
  platforms: { os: string; architecture: string }[],
): BuiltIndex {
  const images = platforms.map((platform) =>
    buildImage(`${content} (${platform.os}/${platform.architecture})`, platform),
  );
  const body = JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: images.map((image) => ({
      mediaType: image.manifest.mediaType,
      digest: image.manifest.digest,
      size: Buffer.byteLength(image.manifest.body),
      platform: image.platform,
    })),
  });
  return { manifest: { digest: digestOf(body), body, mediaType: OCI_INDEX }, images };
}

/** Writes an OCI image layout directory that `skopeo copy oci:DIR:TAG` reads. */
export function writeOciLayout(dir: string, tag: string, image: BuiltImage | BuiltIndex): void {
  const blobsDir = path.join(dir, 'blobs', 'sha256');
  mkdirSync(blobsDir, { recursive: true });
  const write = (digest: string, data: Buffer | string) =>
    writeFileSync(path.join(blobsDir, digest.slice(7)), data);
  const images = 'images' in image ? image.images : [image];
  for (const img of images) {
    for (const blob of img.blobs) write(blob.digest, blob.data);
    write(img.manifest.digest, img.manifest.body);
  }
  write(image.manifest.digest, image.manifest.body);
  writeFileSync(path.join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(
    path.join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: image.manifest.mediaType,
          digest: image.manifest.digest,
          size: Buffer.byteLength(image.manifest.body),
          annotations: { 'org.opencontainers.image.ref.name': tag },
        },
      ],
    }),
  );
}
