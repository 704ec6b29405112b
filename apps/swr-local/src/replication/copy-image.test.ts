import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImage, writeOciLayout } from '../images/build.js';
import { INTERNAL_AGENT } from '../registry/client.js';
import { ociImage, ociIndex } from '../testing/images.js';
import { waitFor } from '../testing/wait.js';
import { copyImage, type CopiedBlob } from './copy-image.js';
import { ownRegistry, RemoteRegistry } from './remote-registry.js';
import {
  selfSignedCertificate,
  skopeo,
  startTestRegistry,
  type TestRegistry,
} from '../testing/registry-fronts.js';

// Real Distribution registries: a source and a target run as swr-local runs its own (reached
// directly, with its agent), one behind a front that demands Bearer tokens, one over https with a
// self-signed certificate.
const CREDENTIALS = { username: 'robot', password: 's3cret' };
let source: TestRegistry;
let target: TestRegistry;
let guarded: TestRegistry;
let secure: TestRegistry;
let src: RemoteRegistry;
let dst: RemoteRegistry;
const opened: RemoteRegistry[] = [];

function remote(
  registry: TestRegistry,
  extra: Partial<ConstructorParameters<typeof RemoteRegistry>[0]> = {},
) {
  const client = new RemoteRegistry({ url: registry.url, ...extra });
  opened.push(client);
  return client;
}

/** An OCI layout of an image with a layer of about `bytes` bytes that does not compress. */
function bigImage(bytes: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'oci-'));
  const noise = Array.from({ length: bytes / 32 }, (_, i) =>
    createHash('sha256').update(String(i)).digest('base64').slice(0, 32),
  ).join('');
  writeOciLayout(dir, 'img', buildImage(noise));
  return `oci:${dir}:img`;
}

const push = (layout: string, registry: TestRegistry, reference: string) =>
  skopeo(
    'copy',
    '--all',
    '--dest-tls-verify=false',
    layout,
    `docker://${registry.host}/${reference}`,
  );

/** The digest of the manifest a tag points at, as skopeo reads it (raw bytes, hashed). */
async function digestAt(
  registry: TestRegistry,
  reference: string,
  creds?: string,
): Promise<string> {
  const raw = await skopeo(
    'inspect',
    '--tls-verify=false',
    '--raw',
    ...(creds ? ['--creds', creds] : []),
    `docker://${registry.host}/${reference}`,
  );
  return `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}

beforeAll(async () => {
  const tls = await selfSignedCertificate();
  [source, target, guarded, secure] = await Promise.all([
    startTestRegistry(),
    startTestRegistry(),
    startTestRegistry({ auth: { scheme: 'bearer', ...CREDENTIALS } }),
    startTestRegistry({ tls }),
  ]);
  src = ownRegistry(source.direct);
  dst = ownRegistry(target.direct);
  opened.push(src, dst);
  await push(ociImage('single'), source, 'lib/single:v1');
  await push(ociIndex('multi'), source, 'lib/multi:v1');
  await push(ociImage('other'), source, 'lib/other:v1');
  await push(bigImage(4 * 1024 * 1024), source, 'lib/big:v1');
}, 120_000);

afterAll(async () => {
  for (const client of opened) client.close();
  await Promise.all([source, target, guarded, secure].map((registry) => registry?.stop()));
});

describe('copying between registries', () => {
  it('when a single-platform image is copied to an empty target, then the target tag has the source digest, every blob streamed', async () => {
    const blobs: CopiedBlob[] = [];
    const result = await copyImage(
      { registry: src, repository: 'lib/single' },
      { registry: dst, repository: 'mirror/single' },
      { tag: 'v1', override: false, onBlob: (blob) => blobs.push(blob) },
    );
    // Straight to the registry, upload locations too (the registry names its front in them).
    expect(target.requests.filter((request) => request.includes('mirror/single'))).toEqual([]);
    const digest = await digestAt(source, 'lib/single:v1');
    expect(result).toEqual({
      status: 'copied',
      digest,
      bytes: blobs.reduce((sum, blob) => sum + blob.size, 0),
    });
    expect(blobs.map((blob) => blob.outcome)).toEqual(['uploaded', 'uploaded']);
    expect(await digestAt(target, 'mirror/single:v1')).toBe(digest);
  });

  it('when swr-local writes to its own registry, then the registry notifies the write with swr-local’s agent', async () => {
    await waitFor(
      () =>
        target.events.some((event) => event.repository === 'mirror/single' && event.tag === 'v1'),
      15_000,
      'the notification of the copied tag',
    );
    const agents = target.events
      .filter((event) => event.repository === 'mirror/single' && event.action === 'push')
      .map((event) => event.useragent);
    expect(new Set(agents)).toEqual(new Set([INTERNAL_AGENT]));
  });

  it('when the same image is copied again, then it is skipped-same-digest and no blob is touched', async () => {
    const blobs: CopiedBlob[] = [];
    const result = await copyImage(
      { registry: src, repository: 'lib/single' },
      { registry: dst, repository: 'mirror/single' },
      { tag: 'v1', override: true, onBlob: (blob) => blobs.push(blob) },
    );
    expect(result).toMatchObject({ status: 'skipped-same-digest', bytes: 0 });
    expect(blobs).toEqual([]);
  });

  it('when a multi-platform index is copied, then the target has the index and both platforms, whole enough for skopeo to pull every one', async () => {
    const result = await copyImage(
      { registry: src, repository: 'lib/multi' },
      { registry: dst, repository: 'mirror/multi' },
      { tag: 'v1', override: false },
    );
    const digest = await digestAt(source, 'lib/multi:v1');
    expect(result).toMatchObject({ status: 'copied', digest });
    expect(await digestAt(target, 'mirror/multi:v1')).toBe(digest);
    const index = JSON.parse((await src.manifest('lib/multi', 'v1'))!.body.toString()) as {
      manifests: { digest: string }[];
    };
    expect(index.manifests).toHaveLength(2);
    for (const child of index.manifests)
      expect(await dst.manifestDigest('mirror/multi', child.digest)).toBe(child.digest);
    const dir = mkdtempSync(path.join(tmpdir(), 'pulled-'));
    await skopeo(
      'copy',
      '--all',
      '--src-tls-verify=false',
      `docker://${target.host}/mirror/multi:v1`,
      `oci:${dir}:img`,
    );
  });

  it('when the target tag holds another image, then without override it "exists" and the target is unchanged; with override it is replaced', async () => {
    await copyImage(
      { registry: src, repository: 'lib/other' },
      { registry: dst, repository: 'mirror/clash' },
      { tag: 'v1', override: false },
    );
    const other = await digestAt(target, 'mirror/clash:v1');
    const single = await digestAt(source, 'lib/single:v1');

    const kept = await copyImage(
      { registry: src, repository: 'lib/single' },
      { registry: dst, repository: 'mirror/clash' },
      { tag: 'v1', override: false },
    );
    expect(kept).toEqual({ status: 'exists', digest: single, bytes: 0, targetDigest: other });
    expect(await digestAt(target, 'mirror/clash:v1')).toBe(other);

    const replaced = await copyImage(
      { registry: src, repository: 'lib/single' },
      { registry: dst, repository: 'mirror/clash' },
      { tag: 'v1', override: true },
    );
    expect(replaced).toMatchObject({ status: 'copied', digest: single });
    expect(await digestAt(target, 'mirror/clash:v1')).toBe(single);
  });

  it('when source and target are one registry, then the blobs are mounted, not streamed', async () => {
    const blobs: CopiedBlob[] = [];
    const result = await copyImage(
      { registry: src, repository: 'lib/single' },
      { registry: src, repository: 'lib/single-copy' },
      { tag: 'v1', override: false, onBlob: (blob) => blobs.push(blob) },
    );
    expect(result).toMatchObject({ status: 'copied', bytes: 0 });
    expect(blobs.map((blob) => blob.outcome)).toEqual(['mounted', 'mounted']);
    expect(await digestAt(source, 'lib/single-copy:v1')).toBe(
      await digestAt(source, 'lib/single:v1'),
    );
  });
});

describe('a registry that asks for Bearer tokens', () => {
  it('when an index is pushed to it with credentials, then it arrives whole, and the token asked for covers push', async () => {
    const registry = remote(guarded, CREDENTIALS);
    const result = await copyImage(
      { registry: src, repository: 'lib/multi' },
      { registry, repository: 'team/multi' },
      { tag: 'v1', override: false },
    );
    const digest = await digestAt(source, 'lib/multi:v1');
    expect(result).toMatchObject({ status: 'copied', digest });
    expect(await digestAt(guarded, 'team/multi:v1', 'robot:s3cret')).toBe(digest);
    expect(guarded.tokenRequests.flatMap((query) => query.getAll('scope'))).toContain(
      'repository:team/multi:pull,push',
    );
    expect(await registry.listTags('team/multi')).toEqual(['v1']);
  });

  it('when a second image goes to the same repository, then no new token is asked for (they are cached per scope)', async () => {
    const registry = remote(guarded, CREDENTIALS);
    await copyImage(
      { registry: src, repository: 'lib/single' },
      { registry, repository: 'team/app' },
      {
        tag: 'v1',
        override: false,
      },
    );
    const asked = guarded.tokenRequests.length;
    const result = await copyImage(
      { registry: src, repository: 'lib/other' },
      { registry, repository: 'team/app' },
      { tag: 'v1', override: true },
    );
    expect(result.status).toBe('copied');
    expect(guarded.tokenRequests.length).toBe(asked);
  });

  it('when an image is pulled from it into this instance, then it arrives with its digest', async () => {
    const registry = remote(guarded, CREDENTIALS);
    const result = await copyImage(
      { registry, repository: 'team/multi' },
      { registry: dst, repository: 'pulled/multi' },
      { tag: 'v1', override: false },
    );
    expect(result.status).toBe('copied');
    expect(await digestAt(target, 'pulled/multi:v1')).toBe(await digestAt(source, 'lib/multi:v1'));
  });

  it('when the password is wrong, then the copy fails as unauthorized and nothing is written', async () => {
    const registry = remote(guarded, { ...CREDENTIALS, password: 'wrong' });
    await expect(
      copyImage(
        { registry: src, repository: 'lib/single' },
        { registry, repository: 'team/denied' },
        {
          tag: 'v1',
          override: false,
        },
      ),
    ).rejects.toMatchObject({ name: 'RemoteRegistryError', status: 401, code: 'UNAUTHORIZED' });
    expect(await remote(guarded, CREDENTIALS).listTags('team/denied')).toEqual([]);
  });
});

describe('a registry with a self-signed certificate', () => {
  it('when it is not marked insecure, then the copy fails on TLS; marked insecure, the copy works', async () => {
    await expect(
      copyImage(
        { registry: src, repository: 'lib/single' },
        { registry: remote(secure), repository: 'tls/app' },
        {
          tag: 'v1',
          override: false,
        },
      ),
    ).rejects.toMatchObject({ code: 'TLS', transient: false });
    const result = await copyImage(
      { registry: src, repository: 'lib/single' },
      { registry: remote(secure, { insecure: true }), repository: 'tls/app' },
      { tag: 'v1', override: false },
    );
    expect(result.status).toBe('copied');
    expect(await digestAt(secure, 'tls/app:v1')).toBe(result.digest);
  });
});

describe('cancelling a copy', () => {
  it('when the signal is aborted after the first blob, then the copy rejects as ABORTED and the target has no tag', async () => {
    const controller = new AbortController();
    const blobs: CopiedBlob[] = [];
    await expect(
      copyImage(
        { registry: src, repository: 'lib/multi' },
        { registry: dst, repository: 'aborted/multi' },
        {
          tag: 'v1',
          override: false,
          signal: controller.signal,
          onBlob: (blob) => {
            blobs.push(blob);
            controller.abort();
          },
        },
      ),
    ).rejects.toMatchObject({ name: 'RemoteRegistryError', code: 'ABORTED' });
    expect(blobs).toHaveLength(1);
    expect(await dst.manifestDigest('aborted/multi', 'v1')).toBeUndefined();
    expect(await dst.listTags('aborted/multi')).toEqual([]);
  });

  it('when the signal is aborted while a large layer is on its way, then the upload stops there, and neither that layer nor the tag is at the target', async () => {
    const controller = new AbortController();
    const registry = remote(target);
    let stalled: string | undefined;
    target.hold = (request) => {
      if (request.method !== 'PUT' || Number(request.headers['content-length']) < 1024 * 1024)
        return false;
      stalled = new URL(request.url!, target.url).searchParams.get('digest') ?? undefined;
      controller.abort();
      return true;
    };
    try {
      await expect(
        copyImage(
          { registry: src, repository: 'lib/big' },
          { registry, repository: 'aborted/big' },
          {
            tag: 'v1',
            override: false,
            signal: controller.signal,
          },
        ),
      ).rejects.toMatchObject({ code: 'ABORTED' });
    } finally {
      target.hold = undefined;
    }
    expect(stalled).toMatch(/^sha256:/);
    expect(await registry.hasBlob('aborted/big', stalled!)).toBe(false);
    expect(await registry.listTags('aborted/big')).toEqual([]);
    // The source was left in a state to serve the next copy.
    const again = await copyImage(
      { registry: src, repository: 'lib/big' },
      { registry, repository: 'aborted/big' },
      {
        tag: 'v1',
        override: false,
      },
    );
    expect(again.bytes).toBeGreaterThan(1024 * 1024);
  });
});
