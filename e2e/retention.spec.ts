import { expectAccessible } from './a11y.js';
import { expect, test } from './fixtures.js';
import { imageExists, pushImage, sandboxUser } from './sandbox.js';

test('when a retention rule is set up, then the console names what goes before saving, and after saving the history and the registry agree', async ({
  page,
  t,
  signIn,
  shell,
  repositories,
  loginCommand,
  retention,
}) => {
  test.setTimeout(180_000);
  const admin = sandboxUser('swr-demo');
  // The demo's empty organization: the account's namespace quota is used by the other journeys.
  const org = 'data-lab';
  await signIn.withAccessKey(admin);
  await shell.go('repositories');
  await repositories.create(org, 'retained');

  await shell.go('loginCommand');
  const login = await loginCommand.temporary();
  // Six tags, each pushed after the one before, so "newest" has one answer.
  for (const tag of ['v1', 'v2', 'v3', 'v4', 'v5', 'latest'])
    await pushImage(login, `${org}/retained:${tag}`, `retention ${tag}`);

  await shell.go('repositories');
  await repositories.open(org, 'retained');
  await retention.open();
  await expect(page.getByText(t('retention.none'))).toBeVisible();
  await retention.keepNewest(3, ['latest']);
  // latest is exempt; of v1–v5 the three newest stay.
  expect(await retention.plan()).toEqual({
    delete: ['v1', 'v2'],
    keep: ['latest', 'v3', 'v4', 'v5'],
  });
  await expectAccessible(page, 'the retention tab with a plan');

  await retention.save(['v1', 'v2']);
  await expect(page.getByText(t('retention.ran', { count: 2 }))).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: t('retention.plan.nothing', { total: 4 }) }),
  ).toBeVisible();
  const run = page.getByRole('row').filter({ hasText: t('retention.history.count', { count: 2 }) });
  await expect(run).toContainText('v1');
  await expect(run).toContainText('v2');
  await expectAccessible(page, 'the retention tab with its history');

  expect(await imageExists(login, `${org}/retained:v1`)).toBe(false);
  expect(await imageExists(login, `${org}/retained:v2`)).toBe(false);
  expect(await imageExists(login, `${org}/retained:v3`)).toBe(true);
  expect(await imageExists(login, `${org}/retained:latest`)).toBe(true);
});
