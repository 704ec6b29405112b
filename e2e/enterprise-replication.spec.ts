import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expectAccessible } from './a11y.js';
import { expect, test as base } from './fixtures.js';
import { ReplicationPage } from './pages/replication.js';
import { startReplicationTarget, type ReplicationTarget } from './replication-target.js';
import { imageDigest, pushImage, sandboxUser } from './sandbox.js';

const test = base.extend<{ replication: ReplicationPage }>({
  replication: async ({ page, t }, use) => use(new ReplicationPage(page, t)),
});

const run = promisify(execFile);
const unique = () => Date.now().toString(36);

/** The digest the target serves for a tag, read as a user would (it needs no login). */
async function targetDigest(target: ReplicationTarget, reference: string): Promise<string> {
  const { stdout } = await run('skopeo', [
    'inspect',
    '--tls-verify=false',
    `docker://${target.host}/${reference}`,
  ]);
  return (JSON.parse(stdout) as { Digest: string }).Digest;
}

/** A plain registry on loopback for the length of `journey`, stopped whatever happens. */
async function withTarget(journey: (target: ReplicationTarget) => Promise<void>): Promise<void> {
  const target = await startReplicationTarget();
  try {
    await journey(target);
  } finally {
    await target.stop();
  }
}

test('when a push policy with a tag filter runs, then its preview named the tags it copies, each is copied with its digest, and the preview then says they are there', async ({
  page,
  t,
  signIn,
  enterprise,
  replication,
}) => {
  test.setTimeout(180_000);
  await signIn.withAccessKey(sandboxUser('swr-demo'));
  await enterprise.open();
  const login = await enterprise.temporaryLogin();
  const namespace = `repl-${unique()}`;
  await enterprise.createNamespace(namespace);
  for (const tag of ['v1', 'v2', 'dev'])
    await pushImage(login, `${namespace}/app:${tag}`, `e2e ${namespace} ${tag}`);

  await withTarget(async (target) => {
    await replication.openFromInstance();
    const registry = `target-${unique()}`;
    await replication.addRegistry(registry, target.url);
    const registryRow = replication.registryRow(registry);
    await expect(registryRow).toContainText(t('repl.health.healthy'));
    await registryRow.getByRole('button', { name: t('repl.test.of', { name: registry }) }).click();
    await expect(registryRow.getByRole('status')).toHaveText(
      t('repl.test.healthy', { name: registry }),
    );
    await expectAccessible(page, 'the registries');

    await replication.openTab('policies');
    const name = `copy-${unique()}`;
    const dialog = await replication.fillNewPolicy({
      name,
      registry: `${registry} (${target.url})`,
      destNamespace: 'mirror',
      nameFilter: `${namespace}/**`,
      tagFilter: 'v*',
    });
    // The preview: the two tags the filter takes, where each goes, and that nothing is known yet.
    await expect(
      dialog.getByText(t('repl.preview.count', { count: 2, repositories: 1 })),
    ).toBeVisible();
    const preview = dialog.getByRole('table', { name: t('repl.preview.tags') });
    await expect(preview).toContainText(`${target.host}/mirror/app:v1`);
    await expect(preview).toContainText(`${target.host}/mirror/app:v2`);
    await expect(preview).not.toContainText('app:dev');
    await expect(dialog).toContainText(t('repl.preview.noRun'));
    await expectAccessible(page, 'the policy dialog with its preview');
    await dialog.getByRole('button', { name: t('common.save') }).click();
    await expect(dialog).toBeHidden();

    const id = await replication.runNow(name);
    await replication
      .policyRow(name)
      .getByRole('link', { name: t('repl.lastRun.link', { id }) })
      .click();
    await expect(page).toHaveURL(/tab=runs&policy=\d+/);
    // Followed live: the run turns Succeeded without a refresh.
    await expect(replication.runRow(id)).toContainText(t('repl.status.Succeed'), {
      timeout: 60_000,
    });
    const tasks = await replication.openRun(id);
    const tags = await replication.tagsOf(tasks, id, `${namespace}/app`);
    for (const tag of ['v1', 'v2'])
      await expect(
        tags.getByRole('row').filter({ has: page.getByRole('cell', { name: tag, exact: true }) }),
      ).toContainText(t('repl.status.Succeed'));
    await expect(tags.getByRole('cell', { name: 'dev', exact: true })).toHaveCount(0);
    await expectAccessible(page, 'a finished run with its tags');

    for (const tag of ['v1', 'v2'])
      expect(await targetDigest(target, `mirror/app:${tag}`)).toBe(
        await imageDigest(login, `${namespace}/app:${tag}`),
      );

    // The preview now knows the target as that run found it.
    await replication.openTab('policies');
    await replication
      .policyRow(name)
      .getByRole('button', { name: t('repl.policy.editOf', { name }) })
      .click();
    const editing = page.getByRole('dialog', { name: t('repl.policy.editTitle', { name }) });
    const [asOf] = t('repl.preview.asOf', { id, time: '§' }).split('§');
    await expect(editing).toContainText(asOf!);
    await expect(
      editing
        .getByRole('table', { name: t('repl.preview.tags') })
        .getByText(t('repl.outlook.there')),
    ).toHaveCount(2);
    await page.keyboard.press('Escape');
    await expect(editing).toBeHidden();

    // A registry a policy uses is not offered for deletion: the dialog names the policy.
    await replication.openTab('registries');
    await registryRow
      .getByRole('button', { name: t('repl.registry.deleteOf', { name: registry }) })
      .click();
    const refusal = page.getByRole('dialog', {
      name: t('repl.registry.deleteTitle', { name: registry }),
    });
    await expect(refusal).toContainText(name);
    await expect(refusal.getByRole('button', { name: t('common.delete') })).toBeDisabled();
    await page.keyboard.press('Escape');
  });
});

test('when the target stalls, then the run stays under way until it is stopped, and it shows Stopped down to its tag', async ({
  page,
  t,
  signIn,
  enterprise,
  replication,
}) => {
  test.setTimeout(180_000);
  await signIn.withAccessKey(sandboxUser('swr-demo'));
  await enterprise.open();
  const login = await enterprise.temporaryLogin();
  const namespace = `stall-${unique()}`;
  await enterprise.createNamespace(namespace);
  await pushImage(login, `${namespace}/app:v1`, `e2e ${namespace} v1`);

  await withTarget(async (target) => {
    await replication.openFromInstance();
    const registry = `stalled-${unique()}`;
    await replication.addRegistry(registry, target.url);
    await replication.openTab('policies');
    const name = `stall-${unique()}`;
    const dialog = await replication.fillNewPolicy({
      name,
      registry: `${registry} (${target.url})`,
      nameFilter: `${namespace}/**`,
    });
    await dialog.getByRole('button', { name: t('common.save') }).click();
    await expect(dialog).toBeHidden();

    // From now on the target takes requests and never answers them.
    target.holding = true;
    const id = await replication.runNow(name);
    await replication
      .policyRow(name)
      .getByRole('link', { name: t('repl.lastRun.link', { id }) })
      .click();
    const row = replication.runRow(id);
    await expect(row).toContainText(t('repl.status.InProgress'));
    await expect.poll(() => target.imageRequests).toBeGreaterThan(0);

    await row.getByRole('button', { name: t('repl.stop.of', { id }) }).click();
    const confirm = page.getByRole('dialog', { name: t('repl.stop.title', { id, name }) });
    await expect(confirm).toContainText(t('repl.stop.text', { id, name }));
    await expectAccessible(page, 'the stop confirmation');
    await confirm.getByRole('button', { name: t('repl.stop'), exact: true }).click();
    await expect(confirm).toBeHidden();
    await expect(row).toContainText(t('repl.status.Stopped'));
    await expect(row.getByRole('button', { name: t('repl.rerun.of', { id }) })).toBeVisible();

    const tasks = await replication.openRun(id);
    const tags = await replication.tagsOf(tasks, id, `${namespace}/app`);
    await expect(
      tags.getByRole('row').filter({ has: page.getByRole('cell', { name: 'v1', exact: true }) }),
    ).toContainText(t('repl.status.Stopped'));
  });
});

test.describe('in Chinese, in the dark theme', () => {
  test.use({ language: 'zh-CN', colorScheme: 'dark' });

  test('when the replication tabs and dialogs are used by keyboard, then they speak Chinese and are accessible', async ({
    page,
    t,
    signIn,
    enterprise,
    replication,
  }) => {
    test.setTimeout(120_000);
    await signIn.withAccessKey(sandboxUser('swr-demo'));
    await enterprise.open();
    await replication.openFromInstance();

    // A registry that does not answer: unhealthy, with the reason.
    const registry = `down-${unique()}`;
    await replication.addRegistry(registry, 'http://127.0.0.1:9');
    await expect(replication.registryRow(registry)).toContainText(t('repl.health.unhealthy'));
    await expectAccessible(page, 'the registries with an unhealthy one, in Chinese and dark');

    // By keyboard: the dialog opens on its first field, says what is wrong, and gives the focus back.
    const add = page.getByRole('button', { name: t('repl.registry.add') });
    await add.focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('dialog', { name: t('repl.registry.add') });
    await expect(
      form.getByRole('textbox', { name: t('repl.registry.name'), exact: true }),
    ).toBeFocused();
    await page.keyboard.type('bad name');
    await expect(form.getByText(t('repl.problem.name.characters'))).toBeVisible();
    await expectAccessible(page, 'the registry dialog with a refused name, in Chinese and dark');
    await page.keyboard.press('Escape');
    await expect(form).toBeHidden();
    await expect(add).toBeFocused();

    // The tabs by keyboard: arrows move, Enter opens.
    await page.getByRole('tab', { name: t('repl.tab.registries') }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: t('repl.tab.policies') })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/tab=policies/);
    const dialog = await replication.fillNewPolicy({
      name: `zh-${unique()}`,
      registry: `${registry} (http://127.0.0.1:9)`,
      tagFilter: 'v{1',
    });
    await expect(dialog.getByText('A "{" is never closed.')).toBeVisible();
    await dialog.getByRole('radio', { name: t('repl.trigger.scheduled') }).check();
    await expect(dialog.getByText(t('repl.policy.nextRuns'))).toBeVisible();
    await expectAccessible(page, 'the policy dialog, in Chinese and dark');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await replication.openTab('runs');
    await expect(replication.runs).toBeVisible();
    await expectAccessible(page, 'the runs, in Chinese and dark');
  });
});
