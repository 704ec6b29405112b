// Benchmark: one page of a repository's tags from swr-local at 10,000 and 100,000 tags.
// Run: npx tsx bench/swr-local-tags.ts
import { startSandbox } from '@swr-console/swr-local/testing';
import { ms, timeMany } from './lib.js';

const sizes = [10_000, 100_000];
const runs = 200;

const sandbox = await startSandbox();
const admin = sandbox.user();
const client = sandbox.client(admin);
const { db } = sandbox.services;

console.log(
  `| tags | first page (100, newest first) p50 / p99 | page at offset 90% p50 / p99 | name filter p50 / p99 |`,
);
console.log(`|---|---|---|---|`);
for (const size of sizes) {
  const repository = `bench-${size}`;
  await client
    .request('CreateNamespace', { body: { namespace: `n${size}` } })
    .catch(() => undefined);
  await client.request('CreateRepo', {
    path: { namespace: `n${size}` },
    body: { repository, is_public: false },
  });
  const repoId = db
    .prepare('SELECT id FROM repositories WHERE name = ?')
    .pluck()
    .get(repository) as number;
  // Metadata only: the list reads SQLite, so the registry need not hold 100,000 images.
  db.transaction(() => {
    const body = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { digest: 'sha256:' + '0'.repeat(64), size: 1 },
      layers: [],
    });
    db.prepare(
      `INSERT INTO manifests (repository_id, digest, media_type, body, size, created_at) VALUES (?, ?, ?, ?, 1, ?)`,
    ).run(
      repoId,
      'sha256:' + 'a'.repeat(64),
      'application/vnd.oci.image.manifest.v1+json',
      body,
      new Date().toISOString(),
    );
    const insert = db.prepare(
      'INSERT INTO tags (repository_id, name, digest, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    const start = Date.parse('2024-01-01T00:00:00Z');
    for (let i = 0; i < size; i++) {
      const at = new Date(start + i * 60_000).toISOString();
      insert.run(
        repoId,
        `v${Math.floor(i / 1000)}.${Math.floor(i / 10) % 100}.${i % 10}-build${i}`,
        'sha256:' + 'a'.repeat(64),
        at,
        at,
      );
    }
  })();
  const path = { namespace: `n${size}`, repository };
  const first = await timeMany(runs, () =>
    client.request('ListRepositoryTags', {
      path,
      query: { limit: 100, offset: 0, order_column: 'updated_at', order_type: 'desc' },
    }),
  );
  const deep = await timeMany(runs, () =>
    client.request('ListRepositoryTags', {
      path,
      query: {
        limit: 100,
        offset: Math.floor(size * 0.9),
        order_column: 'updated_at',
        order_type: 'desc',
      },
    }),
  );
  const filtered = await timeMany(runs, () =>
    client.request('ListRepositoryTags', {
      path,
      query: { limit: 100, offset: 0, tag: 'build99' },
    }),
  );
  console.log(
    `| ${size.toLocaleString('en')} | ${ms(first.p50)} / ${ms(first.p99)} | ${ms(deep.p50)} / ${ms(deep.p99)} | ${ms(filtered.p50)} / ${ms(filtered.p99)} |`,
  );
}
await sandbox.stop();
