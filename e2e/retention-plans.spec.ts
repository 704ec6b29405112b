import { readFileSync } from 'node:fs';
import { expectAccessible } from './a11y.js';
import { expect, test } from './fixtures.js';
import { choose } from './pages/pages.js';
import { imageExists, pushImage, rawManifest, regionLogin, sandboxUser } from './sandbox.js';

const HOME = 'cn-north-4';

interface Manifest {
  layers: { digest: string; size: number }[];
}

test('when a rule typed once is planned and given to a repository, then the bytes the plan promised are the layers no remaining tag uses, counted from the registry before and after', async ({
  page,
  t,
  signIn,
}) => {
  test.setTimeout(180_000);
  const admin = sandboxUser('swr-demo');
  const home = regionLogin(admin, HOME);
  const repo = 'data-lab/plan-lab';
  // Four builds on one base layer, two of them sharing their middle layer; v4 is the newest.
  const builds: [string, string[]][] = [
    ['v1', ['plan base os', 'plan deps a']],
    ['v2', ['plan base os', 'plan deps a']],
    ['v3', ['plan base os', 'plan deps b']],
    ['v4', ['plan base os', 'plan deps c']],
  ];
  for (const [tag, base] of builds)
    await pushImage(home, `${repo}:${tag}`, `plan ${tag}`, { base });
  const layers = async (tags: string[]) => {
    const all = new Map<string, number>();
    for (const tag of tags)
      for (const layer of ((await rawManifest(home, `${repo}:${tag}`)) as Manifest).layers)
        all.set(layer.digest, layer.size);
    return all;
  };
  const before = await layers(['v1', 'v2', 'v3', 'v4']);

  await signIn.withAccessKey(admin);
  await page
    .getByRole('navigation')
    .getByRole('link', { name: t('shell.nav.plans') })
    .click();
  await choose(page.getByRole('combobox', { name: t('plans.filter.namespace') }), 'data-lab');
  await page.getByRole('searchbox', { name: t('plans.filter.name') }).fill('plan-lab');
  await page.getByRole('searchbox', { name: t('plans.filter.name') }).press('Enter');
  const form = page.getByRole('form', { name: t('plans.rule') });
  // A bad count is refused at its field and nothing is planned with it.
  await form.getByLabel(t('plans.rule.num')).fill('0');
  await form.getByRole('button', { name: t('plans.rule.plan') }).click();
  await expect(form.getByText(t('plans.rule.countProblem', { range: '1–1000' }))).toBeVisible();
  await expect(page).not.toHaveURL(/template=/);
  await form.getByLabel(t('plans.rule.num')).fill('1');
  await form.getByRole('button', { name: t('plans.rule.plan') }).click();
  await expect(page).toHaveURL(/template=tag_rule&count=1/);

  const table = page.getByRole('table', { name: t('plans.table') });
  const row = table.getByRole('row').filter({ hasText: repo });
  await expect(row).toContainText(
    t('plans.state.typed', { rule: t('plans.rule.keepNewest', { count: '1' }) }),
  );
  await expect(page.getByRole('status').filter({ hasText: /planned/ })).toContainText(
    'the typed rule would delete 3 tags',
  );
  await row.getByRole('button', { name: t('table.expand') }).click();
  const lost = page.getByRole('table', { name: t('plans.deletedOf', { name: repo }) });
  await expect(
    lost.getByRole('row').filter({ hasNot: page.getByRole('columnheader') }),
  ).toHaveCount(3);
  await expectAccessible(page, 'the retention what-if page');

  // The promise, exactly, from the CSV.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: t('plans.export') }).click();
  const csv = readFileSync(await (await download).path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(csv).toHaveLength(4);
  const promised = Number(csv[1]!.split(',').at(-1));
  expect(csv.slice(1).map((line) => line.split(',')[4])).toEqual(['v1', 'v2', 'v3']);

  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: t('plans.apply', { count: 1 }) }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('region', { name: repo })).toContainText('v1, v2, v3');
  await expectAccessible(page, 'the confirmation of the typed rule');
  await dialog.getByRole('button', { name: t('plans.apply.ok', { count: 1 }) }).click();
  await expect(dialog.getByRole('status', { name: t('plans.apply.outcomes') })).toContainText(
    t('plans.apply.done', { name: repo, count: 3 }),
  );

  // SWR runs the rule at once: the three go, v4 stays.
  await expect
    .poll(
      async () => Promise.all(['v1', 'v2', 'v3'].map((tag) => imageExists(home, `${repo}:${tag}`))),
      {
        timeout: 30_000,
      },
    )
    .toEqual([false, false, false]);
  expect(await imageExists(home, `${repo}:v4`)).toBe(true);
  const after = await layers(['v4']);
  const freed = [...before].filter(([digest]) => !after.has(digest));
  // Shared layers were there: the base stays, "deps a" of two tags counts once.
  expect(freed.length).toBeLessThan(before.size);
  expect(promised).toBe(freed.reduce((sum, [, size]) => sum + size, 0));
});
