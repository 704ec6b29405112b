import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import { signRequest } from '@swr-console/apig-signer';
import { expectAccessible } from './a11y.js';
import { choose } from './pages/pages.js';
import { expect, test } from './fixtures.js';
import { sandboxUser } from './sandbox.js';
import type { T } from './i18n.js';

// "API request": the texts a form shows before it sends, run outside the console as a user would
// (curl after signing with their AK/SK, the SDK snippet with tsx), do what the form would have.
const run = promisify(execFile);
const user = sandboxUser('swr-demo');

/** Fills the create-repository form and reads one of its request texts; creates nothing. */
async function requestText(page: Page, t: T, name: string, form: string): Promise<string> {
  await page.goto('/cn-north-4/repositories');
  await page.getByRole('button', { name: t('repos.create') }).click();
  const dialog = page.getByRole('dialog', { name: t('repos.create.title') });
  await choose(dialog.getByLabel(t('repos.namespace')), 'team-web');
  await dialog.getByLabel(t('repos.name')).fill(name);
  await dialog.getByLabel(t('repos.description')).fill(`made by ${form}: it's "quoted" $HOME`);
  await dialog.getByLabel(t('repos.public')).click();
  await dialog.getByText(t('request.show')).click();
  const text = await shownText(dialog, form);
  await dialog.getByRole('button', { name: t('common.cancel') }).click();
  await expect(dialog).toBeHidden();
  return text;
}

async function shownText(within: Locator, form: string): Promise<string> {
  await within.getByRole('tab', { name: form }).click();
  const panel = within.getByRole('tabpanel');
  await expect(panel).toHaveAttribute('data-form', form);
  return (await panel.textContent()) ?? '';
}

async function repository(page: Page, name: string) {
  return page.request.get(`/api/swr/cn-north-4/v2/manage/namespaces/team-web/repos/${name}`);
}

test('when the create-repository form shows its request, then its curl, signed, creates that repository', async ({
  page,
  t,
  signIn,
}) => {
  await signIn.withAccessKey(user);
  const name = `curl-${Date.now()}`;
  const curl = await requestText(page, t, name, 'curl');
  expect(curl).not.toContain(user.secret_key);
  expect((await repository(page, name)).status()).toBe(404);

  // What bash hands curl, read by running the text with curl replaced; then signed and sent.
  const { stdout } = await run('bash', ['-c', `curl() { printf '%s\\0' "$@"; }\n${curl}`], {
    env: { ...process.env, X_SDK_DATE: '-', SDK_AUTHORIZATION: '-' },
  });
  const argv = stdout.split('\0').slice(0, -1);
  const url = argv[2]!;
  const body = argv[argv.indexOf('--data-raw') + 1];
  const signed = signRequest(
    { method: argv[1]!, url, headers: { 'Content-Type': 'application/json' }, body },
    {
      accessKey: user.access_key,
      secretKey: user.secret_key,
      projectId: user.projects['cn-north-4'],
    },
  );
  await run('bash', ['-c', curl], {
    env: {
      ...process.env,
      X_SDK_DATE: signed['X-Sdk-Date']!,
      SDK_AUTHORIZATION: signed.Authorization!,
    },
  });

  const made = await repository(page, name);
  expect(made.status()).toBe(200);
  expect(await made.json()).toMatchObject({
    name,
    is_public: true,
    description: `made by curl: it's "quoted" $HOME`,
  });
});

test('when the create-repository form shows its request, then its SDK snippet, run with the official SDK, creates that repository', async ({
  page,
  t,
  signIn,
}) => {
  await signIn.withAccessKey(user);
  const name = `sdk-${Date.now()}`;
  const snippet = await requestText(page, t, name, 'SDK');
  expect(snippet).not.toContain(user.secret_key);
  expect((await repository(page, name)).status()).toBe(404);

  // Where module resolution finds the SDK: inside the project's node_modules.
  const dir = path.resolve('node_modules/.cache/e2e-snippets');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.mts`);
  writeFileSync(file, `${snippet}\nexport {};\n`);
  await run(path.resolve('node_modules/.bin/tsx'), [file], {
    env: {
      ...process.env,
      HUAWEICLOUD_SDK_AK: user.access_key,
      HUAWEICLOUD_SDK_SK: user.secret_key,
    },
  });

  const made = await repository(page, name);
  expect(made.status()).toBe(200);
  expect(await made.json()).toMatchObject({ name, is_public: true });
});

test('when a request is shown, then its forms are tabs the arrow keys move between, and the KooCLI line names the operation', async ({
  page,
  t,
  signIn,
}) => {
  await signIn.withAccessKey(user);
  await page.goto('/cn-north-4/repositories');
  await page.getByRole('button', { name: t('repos.create') }).click();
  const dialog = page.getByRole('dialog', { name: t('repos.create.title') });
  await dialog.getByText(t('request.show')).click();
  // Nothing to show before an organization and a name are there.
  await expect(dialog.getByRole('tabpanel')).toHaveCount(0);
  await choose(dialog.getByLabel(t('repos.namespace')), 'team-web');
  await dialog.getByLabel(t('repos.name')).fill('typed-by-keyboard');
  const json = dialog.getByRole('tab', { name: 'JSON' });
  await expect(json).toHaveAttribute('aria-selected', 'true');
  await json.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const koo = dialog.getByRole('tab', { name: 'KooCLI' });
  await expect(koo).toBeFocused();
  await expect(dialog.getByRole('tabpanel')).toContainText('hcloud SWR CreateRepo');
  await expect(dialog.getByRole('tabpanel')).toContainText("--cli-region='cn-north-4'");
  await expect(dialog.getByRole('tabpanel')).toContainText("--repository='typed-by-keyboard'");
  // The panel follows the form as it changes.
  await dialog.getByLabel(t('repos.name')).fill('typed-again');
  await expect(dialog.getByRole('tabpanel')).toContainText("--repository='typed-again'");
});

test.describe('in Chinese, in the dark theme', () => {
  test.use({ language: 'zh-CN', colorScheme: 'dark' });

  test('when deleting tags is confirmed, then the confirmation shows one call per tag, readable and accessible, and nothing is sent', async ({
    page,
    t,
    signIn,
  }) => {
    await signIn.withAccessKey(user);
    const deletes: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'DELETE') deletes.push(request.url());
    });
    await page.goto('/cn-north-4/repositories/team-web/frontend/tags');
    for (const tag of ['v1.1.0', 'v1.2.0'])
      await page.getByRole('checkbox', { name: t('tags.select', { tag }) }).check();
    await page.getByRole('button', { name: t('tags.deleteSelected', { count: 2 }) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(t('request.show')).click();
    await expect(dialog.getByText('确认后控制台将向 SWR API 发送的请求')).toBeVisible();
    const json = JSON.parse(await shownText(dialog, 'JSON')) as { method: string; path: string }[];
    expect(json.map((call) => `${call.method} ${call.path}`)).toEqual([
      'DELETE /v2/manage/namespaces/team-web/repos/frontend/tags/v1.1.0',
      'DELETE /v2/manage/namespaces/team-web/repos/frontend/tags/v1.2.0',
    ]);
    await expectAccessible(page, 'the request of a tag deletion, in the dark theme');
    await dialog.getByRole('button', { name: t('common.cancel') }).click();
    await expect(dialog).toBeHidden();
    // Nothing was sent, not even to be held for undo.
    expect(deletes).toEqual([]);
    const held = (await (await page.request.get('/api/deletions')).json()) as {
      deletions: { operation: string; params: Record<string, string> }[];
    };
    expect(
      held.deletions.filter(
        (d) => d.operation === 'DeleteRepoTag' && d.params.repository === 'frontend',
      ),
    ).toEqual([]);
  });
});
