import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { INVENTORY_LIMITS, InventoryError, readInventory, type Inventory } from './inventory.js';
import {
  ALPINE_318_INSTALLED,
  ALPINE_318_OS_RELEASE,
  DEBIAN_12_OS_RELEASE,
  debian12Status,
  FIXED_GLIBC,
  tarOf,
  type TarFixtureEntry,
} from './testing.js';

const layer = (...entries: TarFixtureEntry[]) => gzipSync(tarOf(entries));
const digestOf = (data: Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

const debianBase = () =>
  layer(
    { path: 'usr/lib/os-release', content: DEBIAN_12_OS_RELEASE },
    { path: 'etc/os-release', type: '2' },
    { path: 'var/lib/dpkg/status', content: debian12Status() },
  );

const namesOf = (inventory: Inventory) => inventory.packages.map((pkg) => pkg.name);
const versionOf = (inventory: Inventory, name: string) =>
  inventory.packages.find((pkg) => pkg.name === name)?.version;

describe('the inventory of an image', () => {
  it('when a Debian 12 image is read, then its OS and installed packages are found in the Debian:12 ecosystem', async () => {
    const inventory = await readInventory([debianBase()]);
    expect(inventory.os).toEqual({ id: 'debian', version: '12', ecosystem: 'Debian:12' });
    expect(namesOf(inventory)).toContain('libc6');
    expect(inventory.packages.every((pkg) => pkg.ecosystem === 'Debian:12')).toBe(true);
  });

  it('when an Alpine 3.18 image is read, then its apk packages are found in the Alpine:v3.18 ecosystem', async () => {
    const inventory = await readInventory([
      layer(
        { path: 'etc/os-release', content: ALPINE_318_OS_RELEASE },
        { path: 'lib/apk/db/installed', content: ALPINE_318_INSTALLED },
      ),
    ]);
    expect(inventory.os?.ecosystem).toBe('Alpine:v3.18');
    expect(inventory.packages.find((pkg) => pkg.name === 'libcrypto3')).toMatchObject({
      sourceName: 'openssl',
      ecosystem: 'Alpine:v3.18',
    });
  });

  it('when a layer is a plain (uncompressed) tar, then it is read the same', async () => {
    const plain = tarOf([
      { path: 'etc/os-release', content: DEBIAN_12_OS_RELEASE },
      { path: 'var/lib/dpkg/status', content: debian12Status() },
    ]);
    expect(namesOf(await readInventory([plain]))).toEqual(
      namesOf(await readInventory([debianBase()])),
    );
  });

  it('when the layers come one by one from an async source, then they are read in order', async () => {
    async function* layers() {
      yield debianBase();
      yield layer({ path: 'var/lib/dpkg/status', content: debian12Status(FIXED_GLIBC) });
    }
    expect(versionOf(await readInventory(layers()), 'libc6')).toBe(FIXED_GLIBC);
  });

  it('when a distroless image lists packages in status.d, then each file counts and md5sums do not', async () => {
    const inventory = await readInventory([
      layer(
        { path: 'etc/os-release', content: DEBIAN_12_OS_RELEASE },
        {
          path: 'var/lib/dpkg/status.d/libc6',
          content: 'Package: libc6\nVersion: 2.36-9+deb12u4\nSource: glibc\n',
        },
        { path: 'var/lib/dpkg/status.d/libc6.md5sums', content: 'Package: fake\nVersion: 1\n' },
        {
          path: 'var/lib/dpkg/status.d/base',
          content: 'Package: base-files\nVersion: 12.4+deb12u4\n',
        },
      ),
    ]);
    expect(namesOf(inventory)).toEqual(['base-files', 'libc6']);
  });

  it('when the OS is not one the scanner knows, then it is reported without packages', async () => {
    const inventory = await readInventory([
      layer(
        { path: 'etc/os-release', content: 'ID=fedora\nVERSION_ID=39\n' },
        { path: 'var/lib/dpkg/status', content: debian12Status() },
      ),
    ]);
    expect(inventory).toEqual({
      os: { id: 'fedora', version: '39', ecosystem: undefined },
      packages: [],
    });
  });

  it('when there is no os-release at all, then there is no OS and no packages', async () => {
    const inventory = await readInventory([
      layer({ path: 'var/lib/dpkg/status', content: debian12Status() }),
    ]);
    expect(inventory).toEqual({ os: undefined, packages: [] });
  });

  it('when there are no layers, then the inventory is empty', async () => {
    expect(await readInventory([])).toEqual({ os: undefined, packages: [] });
  });
});

describe('layers applied in order', () => {
  it('when a later layer writes the status again, then its packages replace the earlier ones', async () => {
    const inventory = await readInventory([
      debianBase(),
      layer({ path: 'var/lib/dpkg/status', content: debian12Status(FIXED_GLIBC) }),
    ]);
    expect(versionOf(inventory, 'libc6')).toBe(FIXED_GLIBC);
  });

  it('when a later layer whites the status out, then no packages are left', async () => {
    const inventory = await readInventory([
      debianBase(),
      layer({ path: 'var/lib/dpkg/.wh.status' }),
    ]);
    expect(inventory.os?.ecosystem).toBe('Debian:12');
    expect(inventory.packages).toEqual([]);
  });

  it('when a later layer whites out a parent directory, then the files under it are gone', async () => {
    const inventory = await readInventory([debianBase(), layer({ path: 'var/lib/.wh.dpkg' })]);
    expect(inventory.packages).toEqual([]);
  });

  it('when a later layer makes the directory opaque, then only what that layer puts there remains', async () => {
    const inventory = await readInventory([
      layer(
        { path: 'etc/os-release', content: DEBIAN_12_OS_RELEASE },
        { path: 'var/lib/dpkg/status.d/old', content: 'Package: old\nVersion: 1\n' },
      ),
      layer(
        { path: 'var/lib/dpkg/status.d/.wh..wh..opq' },
        { path: 'var/lib/dpkg/status.d/new', content: 'Package: new\nVersion: 2\n' },
      ),
    ]);
    expect(namesOf(inventory)).toEqual(['new']);
  });

  it('when a whiteout sits in the same layer as the file, then the file stays (whiteouts hide lower layers)', async () => {
    const inventory = await readInventory([
      layer(
        { path: 'etc/os-release', content: DEBIAN_12_OS_RELEASE },
        { path: 'var/lib/dpkg/status', content: debian12Status() },
        { path: 'var/lib/dpkg/.wh.status' },
      ),
    ]);
    expect(namesOf(inventory)).toContain('libc6');
  });

  it('when a later layer replaces os-release with a link, then the other os-release is read', async () => {
    const inventory = await readInventory([
      layer(
        { path: 'etc/os-release', content: 'ID=alpine\nVERSION_ID=3.18.0\n' },
        { path: 'usr/lib/os-release', content: DEBIAN_12_OS_RELEASE },
      ),
      layer({ path: 'etc/os-release', type: '2' }),
    ]);
    expect(inventory.os?.id).toBe('debian');
  });

  it('when packages appear in later layers, then each names the layer that first installed it', async () => {
    const base = debianBase();
    const extra = `${debian12Status()}\nPackage: jq\nStatus: install ok installed\nVersion: 1.6-2.1\nArchitecture: amd64\n`;
    const upper = layer({ path: 'var/lib/dpkg/status', content: extra });
    const inventory = await readInventory([base, { digest: 'sha256:upper', data: upper }]);
    expect(inventory.packages.find((pkg) => pkg.name === 'libc6')?.layer).toBe(digestOf(base));
    expect(inventory.packages.find((pkg) => pkg.name === 'jq')?.layer).toBe('sha256:upper');
  });
});

describe('layers that cannot be read', () => {
  it.each([
    ['truncated gzip', () => debianBase().subarray(0, 200), /layer 1: /],
    [
      'garbage',
      () => Buffer.from('definitely not a layer '.repeat(50)),
      /layer 1: not a tar header/,
    ],
    ['zstd', () => Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3]), /zstd/],
    ['gzip of garbage', () => gzipSync(Buffer.from('x'.repeat(2000))), /checksum/],
  ])(
    'when a layer is %s, then the scan fails with an InventoryError naming it',
    async (_, data, message) => {
      const result = readInventory([data()]);
      await expect(result).rejects.toThrow(InventoryError);
      await expect(readInventory([data()])).rejects.toThrow(message);
    },
  );

  it('when a second layer is broken, then the error names the second layer', async () => {
    await expect(readInventory([debianBase(), Buffer.from('junk'.repeat(200))])).rejects.toThrow(
      /^layer 2: /,
    );
  });

  it('when a layer unpacks to more than allowed, then reading stops there (a gzip bomb)', async () => {
    const bomb = gzipSync(tarOf([{ path: 'zeros', content: Buffer.alloc(4 * 1024 * 1024) }]));
    await expect(
      readInventory([bomb], { ...INVENTORY_LIMITS, maxLayerBytes: 1024 * 1024 }),
    ).rejects.toThrow(/unpacks to more than/);
  });

  it('when package databases add up to more than allowed, then reading stops', async () => {
    const files = Array.from({ length: 5 }, (_, i) => ({
      path: `var/lib/dpkg/status.d/p${i}`,
      content: 'Package: p\nVersion: 1\n'.padEnd(1000, '#'),
    }));
    await expect(
      readInventory([layer(...files)], { ...INVENTORY_LIMITS, maxKeptBytes: 3000 }),
    ).rejects.toThrow(/package databases exceed/);
  });

  it('when a status file is larger than allowed, then reading stops', async () => {
    await expect(
      readInventory([debianBase()], { ...INVENTORY_LIMITS, maxFileBytes: 1000 }),
    ).rejects.toThrow(/var\/lib\/dpkg\/status is larger than 1000 bytes/);
  });
});

describe('what is kept in memory', () => {
  it('when a layer holds large files the scanner does not read, then they pass through without limits on them', async () => {
    const big = layer(
      { path: 'usr/share/big.bin', content: Buffer.alloc(2 * 1024 * 1024, 7) },
      { path: 'etc/os-release', content: DEBIAN_12_OS_RELEASE },
      { path: 'var/lib/dpkg/status', content: debian12Status() },
    );
    const limits = { ...INVENTORY_LIMITS, maxFileBytes: 64 * 1024, maxKeptBytes: 64 * 1024 };
    expect(namesOf(await readInventory([big], limits))).toContain('libc6');
  });
});

describe('layers read as streams', () => {
  async function* inChunks(data: Buffer, size = 7): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
  }

  it('when layers come in small chunks, gzipped or not, then the inventory is the one of the whole layers', async () => {
    const plain = tarOf([{ path: 'var/lib/dpkg/status', content: debian12Status(FIXED_GLIBC) }]);
    const whole = await readInventory([debianBase(), plain]);
    const streamed = await readInventory([
      { digest: digestOf(debianBase()), data: inChunks(debianBase()) },
      { digest: digestOf(plain), data: inChunks(plain, 3) },
    ]);
    expect(streamed).toEqual(whole);
    expect(versionOf(streamed, 'libc6')).toBe(FIXED_GLIBC);
  });

  it('when a download breaks off mid-layer, then reading fails with an InventoryError naming the layer', async () => {
    async function* cutOff(): AsyncGenerator<Uint8Array> {
      yield debianBase().subarray(0, 100);
      throw new Error('the connection was reset');
    }
    const failed = readInventory([{ digest: 'sha256:x', data: cutOff() }]);
    await expect(failed).rejects.toBeInstanceOf(InventoryError);
    await expect(failed).rejects.toThrow(/^layer 1: the connection was reset/);
  });

  it('when a tar ends before its stream does, then the rest is never read and the stream is closed', async () => {
    let closed = false;
    async function* endless(): AsyncGenerator<Uint8Array> {
      try {
        yield tarOf([{ path: 'etc/os-release', content: DEBIAN_12_OS_RELEASE }]);
        for (;;) yield Buffer.alloc(64 * 1024);
      } finally {
        closed = true;
      }
    }
    const inventory = await readInventory([{ digest: 'sha256:x', data: endless() }]);
    expect(inventory.os?.ecosystem).toBe('Debian:12');
    expect(closed).toBe(true);
  });
});
