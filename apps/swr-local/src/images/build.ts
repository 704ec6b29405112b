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

/** What an image may have beyond its one file: layers under it, and how it runs. */
export interface ImageShape {
  /**
   * Layers under the image's own, each one file of this content: images built on the same base
   * share these blobs, as images built from one base image do.
   */
  base?: string[];
  /** Run settings merged into the config's `config` (Env, Entrypoint, Labels, User, …). */
  settings?: Record<string, unknown>;
  /**
   * Files by path (`etc/os-release`, `var/lib/dpkg/status`; at most 100 bytes, ustar's limit),
   * written as they are in one more layer between the base layers and the image's own: images a
   * scanner can read packages from.
   */
  files?: Record<string, string>;
}

/** One layer: a tar of these files, gzipped so that the same content always gives the same blob. */
function layerOfFiles(files: Record<string, string>, created: Date) {
  const layerTar = tar(files, created.getTime());
  const layer = gzipSync(layerTar, { level: 9 });
  // gzip's header holds a time and OS byte; zero them so the same content always gives the same digest.
  layer.fill(0, 4, 8);
  layer[9] = 255;
  return { diffId: digestOf(layerTar), data: layer };
}

/** One layer of one text file. */
const layerOf = (file: string, content: string, created: Date) =>
  layerOfFiles({ [file]: `${content}\n` }, created);

/**
 * A tiny but real OCI image: one text file (over the `base` and `files` layers, if any), a config
 * with the layers' diff ids and a history entry per layer, and a manifest. Different `content`
 * gives a different image.
 */
export function buildImage(
  content: string,
  platform = { os: 'linux', architecture: 'amd64' },
  created = new Date('2026-01-01T00:00:00Z'),
  shape: ImageShape = {},
): BuiltImage {
  const layers = [
    ...(shape.base ?? []).map((base, i) => layerOf(`etc/swr-demo/base-${i}.txt`, base, created)),
    ...(shape.files ? [layerOfFiles(shape.files, created)] : []),
    layerOf('etc/swr-demo/hello.txt', content, created),
  ];
  const config = Buffer.from(
    JSON.stringify({
      architecture: platform.architecture,
      os: platform.os,
      created: created.toISOString(),
      config: { Cmd: ['cat', '/etc/swr-demo/hello.txt'], ...shape.settings },
      rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.diffId) },
      history: layers.map((_, i) => ({
        created: created.toISOString(),
        created_by: i < layers.length - 1 ? `swr-local base layer ${i}` : 'swr-local demo image',
      })),
    }),
  );
  const blobs: Blob[] = [
    {
      digest: digestOf(config),
      size: config.length,
      data: config,
      mediaType: 'application/vnd.oci.image.config.v1+json',
    },
    ...layers.map((layer) => ({
      digest: digestOf(layer.data),
      size: layer.data.length,
      data: layer.data,
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
    })),
  ];
  const body = JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: blobs[0]!.mediaType, digest: blobs[0]!.digest, size: blobs[0]!.size },
    layers: blobs
      .slice(1)
      .map((blob) => ({ mediaType: blob.mediaType, digest: blob.digest, size: blob.size })),
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
