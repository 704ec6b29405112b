import { expectAccessible } from './a11y.js';
import { expect, test } from './fixtures.js';
import { sandboxUser } from './sandbox.js';

test('when part of a repository name is typed in the palette, then it is found and opened by keyboard alone', async ({
  page,
  t,
  signIn,
}) => {
  await signIn.withAccessKey(sandboxUser('swr-demo'));
  await expect(page.getByRole('heading', { name: t('namespaces.title'), level: 2 })).toBeVisible();

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: t('palette.title') });
  const search = palette.getByRole('combobox', { name: t('palette.search') });
  await expect(search).toBeFocused();
  await page.keyboard.type('gatew');
  // Searched through the API: the nested repository is the first result.
  const found = palette.getByRole('option', { name: /team-web\/api\/gateway/ });
  await expect(found).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(page, 'the command palette');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(
    page.getByRole('heading', { name: 'team-web/api/gateway', exact: true, level: 2 }),
  ).toBeVisible();

  // The arrows move through the results: a page, chosen without the mouse.
  await page.keyboard.press('Control+k');
  await page.keyboard.type(t('shell.nav.overview').slice(0, 4));
  const overview = palette.getByRole('option', { name: new RegExp(t('shell.nav.overview')) });
  for (let i = 0; i < 20 && (await overview.getAttribute('aria-selected')) !== 'true'; i++)
    await page.keyboard.press('ArrowDown');
  await expect(overview).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: t('overview.title'), level: 2 })).toBeVisible();

  // `?` lists the shortcuts; Escape closes it.
  await page.locator('body').press('?');
  const shortcuts = page.getByRole('dialog', { name: t('shortcuts.title') });
  await expect(shortcuts).toContainText(t('shortcuts.palette'));
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
});
