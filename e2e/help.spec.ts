import { expectAccessible } from './a11y.js';
import { expect, test } from './fixtures.js';
import { sandboxUser } from './sandbox.js';

test('when a non-administrator asks why sync is closed to them, then the help answers with their own role, and it is searchable', async ({
  page,
  t,
  signIn,
}) => {
  const reader = sandboxUser('dev-reader');
  await signIn.withPassword(reader);
  await page.goto('/cn-north-4/repositories/library/busybox-mini/sync');
  await page.getByRole('link', { name: t('sync.why') }).click();

  const answer = page.getByRole('region', { name: t('help.syncAdmin.title') });
  await expect(answer).toBeVisible();
  await expect(answer).toContainText(t('help.syncAdmin.notAdmin'));
  await expect(answer).toContainText(reader.name);
  await expectAccessible(page, 'the help page');

  const search = page.getByRole('searchbox', { name: t('help.search') });
  await search.fill('x509');
  await search.press('Enter');
  await expect(page.getByRole('region', { name: t('help.x509.title') })).toBeVisible();
  await expect(answer).toBeHidden();
  expect(new URL(page.url()).searchParams.get('q')).toBe('x509');
});

test('when an administrator asks why existing images were not synced, then the answer opens the manual sync with every tag chosen', async ({
  page,
  t,
  signIn,
}) => {
  await signIn.withAccessKey(sandboxUser('swr-demo'));
  await page.goto('/cn-north-4/repositories/library/busybox-mini/sync');
  await page.getByRole('link', { name: t('sync.auto.existingWhy') }).click();
  const answer = page.getByRole('region', { name: t('help.syncExisting.title') });
  await answer
    .getByRole('link', {
      name: t('help.syncExisting.copy', { repository: 'library/busybox-mini' }),
    })
    .click();
  const dialog = page.getByRole('dialog', {
    name: t('sync.now.title', { repository: 'library/busybox-mini' }),
  });
  // busybox-mini has two tags: both chosen, nothing sent until the user confirms.
  await expect(dialog.getByRole('button', { name: t('sync.now.ok', { count: 2 }) })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(new URL(page.url()).searchParams.has('now')).toBe(false);
});
