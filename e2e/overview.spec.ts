import { expectAccessible } from './a11y.js';
import { expect, test } from './fixtures.js';
import { pushImage, regionLogin, sandboxUser } from './sandbox.js';

test('when the overview is opened after a push to a synced repository, then the sync job is listed and leads to where it happened', async ({
  page,
  t,
  signIn,
  shell,
}) => {
  test.setTimeout(120_000);
  const admin = sandboxUser('swr-demo');
  // The demo's team-web/frontend syncs automatically to the second region.
  await pushImage(regionLogin(admin, 'cn-north-4'), 'team-web/frontend:overview-1', 'overview 1');

  await signIn.withAccessKey(admin);
  await shell.go('overview');
  await expect(page.getByRole('heading', { name: t('overview.title'), level: 2 })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByText(t('overview.repositories'), { exact: true })).toBeVisible();
  // The organization quota as SWR states it.
  await expect(main.getByText('/ 5')).toBeVisible();
  const jobs = page.getByRole('heading', { name: t('overview.sync') });
  await expect(jobs).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'overview-1' });
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(row).toContainText('ap-southeast-1 / team-web');
  await expectAccessible(page, 'the overview');

  await row.getByRole('link', { name: 'team-web/frontend' }).click();
  await expect(page).toHaveURL(/\/repositories\/team-web\/frontend\/sync$/);
  await expect(page.getByRole('heading', { name: t('sync.title') })).toBeVisible();
});
