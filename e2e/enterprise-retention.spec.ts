import { expectAccessible } from './a11y.js';
import { expect, test as base } from './fixtures.js';
import { EnterpriseRetentionTab } from './pages/enterprise-retention.js';
import { GONE } from './held.js';
import { pushImage, sandboxUser } from './sandbox.js';

const test = base.extend<{ policyTab: EnterpriseRetentionTab }>({
  policyTab: async ({ page, t }, use) => use(new EnterpriseRetentionTab(page, t)),
});

const unique = () => Date.now().toString(36);

test('when a policy keeps the latest 2 pushed of 4 tags, then the what-if, the dry run and the real run all name the 2 oldest, and only those go', async ({
  page,
  t,
  signIn,
  enterprise,
  policyTab,
}) => {
  test.setTimeout(240_000);
  await signIn.withAccessKey(sandboxUser('swr-demo'));
  await enterprise.open();
  const login = await enterprise.temporaryLogin();
  const name = `retn-${unique()}`;
  await enterprise.createNamespace(name);
  // Pushed one after the other: v1 is the oldest, v4 the newest.
  for (const tag of ['v1', 'v2', 'v3', 'v4'])
    await pushImage(login, `${name}/app:${tag}`, `e2e retention ${name} ${tag}`);

  await page.getByRole('link', { name, exact: true }).click();
  await policyTab.open();
  expect(page.url()).toMatch(new RegExp(`/namespaces/${name}/retention$`));
  const policy = 'keep-latest-2';
  await policyTab.keepLatestPushed(policy, 2);

  // The what-if, live: the 2 oldest go, each saying why.
  await expect(
    page.getByRole('status').filter({
      hasText: t('retn.whatif.summary', {
        deleted: 2,
        total: t('retn.n.tag.other', { n: 4 }),
        repositories: t('retn.n.repository.one', { n: 1 }),
        kept: 2,
        immutable: 0,
      }),
    }),
  ).toBeVisible();
  const planned = await policyTab.whatIfTags('app');
  await policyTab.expectTags(planned, ['v1', 'v2']);
  await expect(planned.getByRole('row').filter({ hasText: 'v2' })).toContainText(
    t('retn.why.beyond.latestPushedK', { rule: 1, limit: 2, rank: '3rd' }),
  );
  await expectAccessible(page, 'the retention tab with its what-if');

  await page.getByRole('button', { name: t('retn.save.create') }).click();
  await expect(page.getByText(t('retn.saved', { name: policy }))).toBeVisible();
  await expect(page.getByText(t('retn.save.unchanged'))).toBeVisible();

  // A dry run lists exactly those tags, and deletes nothing.
  await page.getByRole('button', { name: t('retn.runs.dry') }).click();
  const runs = policyTab.runs(policy);
  const dry = runs
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: t('retn.runs.kind.dry'), exact: true }) });
  await expect(dry).toContainText(t('retn.status.Succeed'));
  const dryId = (await dry.getByRole('cell').nth(1).innerText()).trim();
  await policyTab.expectTags(await policyTab.runTags(dry, dryId, 'app'), ['v1', 'v2']);

  // The real run, confirmed with the what-if's counts.
  await page.getByRole('button', { name: t('retn.runs.now') }).click();
  const confirm = page.getByRole('dialog', { name: t('retn.run.title', { name: policy }) });
  await expect(confirm).toContainText(
    t('retn.run.text', {
      namespace: name,
      deleted: t('retn.n.tag.other', { n: 2 }),
      repositories: t('retn.n.repository.one', { n: 1 }),
    }),
  );
  await confirm.getByRole('button', { name: t('retn.runs.now') }).click();
  await expect(confirm).toBeHidden();
  const real = runs
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: t('retn.runs.kind.real'), exact: true }) });
  // Followed live until it ends.
  await expect(real).toContainText(t('retn.status.Succeed'), { timeout: 30_000 });
  const realId = (await real.getByRole('cell').nth(1).innerText()).trim();
  const deleted = await policyTab.runTags(real, realId, 'app');
  await policyTab.expectTags(deleted, ['v1', 'v2']);
  await expect(deleted.getByRole('row').filter({ hasText: t('retn.status.Succeed') })).toHaveCount(
    2,
  );

  // The namespace's tags: the 2 newest remain; the what-if now deletes nothing.
  await expect(
    page.getByRole('status').filter({
      hasText: t('retn.whatif.nothing', { total: t('retn.n.tag.other', { n: 2 }) }),
    }),
  ).toBeVisible();
  const artifacts = await enterprise.artifactsOf('app');
  await expect(artifacts.getByRole('row')).toHaveCount(3);
  await expect(artifacts).toContainText('v3');
  await expect(artifacts).toContainText('v4');
  await expect(artifacts).not.toContainText('v1');
  await expect(artifacts).not.toContainText('v2');

  // Deleting the policy asks first, naming it; its tags stay.
  await policyTab.open();
  await page.getByRole('button', { name: t('retn.delete.label', { name: policy }) }).click();
  const remove = page.getByRole('dialog', { name: t('retn.delete.title', { name: policy }) });
  await expect(remove).toContainText(t('retn.delete.text', { name: policy, namespace: name }));
  await remove.getByRole('button', { name: t('common.delete') }).click();
  await expect(page.getByText(t('retn.none'))).toBeVisible(GONE);
});

test.describe('in Chinese, in the dark theme', () => {
  test.use({ language: 'zh-CN', colorScheme: 'dark' });

  test('when a namespace’s retention tab is opened, then it speaks Chinese, explains its what-if and is accessible', async ({
    page,
    t,
    signIn,
    enterprise,
    policyTab,
  }) => {
    test.setTimeout(120_000);
    await signIn.withAccessKey(sandboxUser('swr-demo'));
    await enterprise.open();
    await page.getByRole('link', { name: 'platform', exact: true }).click();
    await policyTab.open();
    await expect(page.getByText(t('retn.none'))).toBeVisible();
    // A rule typed: keep the latest one; the what-if explains a repository's tags.
    await policyTab.keepLatestPushed('保留最新', 1);
    const table = page.getByRole('table', { name: t('retn.whatif.table') });
    await expect(table).toBeVisible();
    await table
      .getByRole('button', { name: t('table.expand') })
      .first()
      .click();
    await expect(page.getByRole('columnheader', { name: t('retn.whatif.why') })).toBeVisible();
    await page.getByRole('radio', { name: t('retn.trigger.scheduled') }).click();
    await expect(page.getByText(t('retn.cron.next'))).toBeVisible();
    await expectAccessible(page, 'the retention tab, in Chinese and dark');
  });
});
