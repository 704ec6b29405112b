/**
 * A small tar reader for image layers: bytes in (in chunks, as they come out of gunzip), entries
 * out, with the content of only the files the caller asks for. It reads ustar and the extensions
 * layer tools write (PAX `x` headers for long paths and sizes, GNU `L` long names, base-256
 * sizes) and treats every header as hostile: checked sums, bounded metadata, bounded content.
 */

const BLOCK = 512;

/** What a layer entry is; links are not followed, so their targets are never needed. */
export type TarEntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';

/** One entry of an archive; `content` is there for the regular files the caller wanted. */
export interface TarEntry {
  /** Relative to the layer's root, `..` resolved inside it: `etc/os-release`, never `/` or `../`. */
  path: string;
  type: TarEntryType;
  size: number;
  content?: Buffer;
}

/** How much of an archive the reader holds in memory at once. */
export interface TarLimits {
  /** The largest wanted file read; a larger one is an error, not a silent cut. */
  maxFileBytes: number;
  /** The largest PAX or GNU long-name header. */
  maxMetaBytes: number;
}

/** An archive the reader cannot read: garbage, truncated, or past a limit. */
export class TarError extends Error {
  override readonly name = 'TarError';
}

/** Resolves `.`, `..` and repeated slashes inside the root, as a container runtime unpacks. */
export function normalizePath(raw: string): string {
  const parts: string[] = [];
  for (const part of raw.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '' && part !== '.') parts.push(part);
  }
  return parts.join('/');
}

const TYPES: Record<string, TarEntryType> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '5': 'directory',
};

/** Types whose size field says nothing about data after the header (as Go's archive/tar reads them). */
const HEADER_ONLY = new Set(['1', '2', '3', '4', '5', '6']);

const text = (field: Buffer) => {
  const nul = field.indexOf(0);
  return field.subarray(0, nul < 0 ? field.length : nul).toString('utf8');
};

/** A numeric header field: octal digits, or GNU base-256 when the high bit of its first byte is set. */
function numberOf(field: Buffer, what: string): number {
  if (field[0]! & 0x80) {
    if (field[0] === 0xff) throw new TarError(`negative ${what} in a tar header`);
    let value = field[0]! & 0x7f;
    for (const byte of field.subarray(1)) value = value * 256 + byte;
    if (!Number.isSafeInteger(value)) throw new TarError(`${what} in a tar header is too large`);
    return value;
  }
  const digits = field
    .toString('latin1')
    .replace(/[\0 ]+$/, '')
    .trimStart();
  if (!/^[0-7]*$/.test(digits)) throw new TarError(`${what} in a tar header is not a number`);
  const value = digits === '' ? 0 : Number.parseInt(digits, 8);
  if (!Number.isSafeInteger(value)) throw new TarError(`${what} in a tar header is too large`);
  return value;
}

/** Whether a header's checksum holds, counting its bytes unsigned or (as old tars did) signed. */
function checksumHolds(block: Buffer): boolean {
  let stored: number;
  try {
    stored = numberOf(block.subarray(148, 156), 'checksum');
  } catch {
    return false;
  }
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 32 : block[i]!;
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return stored === unsigned || stored === signed;
}

/** The `length key=value\n` records of a PAX extended header. */
function paxRecords(data: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < data.length && data[at] !== 0) {
    const space = data.indexOf(0x20, at);
    const length = space > at ? Number(data.subarray(at, space).toString('latin1')) : NaN;
    const record = Number.isSafeInteger(length) ? data.subarray(space + 1, at + length) : undefined;
    if (!record || length <= space - at || at + length > data.length || record.at(-1) !== 0x0a) {
      throw new TarError('malformed PAX extended header');
    }
    const line = record.subarray(0, -1).toString('utf8');
    const equals = line.indexOf('=');
    if (equals <= 0) throw new TarError('malformed PAX extended header');
    records.set(line.slice(0, equals), line.slice(equals + 1));
    at += length;
  }
  return records;
}

/** What a header that describes no file of its own stands for while its data is read. */
const IGNORED: TarEntry = { path: '', type: 'other', size: 0 };

/** The entry a header describes, before its data is read. */
interface Pending {
  entry: TarEntry;
  /**
   * What the data is: the wanted content, a PAX or GNU header to hold, bytes to skip behind an
   * entry, or a header of no interest (a PAX global header, a GNU long link name) to pass over.
   */
  use: 'content' | 'pax' | 'longname' | 'skip' | 'ignore';
  remaining: number;
  padding: number;
  parts: Buffer[];
}

/** The state of one archive being read: a partial header, or the data of one entry. */
class TarReader {
  ended = false;
  private header: Buffer[] = [];
  private headerBytes = 0;
  private position = 0;
  private pending: Pending | undefined;
  private pax = new Map<string, string>();
  private longName: string | undefined;

  constructor(
    private readonly wanted: (path: string) => boolean,
    private readonly limits: TarLimits,
  ) {}

  /** Reads a chunk; returns the entries it completed. */
  push(chunk: Buffer): TarEntry[] {
    const done: TarEntry[] = [];
    let at = 0;
    while (at < chunk.length && !this.ended) {
      at = this.pending ? this.readData(chunk, at, done) : this.readHeader(chunk, at, done);
    }
    return done;
  }

  /** Checks that the archive did not stop inside a header or an entry. */
  finish(): void {
    if (!this.ended && (this.pending || this.headerBytes > 0 || this.pax.size || this.longName)) {
      throw new TarError(`tar archive is truncated at byte ${this.position}`);
    }
  }

  private readHeader(chunk: Buffer, at: number, done: TarEntry[]): number {
    const take = Math.min(BLOCK - this.headerBytes, chunk.length - at);
    this.header.push(chunk.subarray(at, at + take));
    this.headerBytes += take;
    if (this.headerBytes === BLOCK) {
      const block = Buffer.concat(this.header);
      this.header = [];
      this.headerBytes = 0;
      this.startEntry(block, done);
      this.position += BLOCK;
    }
    return at + take;
  }

  private startEntry(block: Buffer, done: TarEntry[]): void {
    if (block.every((byte) => byte === 0)) {
      this.ended = true;
      return;
    }
    if (!checksumHolds(block)) {
      throw new TarError(`not a tar header at byte ${this.position} (checksum mismatch)`);
    }
    const flag = String.fromCharCode(block[156]!);
    const declared = numberOf(block.subarray(124, 136), 'size');
    if (flag === 'x' || flag === 'L') return this.startMeta(flag, declared);
    if (flag === 'g' || flag === 'K') return this.expect(IGNORED, 'ignore', declared, []);
    const size = this.pax.has('size') ? this.paxSize() : declared;
    const entry: TarEntry = {
      path: normalizePath(this.pax.get('path') ?? this.longName ?? this.ustarName(block)),
      type: TYPES[flag] ?? 'other',
      size,
    };
    this.pax = new Map();
    this.longName = undefined;
    const use = entry.type === 'file' && this.wanted(entry.path) ? 'content' : 'skip';
    if (use === 'content' && size > this.limits.maxFileBytes) {
      throw new TarError(`${entry.path} is larger than ${this.limits.maxFileBytes} bytes`);
    }
    this.expect(entry, use, HEADER_ONLY.has(flag) ? 0 : size, done);
  }

  /** A PAX `x` header or a GNU `L` long name: held, then applied to the next entry. */
  private startMeta(flag: string, size: number): void {
    if (size > this.limits.maxMetaBytes) {
      throw new TarError(`tar extended header of ${size} bytes is larger than allowed`);
    }
    this.expect(IGNORED, flag === 'x' ? 'pax' : 'longname', size, []);
  }

  private expect(entry: TarEntry, use: Pending['use'], size: number, done: TarEntry[]): void {
    const padding = (BLOCK - (size % BLOCK)) % BLOCK;
    this.pending = { entry, use, remaining: size, padding, parts: [] };
    if (size === 0) this.complete(done);
  }

  private readData(chunk: Buffer, at: number, done: TarEntry[]): number {
    const pending = this.pending!;
    const data = Math.min(pending.remaining, chunk.length - at);
    const held = pending.use === 'content' || pending.use === 'pax' || pending.use === 'longname';
    if (held && data > 0) pending.parts.push(chunk.subarray(at, at + data));
    pending.remaining -= data;
    const padding = Math.min(pending.padding, chunk.length - at - data);
    pending.padding -= padding;
    this.position += data + padding;
    if (pending.remaining === 0 && pending.padding === 0) this.complete(done);
    return at + data + padding;
  }

  private complete(done: TarEntry[]): void {
    const { entry, use, parts } = this.pending!;
    this.pending = undefined;
    const data = Buffer.concat(parts);
    if (use === 'pax') this.pax = paxRecords(data);
    else if (use === 'longname') this.longName = text(data);
    else if (use === 'content') done.push({ ...entry, content: data });
    else if (use === 'skip') done.push(entry);
  }

  private paxSize(): number {
    const value = this.pax.get('size')!;
    const size = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(size)) throw new TarError('malformed size in a PAX header');
    return size;
  }

  /** The name field, behind the prefix field in POSIX ustar (GNU tar uses that space otherwise). */
  private ustarName(block: Buffer): string {
    const name = text(block.subarray(0, 100));
    const posix = block.subarray(257, 263).equals(Buffer.from('ustar\0', 'latin1'));
    const prefix = posix ? text(block.subarray(345, 500)) : '';
    return prefix ? `${prefix}/${name}` : name;
  }
}

/**
 * The entries of a tar archive read from `chunks`, stopping at its end-of-archive block; the
 * content of regular files whose path `wanted` accepts comes with their entry.
 */
export async function* readTar(
  chunks: AsyncIterable<Buffer>,
  wanted: (path: string) => boolean,
  limits: TarLimits,
): AsyncGenerator<TarEntry> {
  const reader = new TarReader(wanted, limits);
  for await (const chunk of chunks) {
    yield* reader.push(chunk);
    if (reader.ended) return;
  }
  reader.finish();
}
