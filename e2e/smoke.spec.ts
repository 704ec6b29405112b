import { expect, test } from '@playwright/test';

test('when the console is opened, then its page carries the product name', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('SWR Console');
  await expect(page.getByRole('heading', { name: 'SWR Console', level: 1 })).toBeVisible();
});

test('when a client route is opened directly, then the console still loads', async ({ page }) => {
  const response = await page.goto('/namespaces/anything');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle('SWR Console');
});
