// Benchmark: the account-wide retention plan over 100,000 tags (100 repositories × 1,000 tags,
// no rule of their own, a rule typed on the page), through the whole stack (swr-local, the BFF,
// the built console, Chromium): from navigation to the first planned repository on screen, and to
// every repository planned with its bytes. Run after npm run build:
// npx tsx bench/web-retention-plans.ts
import { createHash } from 'node:crypto';
import { startSandbox } from '@swr-console/swr-local/testing';
import { ms } from './lib.js';
import { consoleInChromium } from './stack.js';

const REPOSITORIES = Number(process.env.REPOSITORIES ?? 100);
const TAGS = Number(process.env.TAGS ?? 1000);
const RUNS = Number(process.env.RUNS ?? 3);
const namespace = 'bench';
const region = 'cn-north-4';

const sandbox = await startSandbox();
const admin = sandbox.user();
const { db } = sandbox.services;
// The account's id, as swr-local records it.
const domainId = db
  .prepare('SELECT id FROM domains WHERE name = ?')
  .pluck()
  .get(admin.account) as string;

const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

// Metadata straight into swr-local's database: the plan reads the tag list, which carries each
// tag's manifest. Each image has a base layer shared by the whole repository, a layer shared by
// ten tags, and one of its own, so that what is freed depends on what is kept.
const started = Date.now();
db.transaction(() => {
  const at = (i: number) => new Date(Date.parse('2025-01-01T00:00:00Z') + i * 60_000).toISOString();
  const namespaceId = db
    .prepare(
      'INSERT INTO namespaces (region, name, domain_id, creator_id, creator_name, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(region, namespace, domainId, admin.id, admin.name, at(0)).lastInsertRowid;
  const newRepository = db.prepare(
    'INSERT INTO repositories (namespace_id, name, creator_id, creator_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const manifest = db.prepare(
    'INSERT OR IGNORE INTO manifests (repository_id, digest, media_type, body, size, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const tag = db.prepare(
    'INSERT INTO tags (repository_id, name, digest, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const layer = (seed: string, size: number) => ({
    mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
    digest: sha(seed),
    size,
  });
  for (let r = 0; r < REPOSITORIES; r++) {
    const name = `app-${String(r).padStart(4, '0')}`;
    const repositoryId = newRepository.run(
      namespaceId,
      name,
      admin.id,
      admin.name,
      at(0),
      at(0),
    ).lastInsertRowid;
    for (let i = 0; i < TAGS; i++) {
      const body = JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: sha(`${name}/${i}/config`),
          size: 1469,
        },
        layers: [
          layer(`${name}/base`, 28_145_229),
          layer(`${name}/deps/${Math.floor(i / 10)}`, 3_623_807),
          layer(`${name}/app/${i}`, 52_000),
        ],
      });
      const digest = sha(body);
      manifest.run(
        repositoryId,
        digest,
        'application/vnd.oci.image.manifest.v1+json',
        body,
        31_822_505,
        at(i),
      );
      tag.run(repositoryId, `1.${Math.floor(i / 100)}.${i % 100}`, digest, at(i), at(i));
    }
  }
})();
const seeded = Date.now() - started;

const { base, browser, signedIn, stop } = await consoleInChromium(
  sandbox.endpointsFile,
  29695,
  admin,
);

// Code that runs in the page, as text (this program is type-checked for Node, not the DOM).
const FIRST_ROW = `document.querySelector('.console-table-row a') && performance.now()`;
const ALL_PLANNED = `[...document.querySelectorAll('[role="status"]')].some((s) =>
  s.textContent.startsWith('All ')) && performance.now()`;

async function thePage(): Promise<{ first: number; all: number; summary: string }> {
  const context = await browser.newContext(signedIn);
  const page = await context.newPage();
  await page.goto(
    `${base}/${region}/retention-plans?namespace=${namespace}&template=tag_rule&count=10`,
    { waitUntil: 'commit' },
  );
  const first = (await (
    await page.waitForFunction(FIRST_ROW, undefined, { polling: 'raf', timeout: 60_000 })
  ).jsonValue()) as number;
  const all = (await (
    await page.waitForFunction(ALL_PLANNED, undefined, { polling: 200, timeout: 1_800_000 })
  ).jsonValue()) as number;
  const summary = (await page.getByRole('status').filter({ hasText: 'All ' }).textContent()) ?? '';
  await context.close();
  return { first, all, summary };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await thePage());
const expected = (REPOSITORIES * (TAGS - 10)).toLocaleString('en-US');
if (!runs[0]!.summary.includes(`typed rule would delete ${expected} tags`))
  throw new Error(`the page says "${runs[0]!.summary}"`);
console.log(
  `${REPOSITORIES} repositories × ${TAGS} tags (seeded in ${ms(seeded)}), a typed rule keeping the newest 10; median of ${RUNS}`,
);
console.log('| first repository planned on screen | all planned, with bytes | summary |');
console.log('|---|---|---|');
console.log(
  `| ${ms(median(runs.map((r) => r.first)))} | ${ms(median(runs.map((r) => r.all)))} | ${runs[0]!.summary} |`,
);
await stop();
await sandbox.stop();
