import { expectAccessible } from './a11y.js';
import { expect, test } from './fixtures.js';
import { choose } from './pages/pages.js';
import { imageDigest, pushImage, regionLogin, sandboxUser } from './sandbox.js';

const HOME = 'cn-north-4';
const AWAY = 'ap-southeast-1';
// The demo account has this organization in both regions.
const NAMESPACE = 'team-web';

test('when two regions differ, then the page shows exactly the differences, and after making them the same it shows them equal and the registries serve the same images', async ({
  page,
  t,
  signIn,
}) => {
  test.setTimeout(180_000);
  const admin = sandboxUser('swr-demo');
  const home = regionLogin(admin, HOME);
  const away = regionLogin(admin, AWAY);
  const repo = 'side-by-side';
  const image = (tag: string) => `${NAMESPACE}/${repo}:${tag}`;

  // v1 the same in both, v2 different, v3 only here, v4 only there.
  await pushImage(home, image('v1'), 'side v1');
  await pushImage(away, image('v1'), 'side v1');
  await pushImage(home, image('v2'), 'side v2');
  await pushImage(away, image('v2'), 'side v2, made there');
  await pushImage(home, image('v3'), 'side v3');
  await pushImage(away, image('v4'), 'side v4, made there');
  expect(await imageDigest(away, image('v1'))).toBe(await imageDigest(home, image('v1')));

  await signIn.withAccessKey(admin);
  await page
    .getByRole('navigation')
    .getByRole('link', { name: t('shell.nav.regions') })
    .click();
  await expect(page.getByRole('heading', { name: t('regions.title') })).toBeVisible();
  await choose(page.getByRole('combobox', { name: t('regions.filter.namespace') }), NAMESPACE);
  await page.getByRole('searchbox', { name: t('regions.filter.name') }).fill(repo);
  await page.getByRole('searchbox', { name: t('regions.filter.name') }).press('Enter');
  // The filters are in the address: a reload shows the same comparison.
  await expect(page).toHaveURL(new RegExp(`namespace=${NAMESPACE}.*name=${repo}`));
  await page.reload();

  const table = page.getByRole('table', { name: t('regions.table') });
  const row = table.getByRole('row').filter({ hasText: `${NAMESPACE}/${repo}` });
  await expect(row).toContainText(
    [
      t('regions.count.different', { count: 1 }),
      t('regions.count.missing', { count: 1 }),
      t('regions.count.onlyThere', { count: 1 }),
      t('regions.count.same', { count: 1 }),
    ].join(' · '),
  );
  await row.getByRole('button', { name: t('table.expand') }).click();
  const differences = page.getByRole('table', {
    name: t('regions.differencesOf', { name: `${NAMESPACE}/${repo}`, region: AWAY }),
  });
  const shown = differences.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  await expect(shown).toHaveCount(3);
  await expect(shown.filter({ hasText: 'v2' })).toContainText(t('regions.kind.different'));
  await expect(shown.filter({ hasText: 'v3' })).toContainText(
    t('regions.kind.missing', { region: AWAY }),
  );
  await expect(shown.filter({ hasText: 'v4' })).toContainText(
    t('regions.kind.only-there', { region: AWAY }),
  );
  await expectAccessible(page, 'the regions page with differences');

  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: t('regions.align', { count: 1 }) }).click();
  const dialog = page.getByRole('dialog', { name: t('regions.align.title') });
  const steps = dialog.getByRole('region', {
    name: t('regions.align.item', { name: `${NAMESPACE}/${repo}`, region: AWAY }),
  });
  // Without override the different tag stays as it is there; with it, it is replaced.
  await expect(steps).toContainText(
    t('regions.action.kept-there', { there: `${AWAY} (${NAMESPACE})`, here: HOME, count: 1 }),
  );
  await dialog.getByRole('checkbox', { name: t('regions.align.override') }).check();
  for (const [action, tag] of [
    ['replace-there', 'v2'],
    ['copy-there', 'v3'],
    ['copy-here', 'v4'],
  ] as const) {
    const label = t(`regions.action.${action}`, {
      there: `${AWAY} (${NAMESPACE})`,
      here: HOME,
      count: 1,
    });
    await expect(steps.getByRole('term').filter({ hasText: label })).toBeVisible();
    await expect(steps.locator(`[data-action="${action}"] dd`)).toHaveText(tag);
  }
  await expectAccessible(page, 'the make-it-the-same dialog');
  await dialog.getByRole('button', { name: t('regions.align.start', { count: 3 }) }).click();
  const result = dialog.getByRole('region', { name: t('regions.align.result') });
  await expect(result).toContainText(
    t('regions.align.nowSame', { name: `${NAMESPACE}/${repo}`, region: AWAY }),
    { timeout: 60_000 },
  );
  await dialog
    .getByRole('button', { name: t('regions.align.close'), exact: true })
    .last()
    .click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText(t('regions.state.same', { count: 4 }));

  // The registries agree, read as a user reads them.
  for (const tag of ['v1', 'v2', 'v3', 'v4'])
    expect(await imageDigest(away, image(tag)), tag).toBe(await imageDigest(home, image(tag)));
});
