import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { measurePages } from '@swr-console/web/bundle';

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

/** What a first visit may load, gzip KB, measured on the built console from Vite's manifest. */
const BUDGET = {
  signInJs: 150,
  signInCss: 15,
  firstPageJs: 260,
  furtherPageAddsJs: 60,
  anyPageCss: 30,
} as const;

test('when the console is built, then no page loads more than its budget', () => {
  const pages = measurePages(path.resolve('apps/web/dist'));
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  const signIn = pages.find((page) => page.name === 'sign-in')!;
  const first = pages.find((page) => page.name === 'organizations')!;
  const further = pages.filter((page) => page !== signIn && page !== first);
  expect(further.length).toBeGreaterThan(4);
  expect(kb(signIn.js)).toBeLessThanOrEqual(BUDGET.signInJs);
  expect(kb(signIn.css)).toBeLessThanOrEqual(BUDGET.signInCss);
  expect(kb(first.js)).toBeLessThanOrEqual(BUDGET.firstPageJs);
  for (const page of further)
    expect(kb(page.jsAdded), page.name).toBeLessThanOrEqual(BUDGET.furtherPageAddsJs);
  for (const page of pages) expect(kb(page.css), page.name).toBeLessThanOrEqual(BUDGET.anyPageCss);
});
