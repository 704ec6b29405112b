import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expectAccessible } from './a11y.js';
import { expect, test as base } from './fixtures.js';
import { GONE } from './held.js';
import { CredentialsPage, type CreatedCredential } from './pages/credentials.js';
import { sandboxUser } from './sandbox.js';

const test = base.extend<{ credentials: CredentialsPage }>({
  credentials: async ({ page, t }, use) => use(new CredentialsPage(page, t)),
});

const run = promisify(execFile);
const unique = () => Date.now().toString(36);

/** `skopeo login` as a CI job runs it, with its own auth file. */
async function skopeoLogin({ registry, username, password }: CreatedCredential): Promise<void> {
  const auth = path.join(mkdtempSync(path.join(tmpdir(), 'e2e-auth-')), 'auth.json');
  await run('skopeo', ['login', '--tls-verify=false', '-u', username, '-p', password, registry], {
    env: { ...process.env, REGISTRY_AUTH_FILE: auth },
  });
}

test('when a long-term credential is created in the console, then skopeo logs in with its secret until it is disabled, and it can be deleted', async ({
  page,
  t,
  signIn,
  enterprise,
  credentials,
}) => {
  test.setTimeout(120_000);
  await signIn.withAccessKey(sandboxUser('swr-demo'));
  await enterprise.open();
  const registry = await enterprise.registry();
  await credentials.openFromInstance();
  await expect(page).toHaveURL(/\/enterprise\/[^/]+\/credentials$/);
  // The quota line, whatever the counts are: the words around them as the console says them.
  const quota = t('cred.quota', { count: '§', quota: '§' })
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replaceAll('§', '\\d+');
  await expect(page.getByText(new RegExp(`^${quota}$`))).toBeVisible();

  const name = `ci-${unique()}`;
  const created = await credentials.create(name);
  expect(created.registry).toBe(registry);
  expect(created.username).toMatch(/^cn-north-4@LT[0-9a-f]{32}$/);
  // Shown once: nothing of it in the address, and the dialog is gone.
  expect(page.url()).not.toContain(created.password);
  const row = credentials.row(name);
  await expect(row).toContainText(t('cred.enabled'));
  await expect(row).toContainText(created.username);
  await expect(row).toContainText(t('cred.neverUsed'));
  await expectAccessible(page, 'the long-term credentials');

  await skopeoLogin(created);
  // The sandbox records the login, and disabling says it was just used.
  await credentials.refresh();
  await expect(row).not.toContainText(t('cred.neverUsed'));
  const disabling = await credentials.askToDisable(name);
  await expect(disabling).toContainText(created.username);
  const [, refused] = t('cred.recent', { ago: '§' }).split('§');
  await expect(disabling.getByRole('alert')).toContainText(refused!);
  await expectAccessible(page, 'the disable confirmation with its recent-use warning');
  await disabling.getByRole('button', { name: t('cred.disable'), exact: true }).click();
  await expect(disabling).toBeHidden();
  await expect(row).toContainText(t('cred.disabled'));

  await expect(skopeoLogin(created)).rejects.toThrow(/invalid username\/password|unauthorized/i);

  const deleting = await credentials.askToDelete(name);
  await expect(deleting).toContainText(name);
  await deleting.getByRole('button', { name: t('common.delete'), exact: true }).click();
  await expect(deleting).toBeHidden();
  await expect(row).toHaveCount(0, GONE);
});

test.describe('in Chinese, in the dark theme', () => {
  test.use({ language: 'zh-CN', colorScheme: 'dark' });

  test('when the long-term credentials and the create dialog are opened, then they speak Chinese and are accessible', async ({
    page,
    t,
    signIn,
    enterprise,
    credentials,
  }) => {
    await signIn.withAccessKey(sandboxUser('swr-demo'));
    await enterprise.open();
    await credentials.openFromInstance();
    await expect(page.getByText(t('cred.lastUsed.local'))).toBeVisible();

    // By keyboard: a refused name, then a good one; the secret's dialog is scanned too.
    await page.getByRole('button', { name: t('cred.create') }).click();
    const form = page.getByRole('dialog', { name: t('cred.create.title') });
    const field = form.getByRole('textbox', { name: t('cred.name') });
    await expect(field).toBeFocused();
    await page.keyboard.type('CI');
    await expect(form.getByText(t('name.uppercase'))).toBeVisible();
    await expectAccessible(page, 'the create dialog with a refused name, in Chinese and dark');
    const name = `zh-${unique()}`;
    await field.fill(name);
    await page.keyboard.press('Enter');
    const shown = page.getByRole('dialog', { name: t('cred.secret.title', { name }) });
    await expect(shown).toContainText(t('cred.secret.once'));
    await expectAccessible(page, 'the one-time secret, in Chinese and dark');
    await page.keyboard.press('Escape');
    await expect(shown).toBeHidden();
    await expect(page.getByRole('button', { name: t('cred.create') })).toBeFocused();

    const everyone = page.getByRole('switch', { name: t('cred.everyone') });
    await everyone.click();
    await expect(everyone).toBeChecked();
    await expect(page).toHaveURL(/everyone=true/);
    await expect(credentials.row(name)).toContainText(t('cred.enabled'));
    await expectAccessible(page, 'the long-term credentials, in Chinese and dark');
  });
});
