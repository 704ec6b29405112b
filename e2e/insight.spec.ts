import { expectAccessible } from './a11y.js';
import { expect, test } from './fixtures.js';
import { sandboxUser } from './sandbox.js';

// The account-wide pages in Chinese and the dark theme: each finishes its reading on the demo
// data, says so in Chinese, and stays accessible.
test.describe('in Chinese, in the dark theme', () => {
  test.use({ language: 'zh-CN', colorScheme: 'dark' });

  test('when the regions, retention, storage and compare pages are opened, then each finishes in Chinese and is accessible', async ({
    page,
    t,
    signIn,
  }) => {
    test.setTimeout(120_000);
    await signIn.withAccessKey(sandboxUser('swr-demo'));
    const pages = [
      ['/cn-north-4/regions-compare?namespace=team-web', 'regions.title', /对比完成/],
      ['/cn-north-4/retention-plans?template=tag_rule&count=1', 'plans.title', /已全部预演/],
      ['/cn-north-4/storage', 'storage.title', /已读取全部/],
    ] as const;
    for (const [path, title, finished] of pages) {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: t(title) })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: finished })).toBeVisible();
      await expectAccessible(page, `${t(title)}, in Chinese and dark`);
    }
    await page.goto('/cn-north-4/repositories/library/alpine-lite/compare?left=3.19&right=3.20');
    await expect(page.getByRole('table', { name: t('compare.layers') })).toBeVisible();
    await expectAccessible(page, 'two tags compared, in Chinese and dark');
  });
});
