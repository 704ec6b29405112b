import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// The contract's schemas are for servers and tests; the console checks input with its own forms.
// The test command builds the console before these tests, so its assets are on disk.
const assets = path.resolve('apps/web/dist/assets');

/** What zod leaves in any bundle it is in: names and a property no minifier renames. */
const ZOD = /\b_zod\b|\$ZodType|\bZodError\b/;

test('when the console is built, then none of its scripts carries the schema library', () => {
  const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(5);
  const carrying = scripts.filter((file) =>
    ZOD.test(readFileSync(path.join(assets, file), 'utf8')),
  );
  expect(carrying).toEqual([]);
});
