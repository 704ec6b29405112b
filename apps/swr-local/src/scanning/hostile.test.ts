import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INVENTORY_LIMITS, InventoryError, readInventory } from './inventory.js';
import { DEBIAN_12_OS_RELEASE, debian12Status, tarOf } from './testing.js';

// Layers come from whoever pushes an image. Whatever their bytes, reading them either answers an
// inventory or fails with an InventoryError the scan job records: never another error, never a hang.

const LIMITS = { ...INVENTORY_LIMITS, maxFileBytes: 64 * 1024, maxLayerBytes: 4 * 1024 * 1024 };

const VALID = tarOf([
  { path: 'etc/os-release', content: DEBIAN_12_OS_RELEASE },
  { path: `var/lib/${'x/'.repeat(60)}file`, content: 'long', longPath: 'pax' },
  { path: 'var/lib/dpkg/status', content: debian12Status() },
  { path: 'var/lib/dpkg/.wh.status' },
]);

async function outcome(layers: Uint8Array[]): Promise<'read' | 'refused'> {
  try {
    await readInventory(layers, LIMITS);
    return 'read';
  } catch (error) {
    expect(error).toBeInstanceOf(InventoryError);
    return 'refused';
  }
}

/** A valid layer with some bytes overwritten, cut short, or both; gzipped or not. */
const damaged = fc
  .record({
    writes: fc.array(
      fc.record({ at: fc.nat(VALID.length - 1), byte: fc.integer({ min: 0, max: 255 }) }),
      {
        maxLength: 8,
      },
    ),
    cut: fc.option(fc.nat(VALID.length), { nil: undefined }),
    gzip: fc.boolean(),
  })
  .map(({ writes, cut, gzip }) => {
    const bytes = Buffer.from(VALID);
    for (const { at, byte } of writes) bytes[at] = byte;
    const tar = bytes.subarray(0, cut ?? bytes.length);
    return gzip ? gzipSync(tar) : tar;
  });

describe('hostile layers', () => {
  it('when a layer is random bytes, then it is read or refused with an InventoryError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.boolean(), async (bytes, gzip) => {
        await outcome([gzip ? gzipSync(bytes) : bytes]);
      }),
      { numRuns: 200 },
    );
  });

  it('when a valid layer is damaged anywhere, then it is read or refused with an InventoryError', async () => {
    await fc.assert(
      fc.asyncProperty(damaged, async (layer) => {
        await outcome([layer]);
      }),
      { numRuns: 300 },
    );
  });

  it('when the gzip stream itself is damaged, then it is read or refused with an InventoryError', async () => {
    const gz = gzipSync(VALID);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(gz.length - 1),
        fc.integer({ min: 1, max: 255 }),
        async (at, flip) => {
          const bytes = Buffer.from(gz);
          bytes[at] = bytes[at]! ^ flip;
          await outcome([bytes]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('when the undamaged layer is read, then it is read (the properties above are not vacuous)', async () => {
    expect(await outcome([VALID])).toBe('read');
    expect(await outcome([gzipSync(VALID)])).toBe('read');
  });
});
