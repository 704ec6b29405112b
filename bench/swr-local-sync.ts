// Benchmark: manual sync throughput of swr-local against `skopeo copy` between the same two
// regional registries, in the same run. Run: npx tsx bench/swr-local-sync.ts
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  buildImage,
  writeOciLayout,
  registryUser,
  startSandbox,
  waitFor,
} from '@swr-console/swr-local/testing';

const images = Number(process.env.IMAGES ?? 20);
const layerBytes = Number(process.env.LAYER_BYTES ?? 2 * 1024 * 1024);
const [home, away] = ['cn-north-4', 'ap-southeast-1'];

const sandbox = await startSandbox();
const admin = sandbox.user();
const registry = registryUser(sandbox, admin);
const run = registry.run;
for (const region of [home!, away!]) await registry.login(region);
await sandbox.client(admin, away).request('CreateNamespace', { body: { namespace: 'by-sync' } });
await sandbox.client(admin, away).request('CreateNamespace', { body: { namespace: 'by-skopeo' } });

const tags = Array.from({ length: images }, (_, i) => `t${i}`);
let bytes = 0;
for (const tag of tags) {
  const dir = mkdtempSync(path.join(tmpdir(), 'oci-'));
  // Random content: nothing compresses or deduplicates, so every byte crosses.
  const image = buildImage(randomBytes(layerBytes / 2).toString('hex'));
  bytes += image.blobs.reduce((sum, blob) => sum + blob.size, 0);
  writeOciLayout(dir, 'img', image);
  const pushed = await run(
    'copy',
    '--dest-tls-verify=false',
    `oci:${dir}:img`,
    `docker://${sandbox.registry(home)}/src/app:${tag}`,
  );
  if (!pushed.ok) throw new Error(pushed.stderr);
}
const mb = bytes / 1024 / 1024;

let start = performance.now();
await sandbox.client(admin).request('CreateManualImageSyncRepo', {
  path: { namespace: 'src', repository: 'app' },
  body: { imageTag: tags, remoteRegionId: away!, remoteNamespace: 'by-sync' },
});
await waitFor(
  async () => {
    const jobs = (
      await sandbox.client(admin).request('ShowSyncJob', {
        path: { namespace: 'src', repository: 'app' },
        query: { filter: `limit::${images}|offset::0` },
      })
    ).data;
    if (jobs.some((job) => job.status === 'failed')) throw new Error('a sync job failed');
    return jobs.length === images && jobs.every((job) => job.status === 'success');
  },
  600_000,
  'all sync jobs',
);
const syncSeconds = (performance.now() - start) / 1000;

start = performance.now();
for (const tag of tags) {
  const copied = await run(
    'copy',
    '--src-tls-verify=false',
    '--dest-tls-verify=false',
    `docker://${sandbox.registry(home)}/src/app:${tag}`,
    `docker://${sandbox.registry(away)}/by-skopeo/app:${tag}`,
  );
  if (!copied.ok) throw new Error(copied.stderr);
}
const skopeoSeconds = (performance.now() - start) / 1000;

console.log(`${images} images, ${mb.toFixed(1)} MiB in all`);
console.log(`| way | time | images/s | MiB/s |`);
console.log(`|---|---|---|---|`);
console.log(
  `| swr-local manual sync | ${syncSeconds.toFixed(2)} s | ${(images / syncSeconds).toFixed(1)} | ${(mb / syncSeconds).toFixed(1)} |`,
);
console.log(
  `| skopeo copy, one by one | ${skopeoSeconds.toFixed(2)} s | ${(images / skopeoSeconds).toFixed(1)} | ${(mb / skopeoSeconds).toFixed(1)} |`,
);
await sandbox.stop();
