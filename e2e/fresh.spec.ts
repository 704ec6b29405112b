import { expect, test } from './fixtures.js';
import { openNewRepository } from './pages/pages.js';
import { pushImage, regionLogin, sandboxUser } from './sandbox.js';

test('when a tag is pushed with skopeo while the repository is open, then it appears without a reload', async ({
  page,
  t,
  signIn,
  shell,
  namespaces,
  repositories,
  tags,
}) => {
  const admin = sandboxUser('swr-demo');
  const org = `e2e-fresh-${Date.now().toString(36)}`;
  await signIn.withAccessKey(admin);
  await openNewRepository({ namespaces, shell, repositories }, org, 'app');
  await expect(page.getByText(t('tags.empty'))).toBeVisible();
  // A reload would lose this.
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

  // Pushed from outside the console, with the long-term login: nothing in the page knows.
  await pushImage(regionLogin(admin, 'cn-north-4'), `${org}/app:v1`, `fresh ${org}`);

  await expect(tags.row('v1')).toBeVisible({ timeout: 20_000 });
  // The repository's facts follow: one tag now.
  await expect(
    page.locator('.ant-descriptions-item').filter({ hasText: t('repos.tags') }),
  ).toContainText('1');
  expect(
    await page.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage),
  ).toBe(true);
});
