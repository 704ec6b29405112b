import { createHash } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import {
  ecosystemOf,
  parseApkInstalled,
  parseDpkgStatus,
  parseOsRelease,
  type InstalledPackage,
} from './package-dbs.js';
import { readTar, type TarEntry, type TarLimits } from './tar.js';

/** An installed package, in the OSV ecosystem of the image's distribution. */
export interface Package {
  name: string;
  version: string;
  /** The source package (dpkg's `Source`, apk's origin): what distribution advisories name. */
  sourceName: string;
  sourceVersion: string;
  /** `Debian:12`, `Alpine:v3.18`. */
  ecosystem: string;
  architecture?: string;
  /** The digest of the first layer whose package database lists this package at this version. */
  layer?: string;
}

/** The distribution an image is built on; `ecosystem` is undefined when the scanner does not support it. */
export interface OperatingSystem {
  id: string;
  version: string;
  ecosystem: string | undefined;
}

/** What is installed in an image. No `os` means no os-release; no packages without a supported one. */
export interface Inventory {
  os: OperatingSystem | undefined;
  packages: Package[];
}

/**
 * A layer blob (gzip-compressed or plain tar), with its digest when the caller knows it: whole, or
 * as a stream of chunks (a registry download), which is read as it comes and never held whole.
 */
export type LayerBlob =
  Uint8Array | { digest: string; data: Uint8Array | AsyncIterable<Uint8Array> };

/** Bounds on what reading an image may cost, whatever its layers claim. */
export interface InventoryLimits extends TarLimits {
  /** The most bytes one layer may unpack to (a gzip bomb stops here). */
  maxLayerBytes: number;
  /** The most bytes of package databases held at once, across layers. */
  maxKeptBytes: number;
}

const MiB = 1024 * 1024;

/** The limits `readInventory` applies unless told otherwise. */
export const INVENTORY_LIMITS: InventoryLimits = {
  maxFileBytes: 16 * MiB,
  maxMetaBytes: 1 * MiB,
  maxLayerBytes: 8 * 1024 * MiB,
  maxKeptBytes: 64 * MiB,
};

/** An image whose layers cannot be read: the scan fails with this, the process does not. */
export class InventoryError extends Error {
  override readonly name = 'InventoryError';
}

const OS_RELEASE = ['etc/os-release', 'usr/lib/os-release'];
const DPKG_STATUS = 'var/lib/dpkg/status';
const DPKG_STATUS_D = 'var/lib/dpkg/status.d/';
const APK_INSTALLED = 'lib/apk/db/installed';

const isDpkgFile = (path: string) =>
  path === DPKG_STATUS ||
  (path.startsWith(DPKG_STATUS_D) &&
    !path.slice(DPKG_STATUS_D.length).includes('/') &&
    !path.endsWith('.md5sums'));

/** The files the scanner reads; every other file of a layer is skipped, not held. */
const isWanted = (path: string) =>
  OS_RELEASE.includes(path) || isDpkgFile(path) || path === APK_INSTALLED;

/** The packages a package database file lists, by the format its path says it has. */
function packagesIn(path: string, content: Buffer): InstalledPackage[] {
  if (isDpkgFile(path)) return parseDpkgStatus(content.toString('utf8'));
  return path === APK_INSTALLED ? parseApkInstalled(content.toString('utf8')) : [];
}

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';

/** The wanted files of the image so far, as the layers applied in order leave them. */
class WantedFiles {
  readonly files = new Map<string, { content: Buffer; layer: number }>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** Applies one entry of layer `layer`: a file, a replacement, or an OCI whiteout. */
  apply(entry: TarEntry, layer: number): void {
    const slash = entry.path.lastIndexOf('/');
    const dir = entry.path.slice(0, slash + 1);
    const base = entry.path.slice(slash + 1);
    // Whiteouts hide what lower layers had; files of their own layer stay.
    if (base === OPAQUE) return this.remove((path) => path.startsWith(dir), layer);
    if (base.startsWith(WHITEOUT)) {
      const target = dir + base.slice(WHITEOUT.length);
      return this.remove((path) => path === target || path.startsWith(`${target}/`), layer);
    }
    if (entry.type !== 'directory') {
      this.remove((path) => path.startsWith(`${entry.path}/`), Infinity);
    }
    if (entry.content) this.set(entry.path, entry.content, layer);
    else this.remove((path) => path === entry.path, Infinity);
  }

  private set(path: string, content: Buffer, layer: number): void {
    this.bytes += content.length - (this.files.get(path)?.content.length ?? 0);
    if (this.bytes > this.maxBytes) {
      throw new InventoryError(`package databases exceed ${this.maxBytes} bytes`);
    }
    this.files.set(path, { content, layer });
  }

  private remove(matches: (path: string) => boolean, belowLayer: number): void {
    for (const [path, file] of this.files) {
      if (file.layer < belowLayer && matches(path)) {
        this.bytes -= file.content.length;
        this.files.delete(path);
      }
    }
  }
}

const isGzip = (data: Uint8Array) => data[0] === 0x1f && data[1] === 0x8b;
const isZstd = (data: Uint8Array) =>
  data[0] === 0x28 && data[1] === 0xb5 && data[2] === 0x2f && data[3] === 0xfd;

const asBuffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

async function* chunksOf(data: Uint8Array | AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  if (data instanceof Uint8Array) yield asBuffer(data);
  else for await (const chunk of data) yield asBuffer(chunk);
}

/**
 * A layer's tar bytes, as they come: gunzipped in chunks when its first bytes say gzip, passed on
 * otherwise. Stopping early (the archive ended) stops reading the source too.
 */
async function* tarBytes(
  data: Uint8Array | AsyncIterable<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<Buffer> {
  const source = chunksOf(data);
  try {
    yield* unpacked(source, maxBytes);
  } finally {
    // Stopped early (the archive ended) or failed: the rest is not wanted, and a download is
    // closed. Not awaited: a read the gunzip stream has pending may wait on the network.
    void source.return(undefined).catch(() => undefined);
  }
}

async function* unpacked(source: AsyncGenerator<Buffer>, maxBytes: number): AsyncGenerator<Buffer> {
  const head: Buffer[] = [];
  let headBytes = 0;
  while (headBytes < 4) {
    const next = await source.next();
    if (next.done) break;
    head.push(next.value);
    headBytes += next.value.length;
  }
  const start = Buffer.concat(head);
  if (isZstd(start)) throw new InventoryError('zstd-compressed layers are not supported');
  async function* all(): AsyncGenerator<Buffer> {
    yield* head;
    yield* source;
  }
  if (!isGzip(start)) {
    yield* all();
    return;
  }
  const gunzip = createGunzip();
  // A source that fails mid-way (a download cut off) fails the gunzip read below with its error.
  pipeline(Readable.from(all()), gunzip, () => undefined);
  let total = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes)
        throw new InventoryError(`layer unpacks to more than ${maxBytes} bytes`);
      yield chunk;
    }
  } finally {
    gunzip.destroy();
  }
}

const keyOf = (pkg: InstalledPackage) => `${pkg.name}\0${pkg.version}\0${pkg.architecture ?? ''}`;

/** The OS of the final file system; os-release may be in either place (one often links the other). */
function operatingSystemOf(files: WantedFiles): OperatingSystem | undefined {
  const file = OS_RELEASE.map((path) => files.files.get(path)).find(Boolean);
  const release = file && parseOsRelease(file.content.toString('utf8'));
  return release && { ...release, ecosystem: ecosystemOf(release) };
}

/** The image as the scanner sees it once every layer is applied. */
function inventoryOf(files: WantedFiles, firstLayers: Map<string, string>): Inventory {
  const os = operatingSystemOf(files);
  const ecosystem = os?.ecosystem;
  if (!ecosystem) return { os, packages: [] };
  const wantsPath = os.id === 'alpine' ? (path: string) => path === APK_INSTALLED : isDpkgFile;
  const packages = [...files.files.entries()]
    .filter(([path]) => wantsPath(path))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([path, file]) => packagesIn(path, file.content))
    .map((pkg) => {
      const layer = firstLayers.get(keyOf(pkg));
      return { ...pkg, ecosystem, ...(layer ? { layer } : {}) };
    });
  return { os, packages };
}

/** The message of anything a layer threw, as an `InventoryError` naming the layer. */
function layerError(error: unknown, index: number): InventoryError {
  const message = error instanceof Error ? error.message : String(error);
  return new InventoryError(`layer ${index + 1}: ${message}`, { cause: error });
}

/**
 * What is installed in an image, from its layer blobs in manifest order: later layers replace
 * earlier files and whiteouts delete them, as a container runtime would unpack them; only the
 * package databases and os-release are held. Throws `InventoryError` for a layer it cannot read.
 */
export async function readInventory(
  layers: Iterable<LayerBlob> | AsyncIterable<LayerBlob>,
  limits: InventoryLimits = INVENTORY_LIMITS,
): Promise<Inventory> {
  const files = new WantedFiles(limits.maxKeptBytes);
  const firstLayers = new Map<string, string>();
  let index = 0;
  for await (const layer of layers) {
    const data = layer instanceof Uint8Array ? layer : layer.data;
    const digest =
      layer instanceof Uint8Array
        ? `sha256:${createHash('sha256').update(layer).digest('hex')}`
        : layer.digest;
    try {
      for await (const entry of readTar(tarBytes(data, limits.maxLayerBytes), isWanted, limits)) {
        files.apply(entry, index);
        for (const pkg of entry.content ? packagesIn(entry.path, entry.content) : []) {
          if (!firstLayers.has(keyOf(pkg))) firstLayers.set(keyOf(pkg), digest);
        }
      }
    } catch (error) {
      throw layerError(error, index);
    }
    index++;
  }
  return inventoryOf(files, firstLayers);
}
