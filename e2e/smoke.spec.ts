import { expectAccessible } from './a11y.js';
import { expect, test } from './fixtures.js';
import { sandboxUser } from './sandbox.js';

test('when the console is opened without a session, then it lands on the sign-in page', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveTitle('SWR Console');
  await expect(
    page.getByRole('heading', { name: 'Sign in to SWR Console', level: 1 }),
  ).toBeVisible();
  await expectAccessible(page, 'the sign-in page');
});

test('when a signed-out user opens a link into the console, then signing in leads there, and an unknown page says so', async ({
  page,
  t,
}) => {
  const missing = '/cn-north-4/no/such/page';
  const response = await page.goto(missing);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/sign-in\?next=/);

  const user = sandboxUser('swr-demo');
  await page.getByLabel(t('signIn.accessKey')).fill(user.access_key);
  await page.getByLabel(t('signIn.secretKey')).fill(user.secret_key);
  await page.getByRole('button', { name: t('signIn.submit'), exact: true }).click();
  await expect(page).toHaveURL(missing);
  await expect(page.getByRole('heading', { name: t('shell.notFound.title') })).toBeVisible();
  await expectAccessible(page, 'the 404 page');

  // The way home from there works.
  await page.getByRole('link', { name: t('shell.notFound.home') }).click();
  await expect(page).toHaveURL(/\/cn-north-4\/namespaces$/);

  // An address that names no region is not found either, rather than another page.
  await page.goto('/no/such/page/at/all');
  await expect(page.getByRole('heading', { name: t('shell.notFound.title') })).toBeVisible();
  await expect(page).toHaveURL(/\/no\/such\/page\/at\/all$/);
});

test.describe('when the system prefers a dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('then the console follows it, and its pages stay readable', async ({ page, t }) => {
    const user = sandboxUser('swr-demo');
    await page.goto('/sign-in');
    // The sign-in page draws itself without antd: its card is dark too, and its errors readable.
    await page.getByRole('button', { name: t('signIn.submit'), exact: true }).click();
    await expect(page.getByLabel(t('signIn.accessKey'))).toHaveAttribute('aria-invalid', 'true');
    const card = page.getByRole('region', { name: t('signIn.title') });
    const cardColour = await card.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(cardColour).toBe('rgb(20, 20, 20)');
    await expectAccessible(page, 'the sign-in page in the dark theme, its errors shown');
    await page.getByLabel(t('signIn.accessKey')).fill(user.access_key);
    await page.getByLabel(t('signIn.secretKey')).fill(user.secret_key);
    await page.getByRole('button', { name: t('signIn.submit'), exact: true }).click();
    await expect(page).toHaveURL(/\/namespaces$/);

    // The theme's colours reach the shell and what antd draws: the frame and a table are dark.
    const background = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => getComputedStyle(element).backgroundColor);
    // Dark and opaque: a transparent background would show whatever is behind it.
    const dark = (rgb: string) => {
      const [r, g, b, alpha = 1] = rgb.match(/[\d.]+/g)!.map(Number);
      return alpha > 0 && r! + g! + b! < 3 * 80;
    };
    await expect(page.getByRole('table')).toBeVisible();
    expect(dark(await background('.console-shell'))).toBe(true);
    expect(dark(await background('.console-table-box'))).toBe(true);
    await expectAccessible(page, 'the namespaces page in the dark theme');

    await page.goto('/cn-north-4/repositories/library/busybox-mini/tags');
    await expect(page.getByRole('checkbox', { name: 'Select latest' })).toBeVisible();
    await expectAccessible(page, 'a repository’s tags in the dark theme');

    // The Enterprise demo: signature badges on the demo's signed and unsigned images.
    await page.goto('/cn-north-4/enterprise');
    await page.getByRole('link', { name: 'platform', exact: true }).click();
    await page
      .getByRole('row')
      .filter({ hasText: 'base-image' })
      .getByRole('button', { name: /expand row/i })
      .click();
    await expect(
      page.getByText(t('ent.sig.verified', { key: 'release-signing' })).first(),
    ).toBeVisible();
    await expect(page.getByText(t('ent.sig.unsigned'))).toBeVisible();
    await expectAccessible(page, 'Enterprise signature badges in the dark theme');
  });
});

test.describe('when a command is copied in a dialog', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('then one Escape closes the dialog, at once', async ({ page, t, signIn }) => {
    await signIn.withAccessKey(sandboxUser('swr-demo'));
    await page.goto('/cn-north-4/repositories/library/busybox-mini/tags');
    await page.getByRole('button', { name: t('tags.pull', { tag: 'latest' }) }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByRole('button', {
        name: t('common.copy', { what: t('tags.pull.command', { client: 'docker' }) }),
      })
      .click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^docker pull /);
    await expect(
      page.getByText(t('common.copied', { what: t('tags.pull.command', { client: 'docker' }) })),
    ).toBeVisible();
    // As a person would: the pointer still on the button, a moment to read the toast.
    await page.waitForTimeout(500);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});
