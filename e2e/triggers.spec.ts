import { expectAccessible } from './a11y.js';
import { expect, test } from './fixtures.js';
import { GONE } from './held.js';
import { pushImage, regionLogin, sandboxUser } from './sandbox.js';

test('when an administrator manages triggers, then bad input is refused at the field, a matching push is recorded, and edits and deletes say what they do', async ({
  page,
  t,
  signIn,
  triggers,
}) => {
  test.setTimeout(120_000);
  const admin = sandboxUser('swr-demo');
  await signIn.withAccessKey(admin);
  await page.goto('/cn-north-4/repositories/team-web/frontend');
  await triggers.open();
  await expect(triggers.row('redeploy-latest')).toContainText(`${t('triggers.type.tag')}: latest`);
  await expectAccessible(page, 'the triggers tab');

  await page.getByRole('button', { name: t('triggers.create') }).click();
  const dialog = page.getByRole('dialog');
  // Required fields' names start with antd's "* " mark.
  const field = (label: string) =>
    dialog.getByRole('textbox', { name: new RegExp(`^(\\* )?${label}$`) });
  await field(t('triggers.name')).fill('1-canary');
  await field(t('triggers.name')).blur();
  await expect(dialog.getByText(t('triggers.problem.name'))).toBeVisible();
  await field(t('triggers.name')).fill('deploy-canary');
  await dialog.getByRole('radio', { name: t('triggers.type.regular') }).check();
  await field(t('triggers.condition.regex')).fill('canary-.*');
  await field(t('triggers.cluster')).fill('demo-cluster');
  await field(t('triggers.application')).fill('frontend-canary');
  await expectAccessible(page, 'the trigger dialog');
  await dialog.getByRole('button', { name: t('common.save') }).click();
  await expect(dialog).toBeHidden();
  const row = triggers.row('deploy-canary');
  await expect(row).toContainText('frontend-canary');

  // A push that matches is recorded in the trigger's history.
  await pushImage(regionLogin(admin, 'cn-north-4'), 'team-web/frontend:canary-1', 'canary 1');
  // The registry tells swr-local of the push a moment later.
  const expand = row.getByRole('button', { name: /expand/i });
  await expect(async () => {
    await page.reload();
    await expect(expand).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expand.click();
  await expect(page.getByRole('cell', { name: 'canary-1', exact: true })).toBeVisible();

  const on = page.getByRole('switch', { name: t('triggers.enabledOf', { name: 'deploy-canary' }) });
  await on.click();
  await expect(on).not.toBeChecked();

  // Any edit but the switch recreates the trigger, and the dialog says so first.
  await page.getByRole('button', { name: t('triggers.edit', { name: 'deploy-canary' }) }).click();
  await field(t('triggers.application')).fill('frontend-preview');
  await expect(dialog.getByText(t('triggers.edit.recreateNote'))).toBeVisible();
  await dialog.getByRole('button', { name: t('triggers.edit.recreate') }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('frontend-preview');

  await page.getByRole('button', { name: t('triggers.delete', { name: 'deploy-canary' }) }).click();
  const confirm = page.getByRole('dialog', {
    name: t('triggers.delete.title', { name: 'deploy-canary' }),
  });
  await expect(confirm).toContainText('default/frontend-preview');
  await confirm.getByRole('button', { name: t('common.delete') }).click();
  await expect(row).toHaveCount(0, GONE);
  await expect(triggers.row('redeploy-latest')).toBeVisible();
});
