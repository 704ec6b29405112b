import { expectAccessible } from './a11y.js';
import { expect, test } from './fixtures.js';
import { choose } from './pages/pages.js';
import { pushImage, rawManifest, regionLogin, sandboxUser } from './sandbox.js';

const HOME = 'cn-north-4';

interface Manifest {
  layers: { digest: string; size: number }[];
}

test('when a repository’s tags share layers, then the storage page counts each layer once and says what is shared, and deleting two tags says what it really frees', async ({
  page,
  t,
  signIn,
}) => {
  test.setTimeout(120_000);
  const admin = sandboxUser('swr-demo');
  const home = regionLogin(admin, HOME);
  const repo = 'data-lab/storage-lab';
  for (const [tag, base] of [
    ['s1', ['storage base', 'storage deps 1']],
    ['s2', ['storage base', 'storage deps 1']],
    ['s3', ['storage base', 'storage deps 2']],
  ] as const)
    await pushImage(home, `${repo}:${tag}`, `storage ${tag}`, { base: [...base] });
  const layers = new Map<string, { size: number; tags: string[] }>();
  for (const tag of ['s1', 's2', 's3'])
    for (const layer of ((await rawManifest(home, `${repo}:${tag}`)) as Manifest).layers) {
      const known = layers.get(layer.digest) ?? { size: layer.size, tags: [] };
      known.tags.push(tag);
      layers.set(layer.digest, known);
    }
  const sum = (entries: { size: number }[]) => entries.reduce((total, l) => total + l.size, 0);
  const bytes = sum([...layers.values()]);
  const shared = sum([...layers.values()].filter((l) => l.tags.length > 1));
  // Deleting s1 and s3 frees what only they use: their own top layers and "deps 2", not the
  // base (s2 keeps it) nor "deps 1" (s2 too).
  const freed = sum([...layers.values()].filter((l) => l.tags.every((tag) => tag !== 's2')));

  await signIn.withAccessKey(admin);
  await page
    .getByRole('navigation')
    .getByRole('link', { name: t('shell.nav.storage') })
    .click();
  await choose(page.getByRole('combobox', { name: t('storage.filter.namespace') }), 'data-lab');
  await page.getByRole('searchbox', { name: t('storage.filter.name') }).fill('storage-lab');
  await page.getByRole('searchbox', { name: t('storage.filter.name') }).press('Enter');
  await expect(page).toHaveURL(/namespace=data-lab&name=storage-lab/);
  const row = page
    .getByRole('table', { name: t('storage.table') })
    .getByRole('row')
    .filter({ hasText: repo });
  await expect(
    row.getByTitle(t('storage.exact', { bytes: bytes.toLocaleString('en-US') })),
  ).toBeVisible();
  await expect(row).toContainText(`(${Math.round((shared / bytes) * 100)}%)`);
  await expect(
    page
      .getByRole('group', { name: t('storage.treemap') })
      .getByRole('link', { name: new RegExp(repo) }),
  ).toHaveCount(1);
  await expectAccessible(page, 'the storage page');

  await page.goto(`/${HOME}/repositories/${repo}/tags`);
  await page.getByRole('checkbox', { name: t('tags.select', { tag: 's1' }) }).check();
  await page.getByRole('checkbox', { name: t('tags.select', { tag: 's3' }) }).check();
  await page.getByRole('button', { name: t('tags.deleteSelected', { count: 2 }) }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('status')).toContainText(`(${freed.toLocaleString('en-US')} bytes`);
  await dialog.getByRole('button', { name: t('common.cancel') }).click();
  await expect(dialog).toBeHidden();
});
