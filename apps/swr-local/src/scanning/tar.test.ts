import { describe, expect, it } from 'vitest';
import { normalizePath, readTar, TarError, type TarEntry, type TarLimits } from './tar.js';
import { tarOf } from './testing.js';

const LIMITS: TarLimits = { maxFileBytes: 1024 * 1024, maxMetaBytes: 64 * 1024 };

async function* chunksOf(data: Buffer, size: number) {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

/** Every entry of a tar, read in chunks of `chunk` bytes, with the content of every regular file. */
async function entriesOf(
  data: Buffer,
  options: { wanted?: (path: string) => boolean; limits?: TarLimits; chunk?: number } = {},
): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  const chunks = chunksOf(data, options.chunk ?? 4096);
  for await (const entry of readTar(
    chunks,
    options.wanted ?? (() => true),
    options.limits ?? LIMITS,
  )) {
    entries.push(entry);
  }
  return entries;
}

const contentOf = (entries: TarEntry[], path: string) =>
  entries.find((entry) => entry.path === path)?.content?.toString('utf8');

const LONG_PATH = `var/lib/${'deep/'.repeat(30)}status`;

describe('reading tar entries', () => {
  it('when a layer has files, directories and links, then each is typed and only wanted files are read', async () => {
    const entries = await entriesOf(
      tarOf([
        { path: 'etc/', type: '5' },
        { path: 'etc/os-release', content: 'ID=debian\n' },
        { path: 'etc/motd', content: 'hello\n' },
        { path: 'etc/alias', type: '2', content: '' },
        { path: 'etc/hard', type: '1' },
      ]),
      { wanted: (path) => path === 'etc/os-release' },
    );
    expect(entries.map(({ path, type }) => [path, type])).toEqual([
      ['etc', 'directory'],
      ['etc/os-release', 'file'],
      ['etc/motd', 'file'],
      ['etc/alias', 'symlink'],
      ['etc/hard', 'hardlink'],
    ]);
    expect(contentOf(entries, 'etc/os-release')).toBe('ID=debian\n');
    expect(entries.find((entry) => entry.path === 'etc/motd')?.content).toBeUndefined();
  });

  it('when the archive arrives one byte at a time, then the entries are the same as in one piece', async () => {
    const data = tarOf([
      { path: 'a.txt', content: 'x'.repeat(1000) },
      { path: LONG_PATH, content: 'long', longPath: 'pax' },
      { path: 'b.txt', content: 'y' },
    ]);
    expect(await entriesOf(data, { chunk: 1 })).toEqual(await entriesOf(data));
  });

  it.each(['pax', 'gnu', 'prefix'] as const)(
    'when a path is longer than the name field (written the %s way), then the whole path is read',
    async (longPath) => {
      const entries = await entriesOf(tarOf([{ path: LONG_PATH, content: 'packages', longPath }]));
      expect(entries.map((entry) => entry.path)).toEqual([LONG_PATH]);
      expect(contentOf(entries, LONG_PATH)).toBe('packages');
    },
  );

  it('when a long path applies to one entry, then the next entry has its own name again', async () => {
    const entries = await entriesOf(
      tarOf([
        { path: LONG_PATH, content: '1', longPath: 'gnu' },
        { path: 'short', content: '2' },
      ]),
    );
    expect(entries.map((entry) => entry.path)).toEqual([LONG_PATH, 'short']);
  });

  it('when a size is written in base-256, then it is read as a number', async () => {
    const entries = await entriesOf(
      tarOf([{ path: 'big', content: 'z'.repeat(700), base256Size: true }]),
    );
    expect(entries[0]).toMatchObject({ path: 'big', size: 700 });
    expect(contentOf(entries, 'big')).toBe('z'.repeat(700));
  });

  it('when a PAX header gives the size, then it wins over the header field', async () => {
    const data = tarOf([{ path: 'f', content: 'abc', pax: { size: '3', mtime: '1700000000.5' } }]);
    expect(contentOf(await entriesOf(data), 'f')).toBe('abc');
  });

  it('when a PAX global header or GNU long link name comes first, then it is passed over', async () => {
    const entries = await entriesOf(
      tarOf([
        { path: 'pax_global_header', type: 'g', content: '20 comment=anything\n' },
        { path: LONG_PATH, content: 'kept', longPath: 'gnu' },
      ]),
    );
    expect(entries.map((entry) => entry.path)).toEqual([LONG_PATH]);
  });

  it('when names climb out of the root or repeat slashes, then they resolve inside it', async () => {
    const entries = await entriesOf(
      tarOf([
        { path: './etc//os-release', content: 'a' },
        { path: '../../../etc/passwd', content: 'b' },
        { path: '/usr/lib/../lib/os-release', content: 'c' },
      ]),
    );
    expect(entries.map((entry) => entry.path)).toEqual([
      'etc/os-release',
      'etc/passwd',
      'usr/lib/os-release',
    ]);
    expect(normalizePath('a/b/../../..')).toBe('');
  });

  it('when the end-of-archive block comes, then what follows is not read', async () => {
    const data = Buffer.concat([
      tarOf([{ path: 'a', content: '1' }]),
      Buffer.from('garbage'.repeat(200)),
    ]);
    expect((await entriesOf(data)).map((entry) => entry.path)).toEqual(['a']);
  });

  it('when an archive stops cleanly after an entry without end blocks, then its entries are read', async () => {
    const data = tarOf([{ path: 'a', content: '1' }]);
    expect(await entriesOf(data.subarray(0, data.length - 1024))).toHaveLength(1);
  });
});

describe('hostile archives', () => {
  const oneFile = tarOf([{ path: 'var/lib/dpkg/status', content: 'Package: x\n'.repeat(100) }]);

  it.each([
    ['garbage bytes', Buffer.from('this is not a tar archive at all, '.repeat(40)), /checksum/],
    ['a header cut short', oneFile.subarray(0, 300), /truncated/],
    ['an entry cut short', oneFile.subarray(0, 700), /truncated/],
    [
      'a long name with no entry after it',
      tarOf([{ path: LONG_PATH, content: 'x', longPath: 'gnu' }]).subarray(0, 1024),
      /truncated/,
    ],
  ])('when the archive is %s, then it is a TarError', async (_, data, message) => {
    await expect(entriesOf(data)).rejects.toThrow(TarError);
    await expect(entriesOf(data)).rejects.toThrow(message);
  });

  it('when a wanted file is larger than the limit, then reading stops with an error rather than a cut file', async () => {
    const limits = { ...LIMITS, maxFileBytes: 100 };
    await expect(entriesOf(oneFile, { limits })).rejects.toThrow(/larger than 100 bytes/);
    expect(await entriesOf(oneFile, { limits, wanted: () => false })).toHaveLength(1);
  });

  it('when a PAX header is larger than the limit, then it is refused before it is held', async () => {
    const data = tarOf([{ path: 'f', content: '', pax: { comment: 'x'.repeat(5000) } }]);
    await expect(entriesOf(data, { limits: { ...LIMITS, maxMetaBytes: 4096 } })).rejects.toThrow(
      /extended header/,
    );
  });

  it('when a PAX header is malformed, then it is a TarError', async () => {
    const data = tarOf([{ path: 'f', content: '', pax: { path: 'f' } }]);
    const broken = Buffer.from(data);
    broken.write('99', 512); // the record's length now runs past the header
    await expect(entriesOf(broken)).rejects.toThrow(/PAX/);
  });

  it('when a size field is not a number, then it is a TarError', async () => {
    const data = Buffer.from(tarOf([{ path: 'f', content: 'abc' }]));
    data.write('9999', 124); // not octal; fix the checksum so that only the size is wrong
    data.write('        ', 148);
    let sum = 0;
    for (const byte of data.subarray(0, 512)) sum += byte;
    data.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    await expect(entriesOf(data)).rejects.toThrow(/not a number/);
  });
});
