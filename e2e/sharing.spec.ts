import { expectAccessible } from './a11y.js';
import { expect, test } from './fixtures.js';
import { pullImage, pushImage, regionLogin, sandboxUser } from './sandbox.js';

test('when a private repository is shared with another account, then that account finds it under Shared with me and can pull it, until the share is removed', async ({
  page,
  t,
  signIn,
  shell,
  repositories,
  sharing,
}) => {
  test.setTimeout(180_000);
  const owner = sandboxUser('swr-demo');
  const partner = sandboxUser('partner-co');
  const repo = 'shared-app';
  const full = `data-lab/${repo}`;

  await signIn.withAccessKey(owner);
  await shell.go('repositories');
  await repositories.create('data-lab', repo);
  await pushImage(regionLogin(owner, 'cn-north-4'), `${full}:v1`, 'shared v1');
  const partnerLogin = regionLogin(partner, 'cn-north-4');
  // Before the share, the partner cannot pull.
  await expect(pullImage(partnerLogin, `${full}:v1`)).rejects.toThrow();

  await page.reload();
  await repositories.open('data-lab', repo);
  await sharing.open();
  await expect(page.getByText(t('sharing.empty'))).toBeVisible();
  await sharing.share(partner.account, 'CI of the partner');
  await expectAccessible(page, 'the sharing tab');

  // The access check answers for the partner and for an account without a share.
  const check = page.getByLabel(t('sharing.check.label'));
  await check.fill(partner.account);
  await page.getByRole('button', { name: t('sharing.check.button') }).click();
  await expect(page.getByRole('status').filter({ hasText: partner.account })).toHaveText(
    t('sharing.check.forever', { account: partner.account }),
  );
  await shell.signOut(owner.name);

  await signIn.withAccessKey(partner);
  await shell.go('sharedWithMe');
  const row = page.getByRole('row').filter({ hasText: full });
  await expect(row).toContainText(owner.account);
  await expect(row).toContainText(t('shared.valid'));
  await expectAccessible(page, 'shared with me');
  await row.getByRole('button', { name: t('shared.pull', { repository: full }) }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(new RegExp(`^docker pull \\S+/${full}:v1$`))).toBeVisible();
  await dialog
    .getByRole('button', { name: t('common.close') })
    .first()
    .click();
  await pullImage(partnerLogin, `${full}:v1`);
  await shell.signOut(partner.name);

  await signIn.withAccessKey(owner);
  await page.goto(`/cn-north-4/repositories/data-lab/${repo}/sharing`);
  await sharing.stop(partner.account, full);
  await expect(pullImage(partnerLogin, `${full}:v1`)).rejects.toThrow(/denied|unauthorized/i);
});
