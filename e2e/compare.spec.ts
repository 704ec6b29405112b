import { expectAccessible } from './a11y.js';
import { expect, test } from './fixtures.js';
import { pushImage, rawManifest, regionLogin, sandboxUser } from './sandbox.js';

const HOME = 'cn-north-4';

test('when two tags with known differences are compared, then the page shows the shared and changed layers, settings, environment and labels, as the registry has them', async ({
  page,
  t,
  signIn,
}) => {
  test.setTimeout(120_000);
  const admin = sandboxUser('swr-demo');
  const home = regionLogin(admin, HOME);
  const repo = 'team-web/two-builds';
  // One base layer in common; the second build changes its dependencies, mode, labels, ports
  // and entrypoint.
  await pushImage(home, `${repo}:v1`, 'two builds: v1', {
    base: ['shared base os', 'dependencies v1'],
    settings: {
      Env: ['PATH=/usr/bin', 'MODE=dev'],
      Labels: { team: 'web', tier: 'dev' },
      User: 'app',
      ExposedPorts: { '8080/tcp': {} },
    },
  });
  await pushImage(home, `${repo}:v2`, 'two builds: v2', {
    base: ['shared base os', 'dependencies v2'],
    settings: {
      Env: ['PATH=/usr/bin', 'MODE=prod'],
      Labels: { team: 'web' },
      User: 'app',
      ExposedPorts: { '8080/tcp': {}, '9090/tcp': {} },
      Entrypoint: ['/app'],
    },
  });
  const layersOf = async (tag: string) =>
    ((await rawManifest(home, `${repo}:${tag}`)) as { layers: { digest: string }[] }).layers.map(
      (layer) => layer.digest,
    );
  const [v1, v2] = [await layersOf('v1'), await layersOf('v2')];
  expect(v1[0]).toBe(v2[0]);

  await signIn.withAccessKey(admin);
  await page.goto(`/${HOME}/repositories/team-web/two-builds/tags`);
  await page.getByRole('checkbox', { name: t('tags.select', { tag: 'v1' }) }).check();
  await page.getByRole('checkbox', { name: t('tags.select', { tag: 'v2' }) }).check();
  await page.getByRole('button', { name: t('tags.compareSelected') }).click();
  await expect(page).toHaveURL(/\/compare\?left=v1&right=v2/);

  await expect(page.getByRole('status').filter({ hasText: /differ/ })).toBeVisible();
  const layers = page.getByRole('table', { name: t('compare.layers') });
  const rows = layers.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  await expect(rows).toHaveCount(5);
  const short = (digest: string) => `${digest.slice(0, 19)}`;
  const names = { left: `v1 (${HOME})`, right: `v2 (${HOME})` };
  await expect(rows.nth(0)).toContainText(t('compare.layer.same'));
  await expect(rows.nth(0)).toContainText(short(v1[0]!));
  for (const digest of v1.slice(1))
    await expect(rows.filter({ hasText: short(digest) })).toContainText(
      t('compare.layer.removed', names),
    );
  for (const digest of v2.slice(1))
    await expect(rows.filter({ hasText: short(digest) })).toContainText(
      t('compare.layer.added', names),
    );

  const env = page.getByRole('table', { name: t('compare.env') });
  await expect(env.getByRole('row').filter({ hasText: 'MODE' })).toContainText(
    t('compare.change.changed'),
  );
  await expect(env.getByRole('row').filter({ hasText: 'PATH' })).toContainText(
    t('compare.change.same'),
  );
  const labels = page.getByRole('table', { name: t('compare.labels') });
  await expect(labels.getByRole('row').filter({ hasText: 'tier' })).toContainText(
    t('compare.change.removed'),
  );
  const settings = page.getByRole('table', { name: t('compare.settings') });
  await expect(
    settings.getByRole('row').filter({ hasText: t('compare.setting.exposedPorts') }),
  ).toContainText('8080/tcp, 9090/tcp');
  await expect(
    settings.getByRole('row').filter({ hasText: t('compare.setting.entrypoint') }),
  ).toContainText('["/app"]');
  await expectAccessible(page, 'two tags compared');

  // Only what differs: the same PATH goes, the changed MODE stays.
  await page.getByRole('checkbox', { name: t('compare.onlyDifferences') }).check();
  await expect(env.getByRole('row').filter({ hasText: 'PATH' })).toHaveCount(0);
  await expect(env.getByRole('row').filter({ hasText: 'MODE' })).toHaveCount(1);

  // A multi-platform list against itself under another tag: per platform, the same image.
  await page.goto(`/${HOME}/repositories/library/busybox-mini/compare?left=1.36&right=latest`);
  await expect(page).toHaveURL(/platform=linux%2Famd64|platform=linux\/amd64/);
  await expect(page.getByRole('status').filter({ hasText: t('compare.identical') })).toBeVisible();
});
