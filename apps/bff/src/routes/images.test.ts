import type { ImageInspection } from '@swr-console/swr-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, sandboxUser, startBff, type RunningBff } from '../testing/harness.js';
import { registryTool } from '../testing/registry.js';

// What the BFF says of an image must be what the registry serves: skopeo reads the same images
// independently, and a user without pull rights is refused.
const region = 'cn-north-4';
let bff: RunningBff;
let browser: Browser;
let registry: Awaited<ReturnType<typeof registryTool>>;

beforeAll(async () => {
  bff = await startBff();
  browser = new Browser(bff.url);
  const admin = sandboxUser();
  await browser.signInWithKey(admin);
  registry = await registryTool(admin, [region]);
}, 60_000);
afterAll(() => bff?.stop());

const inspect = (query: string, as = browser) =>
  as.request('GET', `/api/images/${region}?${query}`);

describe('inspecting an image', () => {
  it('when a multi-platform tag is inspected, then its platforms and the chosen image are those the registry serves', async () => {
    const raw = (await registry.raw(`library/busybox-mini:latest`, region)) as {
      manifests: { digest: string; platform: { architecture: string } }[];
    };
    const arm = raw.manifests.find((m) => m.platform.architecture === 'arm64')!;
    const armRaw = (await registry.raw(`library/busybox-mini@${arm.digest}`, region)) as {
      config: { digest: string };
      layers: { digest: string; size: number }[];
    };

    const answer = await inspect(
      'namespace=library&repository=busybox-mini&reference=latest&platform=linux/arm64',
    );
    expect(answer.status, answer.text).toBe(200);
    const image = answer.json<ImageInspection>();
    expect(image.platforms.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(image.image).toMatchObject({
      platform: 'linux/arm64',
      digest: arm.digest,
      configDigest: armRaw.config.digest,
      layers: armRaw.layers.map(({ digest, size }) => ({ digest, size })),
      config: { os: 'linux', architecture: 'arm64', cmd: ['cat', '/etc/swr-demo/hello.txt'] },
    });
    expect(image.image.history).toHaveLength(1);
    // Read again: the same answer, from what was kept.
    expect(
      (
        await inspect(
          'namespace=library&repository=busybox-mini&reference=latest&platform=linux/arm64',
        )
      ).json(),
    ).toEqual(image);
  });

  it('when a single image is inspected by digest, then it has no platforms to choose and its size counts manifest, config and layers', async () => {
    const digest = await registry.digest(`library/alpine-lite:3.20`, region);
    const answer = await inspect(`namespace=library&repository=alpine-lite&reference=${digest}`);
    const image = answer.json<ImageInspection>();
    expect(image).toMatchObject({
      digest,
      platforms: [],
      image: { digest, platform: 'linux/amd64' },
    });
    const layerBytes = image.image.layers.reduce((sum, layer) => sum + layer.size, 0);
    expect(image.image.size).toBeGreaterThan(layerBytes);
  });

  it('when the tag or the platform does not exist, then 404 names the parameter', async () => {
    const missing = await inspect('namespace=library&repository=alpine-lite&reference=9.99');
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({
      code: 'IMAGE_NOT_FOUND',
      errors: [{ field: 'reference' }],
    });
    const platform = await inspect(
      'namespace=library&repository=busybox-mini&reference=latest&platform=linux/s390x',
    );
    expect(platform.status).toBe(404);
    expect(platform.json()).toMatchObject({
      code: 'PLATFORM_NOT_FOUND',
      errors: [{ field: 'platform' }],
    });
  });

  it('when an Enterprise artifact is inspected with its instance, then it is read from that instance’s registry', async () => {
    const project = sandboxUser().projects[region]!;
    const api = `/api/swr/${region}/v2/${project}/instances`;
    const { instances } = (await browser.request('GET', api)).json<{
      instances: { id: string }[];
    }>();
    const instance = instances[0]!.id;
    const { artifacts } = (
      await browser.request(
        'GET',
        `${api}/${instance}/namespaces/platform/repositories/base-image/artifacts`,
      )
    ).json<{ artifacts: { digest: string; tags: { name: string }[] }[] }>();
    const release = artifacts.find((a) => a.tags.some((tag) => tag.name === 'v1.0'))!;
    const query = 'namespace=platform&repository=base-image&reference=v1.0';
    const answer = await inspect(`instance=${instance}&${query}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json<ImageInspection>()).toMatchObject({
      digest: release.digest,
      platforms: [],
      image: { platform: 'linux/amd64' },
    });
    // The region's registry has no such image; another account has no such instance.
    expect((await inspect(query)).status).not.toBe(200);
    const partner = new Browser(bff.url);
    await partner.signInWithKey(sandboxUser(undefined, 1));
    const foreign = await inspect(`instance=${instance}&${query}`, partner);
    expect(foreign.status, foreign.text).toBe(404);
    // An Enterprise namespace may start with a digit; an organization may not.
    const digitFirst = await inspect(
      `instance=${instance}&namespace=1st&repository=a&reference=v1`,
    );
    expect(digitFirst.status).not.toBe(400);
    expect((await inspect('namespace=1st&repository=a&reference=v1')).status).toBe(400);
  });

  it('when the parameters are wrong, then 400 names each one', async () => {
    const answer = await inspect(
      'namespace=Bad!&repository=a&reference=has%20space&platform=linux',
    );
    expect(answer.status).toBe(400);
    const fields = answer.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields.sort()).toEqual(['namespace', 'platform', 'reference']);
  });

  it('when another account inspects a private repository, then it reads one shared with it and gets 403 and nothing of one that is not', async () => {
    const partner = new Browser(bff.url);
    await partner.signInWithKey(sandboxUser(undefined, 1));
    const shared = await inspect(
      'namespace=team-web&repository=api/gateway&reference=2.0.1',
      partner,
    );
    expect(shared.status, shared.text).toBe(200);
    const answer = await inspect(
      'namespace=team-web&repository=frontend&reference=latest',
      partner,
    );
    expect(answer.status, answer.text).toBe(403);
    expect(answer.json()).toMatchObject({ code: 'REGISTRY_DENIED' });
    expect(answer.text).not.toContain('sha256:');
  });
});
