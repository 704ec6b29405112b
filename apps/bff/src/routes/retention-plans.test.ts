import type { RetentionPlans } from '@swr-console/contracts/bff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, sandboxUser, startBff, type RunningBff } from '../testing/harness.js';
import { registryTool } from '../testing/registry.js';

// A plan's bytes must be what the registry would really free: counted here independently from
// the manifests skopeo reads, over tags that share images and a multi-platform list.
const region = 'cn-north-4';
let bff: RunningBff;
let browser: Browser;
let registry: Awaited<ReturnType<typeof registryTool>>;

interface Manifest {
  layers?: { digest: string; size: number }[];
  manifests?: { digest: string }[];
}

/** Every layer of a tag (every platform of a list), read with skopeo. */
async function layersOf(reference: string): Promise<{ digest: string; size: number }[]> {
  const raw = async (ref: string) => (await registry.raw(ref, region)) as Manifest;
  const top = await raw(reference);
  if (top.layers) return top.layers;
  const repository = reference.split(':')[0]!;
  const children = await Promise.all(
    (top.manifests ?? []).map((m) => raw(`${repository}@${m.digest}`)),
  );
  return children.flatMap((child) => child.layers ?? []);
}

beforeAll(async () => {
  bff = await startBff();
  browser = new Browser(bff.url);
  const admin = sandboxUser();
  await browser.signInWithKey(admin);
  registry = await registryTool(admin, [region]);
  // Pushed one after the other, so t4 is the newest: t1 and t4 share an image.
  for (const [from, to] of [
    ['library/alpine-lite:3.19', 't1'],
    ['library/alpine-lite:3.20', 't2'],
    ['library/busybox-mini:latest', 't3'],
    ['library/alpine-lite:3.19', 't4'],
  ] as const) {
    await registry.copy(from, `data-lab/plan-app:${to}`, region);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}, 120_000);
afterAll(() => bff?.stop());

const plan = (query: string) => browser.request('GET', `/api/retention-plans/${region}?${query}`);

describe('retention plans across a region', () => {
  it('when a rule is typed for repositories without one, then it deletes what the rule says and promises the layer bytes no kept tag uses', async () => {
    const answer = await plan('namespace=data-lab&name=plan-app&template=tag_rule&count=1');
    expect(answer.status, answer.text).toBe(200);
    const [app] = answer.json<RetentionPlans>().repositories;
    expect(app).toMatchObject({ name: 'plan-app', state: 'typed', tags: 4, kept: 1, unread: 0 });
    expect(app!.deleted.map((d) => d.tag).sort()).toEqual(['t1', 't2', 't3']);
    expect(app!.deleted.find((d) => d.tag === 't1')!.reason).toEqual({
      kind: 'beyond-newest',
      num: 1,
      rank: 4,
    });

    const kept = new Set((await layersOf('data-lab/plan-app:t4')).map((l) => l.digest));
    const freed = new Map<string, number>();
    for (const tag of ['t1', 't2', 't3'])
      for (const layer of await layersOf(`data-lab/plan-app:${tag}`))
        if (!kept.has(layer.digest)) freed.set(layer.digest, layer.size);
    const expected = [...freed.values()].reduce((sum, size) => sum + size, 0);
    expect(expected).toBeGreaterThan(0);
    expect(app!.bytesFreed).toBe(expected);
  });

  it('when a repository has its own rule, then that rule is planned, not the typed one', async () => {
    const answer = await plan('namespace=library&name=alpine-lite&template=tag_rule&count=1');
    const [alpine] = answer.json<RetentionPlans>().repositories;
    expect(alpine).toMatchObject({
      state: 'own',
      rule: { template: 'tag_rule', params: { num: '2' } },
      deleted: [],
    });
    const none = await plan('namespace=data-lab&name=plan-app');
    expect(none.json<RetentionPlans>().repositories[0]).toMatchObject({
      state: 'none',
      deleted: [],
      kept: 4,
    });
  });

  it('when exemptions are typed, then the exempt tags are kept with the reason', async () => {
    const answer = await plan(
      'namespace=data-lab&name=plan-app&template=tag_rule&count=1&exemptTag=t1&exemptPattern=%5Et2%24',
    );
    const [app] = answer.json<RetentionPlans>().repositories;
    expect(app!.deleted.map((d) => d.tag)).toEqual(['t3']);
  });

  it('when the typed rule is wrong, then 400 names each field and nothing is read', async () => {
    const cases: [string, string[]][] = [
      ['template=tag_rule', ['count']],
      ['template=date_rule&count=400', ['count']],
      ['count=3', ['template']],
      ['template=tag_rule&count=1&exemptPattern=(', ['exemptPattern.0']],
      ['template=tag_rule&count=1&exemptTag=bad%20tag', ['exemptTag.0']],
      ['template=keep_all&count=1', ['template']],
      [
        `template=tag_rule&count=1&${Array.from({ length: 30 }, (_, i) => `exemptTag=t${i}&exemptPattern=p${i}`).join('&')}`,
        ['exemptPattern'],
      ],
    ];
    for (const [query, fields] of cases) {
      const answer = await plan(query);
      expect(answer.status, query).toBe(400);
      const errors = answer.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
      expect(errors, query).toEqual(fields);
    }
  });

  it('when the storage of the repository is read, then every layer counts once, the shared ones are said, and deleting tags frees what only they use', async () => {
    const answer = await browser.request(
      'GET',
      `/api/storage/${region}?namespace=data-lab&name=plan-app`,
    );
    expect(answer.status, answer.text).toBe(200);
    const [app] = answer.json<{ repositories: Record<string, unknown>[] }>().repositories;
    const all = new Map<string, { size: number; tags: number }>();
    for (const tag of ['t1', 't2', 't3', 't4'])
      for (const layer of await layersOf(`data-lab/plan-app:${tag}`)) {
        const known = all.get(layer.digest);
        if (known) known.tags++;
        else all.set(layer.digest, { size: layer.size, tags: 1 });
      }
    const bytes = [...all.values()].reduce((sum, l) => sum + l.size, 0);
    const shared = [...all.values()].filter((l) => l.tags > 1).reduce((sum, l) => sum + l.size, 0);
    expect(app).toEqual({
      namespace: 'data-lab',
      name: 'plan-app',
      state: 'read',
      tags: 4,
      images: 3,
      bytes,
      sharedBytes: shared,
      unread: 0,
    });
    expect(shared).toBeGreaterThan(0);

    // t1 shares its image with t4: deleting it alone frees nothing; with t4, that image's layers.
    const freed = (tags: string[]) =>
      browser
        .request(
          'GET',
          `/api/storage/${region}/freed?namespace=data-lab&repository=plan-app&${tags.map((t) => `tag=${t}`).join('&')}`,
        )
        .then((a) => a.json<{ tags: number; bytesFreed: number }>());
    expect(await freed(['t1'])).toMatchObject({ tags: 1, bytesFreed: 0 });
    const t1 = (await layersOf('data-lab/plan-app:t1')).reduce((sum, l) => sum + l.size, 0);
    expect(await freed(['t1', 't4', 'gone'])).toMatchObject({ tags: 2, bytesFreed: t1 });
  });

  it('when an exemption backtracks without end on a long tag, then the plan still answers in time and the BFF goes on serving', async () => {
    // ^(1|1)*$ takes minutes on a 30-character tag of ones with a tail, on a backtracking engine.
    await registry.copy(
      'library/alpine-lite:3.19',
      `data-lab/redos-app:${'1'.repeat(30)}x`,
      region,
    );
    const started = Date.now();
    const answer = await plan(
      'namespace=data-lab&name=redos-app&template=tag_rule&count=1&exemptPattern=%5E(1%7C1)*%24',
    );
    expect(answer.status, answer.text).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await browser.request('GET', '/api/session')).status).toBe(200);
  });
});
