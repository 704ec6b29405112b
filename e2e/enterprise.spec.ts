import { expectAccessible } from './a11y.js';
import { expect, test } from './fixtures.js';
import { GONE } from './held.js';
import { choose } from './pages/pages.js';
import { pushImage, sandboxUser } from './sandbox.js';

const unique = () => Date.now().toString(36);

test('when an administrator tags a namespace, then the tag limit shows, bad tags are refused at the field, and the list filters by the tag', async ({
  page,
  t,
  signIn,
  enterprise,
}) => {
  test.setTimeout(120_000);
  await signIn.withAccessKey(sandboxUser('swr-demo'));
  await enterprise.open();
  // The demo's tags are there, and the page passes axe.
  await expect(enterprise.namespaceRow('payments')).toContainText('cost-center: cc-42');
  await expectAccessible(page, 'the Enterprise namespaces');

  const name = `tagged-${unique()}`;
  const value = `qa-${unique()}`;
  await enterprise.createNamespace(name);
  await enterprise
    .namespaceRow(name)
    .getByRole('button', { name: t('ent.tags.editOf', { name }) })
    .click();
  const dialog = page.getByRole('dialog', { name: t('ent.tags.title', { name }) });
  await expect(dialog).toContainText(t('ent.tags.count', { count: 0, limit: 20 }));
  await dialog.getByRole('button', { name: t('ent.tags.add') }).click();
  await dialog.getByRole('textbox', { name: t('ent.tags.key', { n: 1 }) }).fill('env');
  await dialog.getByRole('textbox', { name: t('ent.tags.value', { n: 1 }) }).fill(value);
  await dialog.getByRole('button', { name: t('ent.tags.add') }).click();
  // The same key twice is refused at the row, before anything is sent.
  await dialog.getByRole('textbox', { name: t('ent.tags.key', { n: 2 }) }).fill('env');
  await expect(dialog.getByRole('alert')).toHaveText(t('ent.tags.problem.keyDuplicate'));
  await expect(dialog.getByRole('button', { name: t('common.save') })).toBeDisabled();
  await dialog.getByRole('textbox', { name: t('ent.tags.key', { n: 2 }) }).fill('owner');
  await dialog.getByRole('textbox', { name: t('ent.tags.value', { n: 2 }) }).fill('e2e');
  await expect(dialog).toContainText(t('ent.tags.count', { count: 2, limit: 20 }));
  await expectAccessible(page, 'the namespace tags dialog');
  await dialog.getByRole('button', { name: t('common.save') }).click();
  await expect(dialog).toBeHidden();
  await expect(enterprise.namespaceRow(name)).toContainText(`env: ${value}`);

  // Tags can be given when the namespace is created.
  const born = `born-${unique()}`;
  await enterprise.createNamespace(born, [{ key: 'team', value: 'qa' }]);
  await expect(enterprise.namespaceRow(born)).toContainText('team: qa');

  // Filter by the tag: only the namespace carrying that value stays, and the filter is a link.
  await choose(page.getByRole('combobox', { name: t('ent.filter.key') }), 'env');
  await page.getByRole('button', { name: t('ent.filter.values'), exact: true }).click();
  await page
    .getByRole('dialog', { name: t('ent.filter.values') })
    .getByRole('checkbox', { name: value, exact: true })
    .check();
  await expect(page.getByRole('button', { name: t('ent.filter.values') })).toContainText('1 of');
  await page.getByRole('button', { name: t('ent.filter.add') }).click();
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'payments', exact: true })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(`env = ${value}`)).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(2); // the header and the one namespace
  await page.getByRole('button', { name: t('ent.filter.clear') }).click();
  await expect(enterprise.namespaceRow('payments')).toBeVisible();

  // Deleting names the namespace and what goes with it.
  await enterprise
    .namespaceRow(name)
    .getByRole('button', { name: t('ent.ns.delete', { name }) })
    .click();
  const confirm = page.getByRole('dialog', { name: t('ent.ns.delete.title', { name }) });
  await expect(confirm).toContainText(t('ent.ns.delete.confirm', { name, tags: 2 }));
  await confirm.getByRole('button', { name: t('common.delete') }).click();
  await expect(enterprise.namespaceRow(name)).toHaveCount(0, GONE);
});

test('when an on-push signing policy exists and an image is pushed with skopeo, then its badge turns signed and verified, and a tag outside the scope stays unsigned', async ({
  page,
  t,
  signIn,
  enterprise,
}) => {
  test.setTimeout(180_000);
  const admin = sandboxUser('swr-demo');
  await signIn.withAccessKey(admin);
  await enterprise.open();
  const registry = await enterprise.registry();
  // The instance's own login, from the console, as a user would copy it.
  await page.getByRole('button', { name: t('ent.login.open') }).click();
  const loginDialog = page.getByRole('dialog', { name: t('ent.login.title') });
  await loginDialog.getByRole('button', { name: t('ent.login.get') }).click();
  const docker = await loginDialog.getByText(/^docker login /).innerText();
  expect(docker).toContain(registry);
  const [, username, password] = / -u (\S+) -p (\S+)/.exec(docker)!;
  await expectAccessible(page, 'the instance login dialog');
  await loginDialog
    .getByRole('button', { name: t('common.close'), exact: true })
    .last()
    .click();
  await expect(loginDialog).toBeHidden();
  const name = `signed-${unique()}`;
  await enterprise.createNamespace(name);
  await page.getByRole('link', { name, exact: true }).click();
  await page.getByRole('tab', { name: t('ent.tab.signing') }).click();
  await page.getByRole('button', { name: t('ent.policy.create') }).click();

  const dialog = page.getByRole('dialog', { name: t('ent.policy.create') });
  const field = (label: string) =>
    dialog.getByRole('textbox', { name: new RegExp(`^(\\* )?${label}$`) });
  await field(t('ent.policy.name')).fill('sign-on-push');
  await dialog.getByRole('radio', { name: t('ent.policy.trigger.event_based') }).check();
  // A key of its own, made from the dialog; the key decides the algorithm.
  const alias = `e2e-${unique()}`;
  await dialog.getByRole('button', { name: t('ent.key.create') }).click();
  const keyDialog = page.getByRole('dialog', { name: t('ent.key.create') });
  await keyDialog
    .getByRole('textbox', { name: new RegExp(`^(\\* )?${t('ent.key.alias')}$`) })
    .fill(alias);
  await keyDialog.getByRole('radio', { name: /EC_P384/ }).check();
  await keyDialog.getByRole('button', { name: t('common.create') }).click();
  await expect(keyDialog).toBeHidden();
  await expect(dialog).toContainText(
    t('ent.policy.algorithm', { algorithm: 'ECDSA_SHA_384', spec: 'EC_P384' }),
  );
  // A malformed pattern is refused at its field.
  await field(t('ent.policy.rule.tag', { n: 1 })).fill('v{1,2');
  await expect(dialog.getByText(/never closed/)).toBeVisible();
  await expect(dialog.getByText(t('ent.policy.preview.invalid'))).toBeVisible();
  await field(t('ent.policy.rule.tag', { n: 1 })).fill('v*');
  await expect(dialog.getByRole('status')).toHaveText(
    t('ent.policy.preview.count', { count: 0, total: 0 }),
  );
  await expectAccessible(page, 'the signing policy dialog');
  await dialog.getByRole('button', { name: t('common.save') }).click();
  await expect(dialog).toBeHidden();
  const policyRow = page.getByRole('row').filter({ hasText: 'sign-on-push' });
  await expect(policyRow).toContainText(`${alias} (ECDSA_SHA_384)`);
  await expect(policyRow).toContainText(t('ent.policy.trigger.event_based'));

  // Push with skopeo as a user would: a release tag and a dev tag.
  const login = { registry, username: username!, password: password! };
  await pushImage(login, `${name}/web/app:v1.0`, `e2e signed ${name}`);
  await pushImage(login, `${name}/web/app:dev`, `e2e dev ${name}`);

  await page.getByRole('tab', { name: t('ent.tab.repositories') }).click();
  await page.getByRole('button', { name: t('ent.refresh') }).click();
  const row = page.getByRole('row').filter({ hasText: 'web/app' });
  await row.getByRole('button', { name: /expand row/i }).click();
  const artifacts = page.getByRole('table', {
    name: t('ent.artifacts.of', { repository: 'web/app' }),
  });
  const verified = t('ent.sig.verified', { key: alias });
  await expect(async () => {
    await page.getByRole('button', { name: t('ent.refresh') }).click();
    await expect(artifacts.getByRole('row').filter({ hasText: 'v1.0' })).toContainText(verified, {
      timeout: 2000,
    });
  }).toPass({ timeout: 30_000 });
  await expect(artifacts.getByRole('row').filter({ hasText: 'dev' })).toContainText(
    t('ent.sig.unsigned'),
  );
  await expectAccessible(page, 'the artifacts with signature badges');

  // The execution the push started, with its per-artifact result.
  await page.getByRole('tab', { name: t('ent.tab.signing') }).click();
  await policyRow.getByRole('button', { name: /expand row/i }).click();
  const executions = page.getByRole('table', { name: t('ent.exec.title') });
  await expect(executions).toContainText(t('ent.exec.trigger.event_based'));
  await expect(executions).toContainText(t('ent.exec.status.Succeed'));
});
