import { choose } from './pages/pages.js';
import { expect, test } from './fixtures.js';
import { sandboxUser } from './sandbox.js';

// The rough edges a new user met: each as a journey that would show it again.

test('when a repository name of 300 characters is pasted, then it is kept whole, refused at the field, and nothing is created', async ({
  page,
  t,
  signIn,
}) => {
  await signIn.withAccessKey(sandboxUser('swr-demo'));
  await page.goto('/cn-north-4/repositories');
  await page.getByRole('button', { name: t('repos.create') }).click();
  const dialog = page.getByRole('dialog', { name: t('repos.create.title') });
  await choose(dialog.getByLabel(t('repos.namespace')), 'team-web');
  const name = dialog.getByLabel(t('repos.name'));
  await name.fill('a'.repeat(300));
  await expect(name).toHaveValue('a'.repeat(300));
  await expect(dialog.getByText(t('name.tooLong', { length: 300, max: 128 }))).toBeVisible();
  await dialog.getByRole('button', { name: t('common.create') }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: t('common.cancel') }).click();

  // Nothing reached SWR: the organization still has no repository of that name.
  const answer = await page.request.get(
    `/api/swr/cn-north-4/v2/manage/namespaces/team-web/repos/${'a'.repeat(128)}`,
  );
  expect(answer.status()).toBe(404);
});

test.describe('on a phone’s screen', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('then no page of the console scrolls sideways', async ({ page, signIn }) => {
    await signIn.withAccessKey(sandboxUser('swr-demo'));
    for (const path of [
      '/cn-north-4/namespaces',
      '/cn-north-4/repositories',
      '/cn-north-4/repositories/team-web/frontend/tags',
      '/cn-north-4/repositories/team-web/frontend/sync',
      '/cn-north-4/shared-with-me',
      '/cn-north-4/enterprise',
      '/cn-north-4/overview',
    ]) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        screen: document.documentElement.clientWidth,
      }));
      expect(width.page, path).toBeLessThanOrEqual(width.screen);
    }
  });
});

test('when a repository has the longest name SWR allows, then the list still shows every column and button', async ({
  page,
  signIn,
  t,
}) => {
  await signIn.withAccessKey(sandboxUser('swr-demo'));
  const { csrfToken } = (await (await page.request.get('/api/session')).json()) as {
    csrfToken: string;
  };
  const changes = { 'x-csrf-token': csrfToken, origin: new URL(page.url()).origin };
  const name = `${'a'.repeat(60)}-${'b'.repeat(58)}`;
  const full = `data-lab/${name}`;
  expect(full).toHaveLength(128);
  const created = await page.request.post(
    '/api/swr/cn-north-4/v2/manage/namespaces/data-lab/repos',
    {
      headers: changes,
      data: { repository: name, category: 'other', is_public: false },
    },
  );
  expect(created.ok()).toBe(true);
  try {
    await page.goto('/cn-north-4/repositories');
    const remove = page.getByRole('button', { name: t('repos.delete', { name: full }) });
    await expect(remove).toBeInViewport();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
  } finally {
    await page.request.delete(`/api/swr/cn-north-4/v2/manage/namespaces/data-lab/repos/${name}`, {
      headers: changes,
    });
  }
});
