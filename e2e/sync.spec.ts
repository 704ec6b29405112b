import { expectAccessible } from './a11y.js';
import { expect, test } from './fixtures.js';
import { choose } from './pages/pages.js';
import { imageDigest, imageExists, pushImage, regionLogin, sandboxUser } from './sandbox.js';

const HOME = 'cn-north-4';
const AWAY = 'ap-southeast-1';
// The demo account's organization in the second region.
const TARGET = 'team-web';

test('when an administrator syncs a repository to the second region, then every job ends and the images are there, and a tag with other content there is left alone', async ({
  page,
  t,
  signIn,
  shell,
  repositories,
  tags,
  sync,
}) => {
  test.setTimeout(180_000);
  const admin = sandboxUser('swr-demo');
  const home = regionLogin(admin, HOME);
  const away = regionLogin(admin, AWAY);
  const repo = 'synced';

  await signIn.withAccessKey(admin);
  await shell.go('repositories');
  await repositories.create('data-lab', repo);
  await pushImage(home, `data-lab/${repo}:v1`, 'sync v1');
  await pushImage(home, `data-lab/${repo}:v2`, 'sync v2');

  // Automatic sync with the existing tags copied at once.
  await page.reload();
  await repositories.open('data-lab', repo);
  await sync.open();
  await expectAccessible(page, 'the sync tab');
  await sync.setUpAuto(AWAY, TARGET, 2);
  for (const tag of ['v1', 'v2'])
    await expect(sync.job(tag)).toContainText(t('sync.status.success'), { timeout: 30_000 });
  await expectAccessible(page, 'the sync tab with jobs');
  expect(await imageDigest(away, `${TARGET}/${repo}:v1`)).toBe(
    await imageDigest(home, `data-lab/${repo}:v1`),
  );
  expect(await imageExists(away, `${TARGET}/${repo}:v2`)).toBe(true);

  // The copies, seen in the console in the other region.
  await page.goto(`/${AWAY}/repositories/${TARGET}/${repo}/tags`);
  await expect(tags.row('v1')).toBeVisible();
  await expect(tags.row('v2')).toBeVisible();

  // v3 exists in the target with other content before the source has it.
  await pushImage(away, `${TARGET}/${repo}:v3`, 'sync v3, made in the target');
  const theirs = await imageDigest(away, `${TARGET}/${repo}:v3`);
  await pushImage(home, `data-lab/${repo}:v3`, 'sync v3');

  await page.goto(`/${HOME}/repositories/data-lab/${repo}/sync`);
  const dialog = await sync.previewNow(['v3'], AWAY, TARGET);
  const preview = dialog.getByRole('region', { name: t('sync.preview.title') });
  await expect(preview.getByRole('row').filter({ hasText: 'v3' })).toContainText(
    t('sync.outcome.kept'),
  );
  await expect(preview.getByRole('status')).toHaveText(
    t('sync.preview.summary', { copy: 0, same: 0, kept: 1, replace: 0 }),
  );
  await expectAccessible(page, 'the manual sync preview');
  await dialog.getByRole('button', { name: t('sync.now.ok', { count: 1 }) }).click();
  await expect(dialog).toBeHidden();
  await expect(sync.job('v3')).toContainText(t('sync.status.existed'), { timeout: 30_000 });
  expect(await imageDigest(away, `${TARGET}/${repo}:v3`)).toBe(theirs);
});

test('when an IAM user who is not an administrator opens sync, then the console says who can set it up before anything is tried', async ({
  page,
  t,
  signIn,
}) => {
  const reader = sandboxUser('dev-reader');
  await signIn.withPassword(reader);
  await page.goto(`/${HOME}/repositories/library/busybox-mini/sync`);
  await expect(page.getByText(t('sync.adminOnly'))).toBeVisible();
  await expect(page.getByRole('button', { name: t('sync.auto.create') })).toBeDisabled();
  await expect(page.getByRole('button', { name: t('sync.now.open') })).toBeDisabled();
  await expectAccessible(page, 'the sync tab of a non-administrator');
});

test.describe('a batch where SWR refuses one repository', () => {
  // SWR's refusal of one repository (409, already set up) is the point: the browser logs it.
  test.use({ consoleErrors: 'allowed' });

  test('when automatic sync is set up for several repositories from the list, then each gets its own result', async ({
    page,
    t,
    signIn,
    shell,
  }) => {
    const admin = sandboxUser('swr-demo');
    await signIn.withAccessKey(admin);
    await shell.go('repositories');
    // frontend already syncs to team-web in the second region; busybox-mini does not.
    for (const name of ['team-web/frontend', 'library/busybox-mini'])
      await page.getByRole('checkbox', { name: t('repos.select', { name }) }).check();
    await page.getByRole('button', { name: t('sync.batch.open', { count: 2 }) }).click();
    const dialog = page.getByRole('dialog', { name: t('sync.batch.title', { count: 2 }) });
    await choose(dialog.getByLabel(t('sync.target.region')), AWAY);
    await choose(dialog.getByLabel(t('sync.target.namespace')), TARGET);
    await dialog.getByRole('checkbox', { name: t('sync.batch.backfill') }).uncheck();
    await dialog.getByRole('button', { name: t('sync.batch.ok', { count: 2 }) }).click();
    await expect(dialog.getByRole('status')).toHaveText(
      t('sync.batch.summary', { ok: 1, failed: 1 }),
    );
    await expect(dialog.getByRole('row').filter({ hasText: 'library/busybox-mini' })).toContainText(
      t('sync.batch.done', { count: 0 }),
    );
    await expect(dialog.getByRole('row').filter({ hasText: 'team-web/frontend' })).toContainText(
      'already exists',
    );
    await expectAccessible(page, 'the batch sync result');
    await dialog
      .getByRole('button', { name: t('common.close') })
      .last()
      .click();
    await expect(
      page.getByRole('checkbox', { name: t('repos.select', { name: 'library/busybox-mini' }) }),
    ).not.toBeChecked();
  });
});
