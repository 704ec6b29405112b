// Benchmark: regions side by side at 1,000 repositories × 1,000 tags in each of two regions,
// through the whole stack (swr-local, the BFF, the built console, Chromium). It measures the page
// as built (the BFF compares, the browser gets counts and differences) and, for the choice, the
// other way: the browser reading every tag page of both regions through the BFF's proxy and
// comparing them itself. Run after npm run build: npx tsx bench/web-regions.ts
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { startSandbox } from '@swr-console/swr-local/testing';
import { ms } from './lib.js';
import { consoleInChromium } from './stack.js';

const REPOSITORIES = Number(process.env.REPOSITORIES ?? 1000);
const TAGS = Number(process.env.TAGS ?? 1000);
const RUNS = Number(process.env.RUNS ?? 3);
const namespace = 'bench';
const [home, away] = ['cn-north-4', 'ap-southeast-1'];

const sandbox = await startSandbox();
const admin = sandbox.user();
const { db } = sandbox.services;
// The account's id, as swr-local records it.
const domainId = db
  .prepare('SELECT id FROM domains WHERE name = ?')
  .pluck()
  .get(admin.account) as string;

const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

/**
 * A single-arch manifest of the usual shape (config and three layers): the tag list carries it as
 * a string with every tag, so its size is what the browser would download per tag.
 */
function manifestOf(seed: string): string {
  const blob = (n: number, size: number) => ({
    mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
    digest: sha(`${seed}/${n}`),
    size,
  });
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: sha(`${seed}/config`),
      size: 1469,
    },
    layers: [blob(1, 3_623_807), blob(2, 28_145_229), blob(3, 1_024)],
  });
}

// Metadata straight into swr-local's database: the tag list reads SQLite, not the registry.
// One image per ten tags. The other region has the same images, except that one repository in
// ten differs: its first tag is on another image there, its second is missing there, and there
// is one tag only there.
const started = Date.now();
db.transaction(() => {
  const at = '2025-01-01T00:00:00.000Z';
  const newNamespace = db.prepare(
    'INSERT INTO namespaces (region, name, domain_id, creator_id, creator_name, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const newRepository = db.prepare(
    'INSERT INTO repositories (namespace_id, name, creator_id, creator_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const manifest = db.prepare(
    'INSERT OR IGNORE INTO manifests (repository_id, digest, media_type, body, size, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const tag = db.prepare(
    'INSERT INTO tags (repository_id, name, digest, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  for (const region of [home, away]) {
    const namespaceId = newNamespace.run(
      region,
      namespace,
      domainId,
      admin.id,
      admin.name,
      at,
    ).lastInsertRowid;
    for (let r = 0; r < REPOSITORIES; r++) {
      const name = `app-${String(r).padStart(4, '0')}`;
      const repositoryId = newRepository.run(
        namespaceId,
        name,
        admin.id,
        admin.name,
        at,
        at,
      ).lastInsertRowid;
      const differs = r % 10 === 0 && region === away;
      const put = (tagName: string, seed: string) => {
        const body = manifestOf(seed);
        const digest = sha(body);
        manifest.run(
          repositoryId,
          digest,
          'application/vnd.oci.image.manifest.v1+json',
          body,
          32_000_000,
          at,
        );
        tag.run(repositoryId, tagName, digest, at, at);
      };
      for (let i = 0; i < TAGS; i++) {
        if (differs && i === 1) continue;
        const image = differs && i === 0 ? `${name}/there` : `${name}/${Math.floor(i / 10)}`;
        put(`1.${Math.floor(i / 100)}.${i % 100}`, image);
      }
      if (differs) put('only-there', `${name}/only-there`);
    }
  }
})();
const seeded = Date.now() - started;

const { base, browser, signedIn, stop } = await consoleInChromium(
  sandbox.endpointsFile,
  29690,
  admin,
);

// Code that runs in the page, as text (this program is type-checked for Node, not the DOM).
const FIRST_DIFFERENCE = `document.querySelector('.regions-state[data-state="differs"]') && performance.now()`;
const ALL_COMPARED = `[...document.querySelectorAll('[role="status"]')].some((s) =>
  s.textContent.startsWith('All compared')) && performance.now()`;

/** Counts the bytes of the answers whose address holds `part`, as they came over the wire. */
function countBytes(page: Page, part: string) {
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (request) => {
    if (request.url().includes(part))
      sizes.push(
        request.sizes().then(
          (s) => s.responseBodySize,
          () => 0,
        ),
      );
  });
  return async () => (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
}
const FIRST_REQUEST = `Math.min(...performance.getEntriesByType('resource')
  .filter((e) => e.name.includes('/api/regions-compare/')).map((e) => e.startTime))`;

interface Run {
  /** From the first comparison asked for to the first differing repository known. */
  first: number;
  /** From the first comparison asked for to the last repository compared. */
  all: number;
  /** From the navigation (page load included) to the first difference drawn. */
  shown?: number;
  bytes: number;
}

/** The page as built: from navigation to the first differing repository drawn, and to the end. */
async function thePage(): Promise<Run> {
  const context = await browser.newContext(signedIn);
  const page = await context.newPage();
  const bytes = countBytes(page, '/api/regions-compare/');
  await page.goto(`${base}/${home}/regions-compare?namespace=${namespace}`, {
    waitUntil: 'commit',
  });
  const shown = (await (
    await page.waitForFunction(FIRST_DIFFERENCE, undefined, { polling: 'raf', timeout: 60_000 })
  ).jsonValue()) as number;
  const all = (await (
    await page.waitForFunction(ALL_COMPARED, undefined, { polling: 200, timeout: 1_800_000 })
  ).jsonValue()) as number;
  const summary = await page.getByRole('status').filter({ hasText: 'All compared' }).textContent();
  if (!summary?.includes(`${REPOSITORIES / 10} of ${REPOSITORIES.toLocaleString('en-US')}`))
    throw new Error(`the page says "${summary}"`);
  const firstRequest = (await page.evaluate(FIRST_REQUEST)) as number;
  const run = { first: shown - firstRequest, all: all - firstRequest, shown, bytes: await bytes() };
  await context.close();
  return run;
}

/**
 * The other way, in the same browser session: every tag page of both regions read through the
 * proxy (four repositories at a time, as the BFF reads them) and compared in the page.
 */
const IN_BROWSER = `(async () => {
  const started = performance.now();
  let first = 0, differing = 0;
  const tagsOf = async (region, name) => {
    const tags = new Map();
    for (let offset = 0; ; offset += 1000) {
      const response = await fetch('/api/swr/' + region + '/v2/manage/namespaces/${namespace}/repos/' +
        name + '/tags?limit=1000&offset=' + offset + '&order_column=tag&order_type=asc');
      const page = await response.json();
      for (const item of page) tags.set(item.Tag, item.digest);
      if (page.length < 1000) return tags;
    }
  };
  const names = Array.from({ length: ${REPOSITORIES} }, (_, r) => 'app-' + String(r).padStart(4, '0'));
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const name = names[next++];
      const [here, there] = await Promise.all([tagsOf('${home}', name), tagsOf('${away}', name)]);
      let differs = here.size !== there.size;
      for (const [tag, digest] of here) if (there.get(tag) !== digest) differs = true;
      if (differs) { differing++; if (!first) first = performance.now() - started; }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return { first, all: performance.now() - started, differing };
})()`;

async function inBrowser(): Promise<Run> {
  const context = await browser.newContext(signedIn);
  const page = await context.newPage();
  const bytes = countBytes(page, '/api/swr/');
  await page.goto(`${base}/healthz`);
  const result = (await page.evaluate(IN_BROWSER)) as {
    first: number;
    all: number;
    differing: number;
  };
  if (result.differing !== REPOSITORIES / 10) throw new Error(`found ${result.differing}`);
  const run = { ...result, bytes: await bytes() };
  await context.close();
  return run;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(1)} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function measure(run: () => Promise<Run>, runs: number) {
  const samples: Run[] = [];
  for (let i = 0; i < runs; i++) samples.push(await run());
  return {
    first: ms(median(samples.map((s) => s.first))),
    all: ms(median(samples.map((s) => s.all))),
    shown: samples[0]!.shown === undefined ? '—' : ms(median(samples.map((s) => s.shown!))),
    bytes: size(samples[0]!.bytes),
  };
}

const built = await measure(thePage, RUNS);
// Reading every tag of both regions takes minutes at full size: once is enough to compare.
const browserSide = await measure(inBrowser, 1);
console.log(
  `${REPOSITORIES} repositories × ${TAGS} tags in each of two regions (seeded in ${ms(seeded)}); median of ${RUNS}`,
);
console.log(
  '| comparison | first difference known | all compared | first difference on screen, page load included | bytes to the browser |',
);
console.log('|---|---|---|---|---|');
for (const [name, row] of [
  ['in the BFF (the page as built)', built],
  ['in the browser (tag pages through the proxy)', browserSide],
] as const)
  console.log(`| ${name} | ${row.first} | ${row.all} | ${row.shown} | ${row.bytes} |`);
await stop();
await sandbox.stop();
