import type { RegionsComparison } from '@swr-console/contracts/bff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, sandboxUser, startBff, type RunningBff } from '../testing/harness.js';
import { registryTool } from '../testing/registry.js';

// Two regions that differ, made with skopeo from the sandbox's own images; the comparison must
// find exactly the differences, whatever page of repositories is asked for.
const [home, away] = ['cn-north-4', 'ap-southeast-1'];
let bff: RunningBff;
let browser: Browser;
const digests: Record<string, string> = {};

beforeAll(async () => {
  bff = await startBff();
  browser = new Browser(bff.url);
  const admin = sandboxUser();
  await browser.signInWithKey(admin);
  const registry = await registryTool(admin, [home, away]);
  for (const version of ['3.19', '3.20'])
    digests[version] = await registry.digest(`library/alpine-lite:${version}`, home);
  const copy = (version: string, region: string, to: string) =>
    registry.copy(`library/alpine-lite:${version}`, to, home, region);
  // The demo's organizations (the account's quota leaves no room for new ones in every test):
  // data-lab here stands for team-web there.
  await copy('3.19', home, 'data-lab/cmp-app:v1');
  await copy('3.19', home, 'data-lab/cmp-app:v2');
  await copy('3.20', home, 'data-lab/cmp-app:v3');
  await copy('3.19', home, 'data-lab/cmp-solo:v1');
  await copy('3.19', away, 'team-web/cmp-app:v1');
  await copy('3.20', away, 'team-web/cmp-app:v2');
  await copy('3.20', away, 'team-web/cmp-app:v4');
}, 120_000);
afterAll(() => bff?.stop());

const compare = (query: string) => browser.request('GET', `/api/regions-compare/${home}?${query}`);
const ours = 'namespace=data-lab&name=cmp-';

describe('comparing regions', () => {
  it('when two regions differ, then each repository says which tags differ, are missing there or are only there, and a repository the other region lacks says so', async () => {
    const answer = await compare(`against=${away}&${ours}&targetNamespace=team-web`);
    expect(answer.status, answer.text).toBe(200);
    const { total, repositories } = answer.json<RegionsComparison>();
    expect(total).toBe(2);
    expect(repositories.map((r) => r.name)).toEqual(['cmp-app', 'cmp-solo']);
    const [app, solo] = repositories;
    expect(app!.tags).toBe(3);
    expect(app!.regions).toEqual([
      {
        region: away,
        namespace: 'team-web',
        state: 'compared',
        same: 1,
        different: 1,
        missing: 1,
        onlyThere: 1,
        differences: [
          { tag: 'v2', kind: 'different', here: digests['3.19'], there: digests['3.20'] },
          { tag: 'v3', kind: 'missing', here: digests['3.20'] },
          { tag: 'v4', kind: 'only-there', there: digests['3.20'] },
        ],
      },
    ]);
    expect(solo!.regions[0]).toMatchObject({ state: 'no-repository', missing: 1, same: 0 });
  });

  it('when a page and a name are asked for, then only those repositories are compared', async () => {
    const second = await compare(`against=${away}&${ours}&limit=1&offset=1`);
    expect(second.json<RegionsComparison>().repositories.map((r) => r.name)).toEqual(['cmp-solo']);
    const named = await compare(`against=${away}&namespace=data-lab&name=cmp-sol`);
    expect(named.json<RegionsComparison>()).toMatchObject({ total: 1 });
  });

  it('when the organization is not there, then each repository says so and nothing is listed to sync', async () => {
    const same = await compare(`against=${away}&${ours}`);
    expect(same.json<RegionsComparison>().repositories[0]!.regions[0]).toMatchObject({
      namespace: 'data-lab',
      state: 'no-namespace',
    });
    const nowhere = await compare(`against=${away}&${ours}&targetNamespace=nowhere`);
    expect(nowhere.json<RegionsComparison>().repositories[0]!.regions[0]).toMatchObject({
      namespace: 'nowhere',
      state: 'no-namespace',
      missing: 0,
      differences: [],
    });
  });

  it('when the parameters are wrong, then 400 names each one and nothing is read', async () => {
    const cases: [string, string[]][] = [
      [`against=${home}`, ['against']],
      ['namespace=cmp', ['against']],
      [`against=${away}&limit=51`, ['limit']],
      [`against=${away}&limit=20&offset=30`, ['offset']],
      [`against=${away}&targetNamespace=team-web`, ['targetNamespace']],
      [`against=${away}&namespace=Not%20One`, ['namespace']],
    ];
    for (const [query, fields] of cases) {
      const answer = await compare(query);
      expect(answer.status, query).toBe(400);
      const errors = answer.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
      expect(errors, query).toEqual(fields);
    }
    const unknown = await compare('against=nowhere-1');
    expect(unknown.status).toBe(400);
    expect(unknown.json<{ code: string }>().code).toBe('UNKNOWN_REGION');
  });

  it('when nobody is signed in, then nothing is compared', async () => {
    const stranger = new Browser(bff.url);
    const answer = await stranger.request('GET', `/api/regions-compare/${home}?against=${away}`);
    expect(answer.status).toBe(401);
  });
});
