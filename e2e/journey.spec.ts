import { expectAccessible } from './a11y.js';
import { expect, test } from './fixtures.js';
import { GONE } from './held.js';
import { pushImage, sandboxUser } from './sandbox.js';

// The journey of the issue, once per language: an administrator sets up an organization and a
// repository, pushes with skopeo, works with tags and grants a reader; the reader can look but
// not delete.
for (const language of ['en-US', 'zh-CN'] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ language });

    test('when an administrator and a reader use the console, then each sees and may do what SWR allows', async ({
      page,
      t,
      signIn,
      shell,
      namespaces,
      repositories,
      tags,
      permissionsPanel,
      loginCommand,
    }) => {
      // A long journey with pushes and two users; each step still has the usual expect timeout.
      test.setTimeout(180_000);
      const admin = sandboxUser('swr-demo');
      const reader = sandboxUser('dev-reader');
      const org = `e2e-${language.toLowerCase()}`;

      await signIn.withAccessKey(admin);
      await expect(
        page.getByRole('heading', { name: t('namespaces.title'), level: 2 }),
      ).toBeVisible();
      await expectAccessible(page, 'organizations');

      await namespaces.create(org);

      await shell.go('repositories');
      await expectAccessible(page, 'repositories');
      await repositories.create(org, 'app');

      await shell.go('loginCommand');
      await expect(page.getByRole('heading', { name: t('loginCommand.title') })).toBeVisible();
      const login = await loginCommand.temporary();
      await expectAccessible(page, 'login command');
      await pushImage(login, `${org}/app:v1`, `journey ${language}`);

      await shell.go('repositories');
      await repositories.open(org, 'app');
      const v1 = tags.row('v1');
      await expect(v1).toBeVisible();
      await expect(v1).toContainText(/sha256:[0-9a-f]{12}/);
      expect(await tags.pullCommand('v1')).toBe(`docker pull ${login.registry}/${org}/app:v1`);
      await expectAccessible(page, 'repository tags');

      await tags.retag('v1', 'v2');
      await tags.delete(['v2']);
      await page.keyboard.press('Escape');
      await expect(tags.row('v2')).toHaveCount(0, GONE);
      await expect(tags.row('v1')).toBeVisible();

      await shell.go('namespaces');
      await namespaces.open(org);
      await permissionsPanel.grant(reader.name, 'read');
      await expectAccessible(page, 'organization permissions');
      await shell.signOut(admin.name);

      await signIn.withPassword(reader);
      await expect(namespaces.row(org)).toBeVisible();
      await shell.go('repositories');
      await repositories.open(org, 'app');
      await expect(tags.row('v1')).toBeVisible();
      // Read only: no selecting tags to delete, no retagging.
      await expect(
        page.getByRole('checkbox', { name: t('tags.select', { tag: 'v1' }) }),
      ).toHaveCount(0);
      await expect(page.getByRole('button', { name: t('tags.retag', { tag: 'v1' }) })).toHaveCount(
        0,
      );
      await shell.signOut(reader.name);

      // Clean up through the console too: the repository (naming it), then the organization.
      await signIn.withAccessKey(admin);
      await shell.go('repositories');
      await repositories.delete(org, 'app');
      await shell.go('namespaces');
      await namespaces.delete(org);
    });
  });
}
