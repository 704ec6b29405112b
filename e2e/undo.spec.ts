import { expect, test } from './fixtures.js';
import { openNewRepository } from './pages/pages.js';
import { GONE } from './held.js';
import { imageExists, pushImage, regionLogin, sandboxUser } from './sandbox.js';

test('when a tag is deleted and undone within the window, then the registry keeps it; one not undone goes even after the tab is closed', async ({
  page,
  t,
  signIn,
  shell,
  namespaces,
  repositories,
  tags,
}) => {
  const admin = sandboxUser('swr-demo');
  const login = regionLogin(admin, 'cn-north-4');
  const org = `e2e-undo-${Date.now().toString(36)}`;
  await signIn.withAccessKey(admin);
  await openNewRepository({ namespaces, shell, repositories }, org, 'app');
  await pushImage(login, `${org}/app:keep`, `undo keep ${org}`);
  await pushImage(login, `${org}/app:gone`, `undo gone ${org}`);
  // Pushed while the page is open: the list picks them up by itself.
  await expect(tags.row('gone')).toBeVisible({ timeout: 15_000 });

  // Deleted, then taken back from the bar at the bottom of the page while it counts down.
  await tags.delete(['keep']);
  await page.keyboard.press('Escape');
  const what = t('deletion.what.DeleteRepoTag', { tag: 'keep', namespace: org, repository: 'app' });
  const undo = page.getByRole('button', { name: t('deletion.undoOne', { what }) }).first();
  await undo.click();
  await expect(page.getByText(t('deletion.undone', { what }))).toBeVisible();
  // Well past the window: still listed, still served by the registry.
  await page.waitForTimeout(5_000);
  await expect(tags.row('keep')).toBeVisible();
  expect(await imageExists(login, `${org}/app:keep`)).toBe(true);

  // Deleted, and the tab closed at once: the BFF sends it when the window is over all the same.
  await tags.delete(['gone']);
  const countdown = t('deletion.mark', { seconds: 999 }).replace('999', '\\d+');
  await expect(tags.row('gone')).toContainText(new RegExp(countdown));
  await page.close();
  await expect.poll(() => imageExists(login, `${org}/app:gone`), GONE).toBe(false);
  expect(await imageExists(login, `${org}/app:keep`)).toBe(true);
});
