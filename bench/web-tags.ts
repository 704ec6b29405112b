// Benchmark: time from navigation to the first tag rows in Chromium, on a repository with 10,000
// tags, through the whole stack (swr-local, the BFF, the built console). Run after npm run build:
// npx tsx bench/web-tags.ts
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { startSandbox } from '@swr-console/swr-local/testing';
import { ms, percentile } from './lib.js';
import { consoleInChromium } from './stack.js';

const TAGS = Number(process.env.TAGS ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 9);
const namespace = 'bench';
const repository = 'many-tags';

const sandbox = await startSandbox();
const admin = sandbox.user();
await sandbox.client(admin).request('CreateNamespace', { body: { namespace } });
await sandbox.client(admin).request('CreateRepo', {
  path: { namespace },
  body: { repository, is_public: false, category: 'app_server' },
});

// Metadata straight into swr-local's database: the list reads SQLite, not the registry. One
// manifest per ten tags, so digests are shared the way release tags share them.
const { db } = sandbox.services;
const repoId = db
  .prepare('SELECT id FROM repositories WHERE name = ?')
  .pluck()
  .get(repository) as number;
db.transaction(() => {
  const manifest = db.prepare(
    'INSERT INTO manifests (repository_id, digest, media_type, body, size, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const tag = db.prepare(
    'INSERT INTO tags (repository_id, name, digest, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const start = Date.parse('2025-01-01T00:00:00Z');
  for (let i = 0; i < TAGS; i++) {
    const at = new Date(start + i * 60_000).toISOString();
    const digest =
      'sha256:' +
      createHash('sha256')
        .update(String(Math.floor(i / 10)))
        .digest('hex');
    if (i % 10 === 0) {
      const body = JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest, size: 1 },
        layers: [],
      });
      manifest.run(
        repoId,
        digest,
        'application/vnd.oci.image.manifest.v1+json',
        body,
        5_000_000 + i,
        at,
      );
    }
    tag.run(
      repoId,
      `v${Math.floor(i / 1000)}.${Math.floor(i / 10) % 100}.${i % 10}-build${i}`,
      digest,
      at,
      at,
    );
  }
})();

// The BFF as it runs in production, on the sandbox's endpoints.
const { base, browser, signedIn, stop } = await consoleInChromium(
  sandbox.endpointsFile,
  29680,
  admin,
);

const tagsUrl = `${base}/cn-north-4/repositories/${namespace}/${repository}/tags`;

// Code that runs in the page (as text: this program is type-checked for Node, not the DOM).
const FIRST_ROWS = `[...document.querySelectorAll('.console-table-row')].some((row) =>
  /-build\\d+/.test(row.textContent ?? '')) && performance.now()`;
const CLICK_REPOSITORY = `(() => {
  const anchor = [...document.querySelectorAll('a')].find((a) =>
    a.getAttribute('href')?.endsWith('/${repository}'));
  window.clickedAt = performance.now();
  anchor.click();
})()`;

/** Milliseconds on the page's clock when a table row showing a tag of this repository is drawn. */
async function firstRowsAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(FIRST_ROWS, undefined, {
    polling: 'raf',
    timeout: 30_000,
  });
  return (await handle.jsonValue()) as number;
}

/** A page load in a new context: nothing cached, as when a link is opened the first time. */
async function coldLoad(query: string): Promise<number> {
  const context = await browser.newContext(signedIn);
  const page = await context.newPage();
  await page.goto(tagsUrl + query, { waitUntil: 'commit' });
  const at = await firstRowsAt(page); // performance.now() counts from the navigation's start
  await context.close();
  return at;
}

/** A page load with the console's files in the browser cache (a returning user). */
async function warmLoad(page: Page, query: string): Promise<number> {
  await page.goto(tagsUrl + query, { waitUntil: 'commit' });
  return firstRowsAt(page);
}

/** Inside the running console: from the click on the repository to its first tag rows. */
async function inApp(page: Page): Promise<number> {
  await page.goto(`${base}/cn-north-4/repositories?namespace=${namespace}`);
  const link = page.getByRole('link', { name: `${namespace}/${repository}`, exact: true });
  await link.waitFor();
  await page.evaluate(CLICK_REPOSITORY);
  const at = await firstRowsAt(page);
  return at - ((await page.evaluate('window.clickedAt')) as number);
}

async function measure(run: () => Promise<number>): Promise<string> {
  await run(); // one to warm swr-local, the BFF and SQLite
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await run());
  samples.sort((a, b) => a - b);
  return `${ms(percentile(samples, 50))} / ${ms(samples.at(-1)!)}`;
}

// CPU_PROFILE=out.cpuprofile: one cold load with Chromium's CPU profiler on (open the file in the
// browser's devtools), and when each request started and ended.
if (process.env.CPU_PROFILE) {
  const context = await browser.newContext(signedIn);
  const page = await context.newPage();
  await page.goto(`${base}/healthz`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  await page.goto(tagsUrl, { waitUntil: 'commit' });
  console.log(`first tag rows at ${ms(await firstRowsAt(page))}`);
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(process.env.CPU_PROFILE, JSON.stringify(profile));
  const requests = (await page.evaluate(
    `performance.getEntriesByType('resource').map((e) => [e.name, e.startTime, e.responseEnd])`,
  )) as [string, number, number][];
  for (const [name, start, end] of requests)
    console.log(`${ms(start).padStart(10)} → ${ms(end).padStart(10)}  ${name.replace(base, '')}`);
  await context.close();
}

const warmContext = await browser.newContext(signedIn);
const warmPage = await warmContext.newPage();
const rows: [string, string][] = [
  ['first load, nothing cached, 20 newest tags', await measure(() => coldLoad(''))],
  ['reload with the console cached, 20 newest tags', await measure(() => warmLoad(warmPage, ''))],
  [
    'reload with the console cached, 1,000 tags (virtual table)',
    await measure(() => warmLoad(warmPage, '?pageSize=1000')),
  ],
  [
    'reload with the console cached, sorted by name',
    await measure(() => warmLoad(warmPage, '?sort=tag&order=asc')),
  ],
  ['click in the repository list → first tag rows', await measure(() => inApp(warmPage))],
];
await warmContext.close();
await stop();
await sandbox.stop();

console.log(
  `Repository with ${TAGS.toLocaleString('en-US')} tags; median / slowest of ${RUNS} runs.`,
);
console.log('| view | navigation → first tag rows |');
console.log('|---|---|');
for (const [view, time] of rows) console.log(`| ${view} | ${time} |`);
