import { expect, type Locator, type Page } from '@playwright/test';
import { GONE } from '../held.js';
import type { T } from '../i18n.js';

/** Page objects of the console, each finding controls by role and by the words users read. */

/**
 * Picks an option of a select by the words it shows: the console's own select (its list is
 * `.console-select-list`, the element its combobox controls) or antd's (still in dialogs' forms).
 * antd's options that users see are not the ones exposed as role=option (antd keeps a separate,
 * hidden list for screen readers), so this finds the visible item in the popup the combobox
 * controls, by its title.
 */
export async function choose(combobox: Locator, label: string): Promise<void> {
  await combobox.click();
  const list = await combobox.getAttribute('aria-controls');
  if (!list) throw new Error('the select does not name its option list');
  const page = combobox.page();
  const popup = page
    .locator(`.console-select-list[id="${list}"]`)
    .or(page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${list}"]`) }));
  await popup.getByTitle(label, { exact: true }).click();
}

export class SignInPage {
  constructor(
    readonly page: Page,
    readonly t: T,
  ) {}

  async withAccessKey(user: { access_key: string; secret_key: string }): Promise<void> {
    await this.page.goto('/sign-in');
    await this.page.getByLabel(this.t('signIn.accessKey')).fill(user.access_key);
    await this.page.getByLabel(this.t('signIn.secretKey')).fill(user.secret_key);
    await this.page.getByRole('button', { name: this.t('signIn.submit'), exact: true }).click();
    await expect(this.page).toHaveURL(/\/cn-north-4\/namespaces/);
  }

  async withPassword(user: { account: string; name: string; password: string }): Promise<void> {
    await this.page.goto('/sign-in');
    await this.page.getByRole('tab', { name: this.t('signIn.tab.password') }).click();
    await this.page.getByLabel(this.t('signIn.accountName')).fill(user.account);
    await this.page.getByLabel(this.t('signIn.userName')).fill(user.name);
    await this.page.getByLabel(this.t('signIn.password')).fill(user.password);
    await this.page.getByRole('button', { name: this.t('signIn.submit'), exact: true }).click();
    await expect(this.page).toHaveURL(/\/cn-north-4\/namespaces/);
  }
}

export class Shell {
  constructor(
    readonly page: Page,
    readonly t: T,
  ) {}

  async go(
    section: 'overview' | 'namespaces' | 'repositories' | 'loginCommand' | 'sharedWithMe',
  ): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('link', { name: this.t(`shell.nav.${section}`) })
      .click();
  }

  async signOut(userName: string): Promise<void> {
    await this.page
      .getByRole('button', { name: this.t('shell.account') })
      .filter({ hasText: userName })
      .click();
    await this.page.getByRole('button', { name: this.t('shell.account.signOut') }).click();
    await expect(this.page).toHaveURL(/\/sign-in/);
  }
}

export class NamespacesPage {
  constructor(
    readonly page: Page,
    readonly t: T,
  ) {}

  row(name: string): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async create(name: string): Promise<void> {
    await this.page.getByRole('button', { name: this.t('namespaces.create') }).click();
    const dialog = this.page.getByRole('dialog', { name: this.t('namespaces.create.title') });
    await dialog.getByLabel(this.t('namespaces.name')).fill(name);
    await dialog.getByRole('button', { name: this.t('common.create') }).click();
    await expect(this.row(name)).toBeVisible();
  }

  async open(name: string): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).click();
    await expect(
      this.page.getByRole('heading', { name: this.t('namespace.title', { name }) }),
    ).toBeVisible();
  }

  async delete(name: string): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: this.t('namespaces.delete', { name }) })
      .click();
    const dialog = this.page.getByRole('dialog', {
      name: this.t('namespaces.delete.title', { name }),
    });
    await expect(dialog).toContainText(name);
    await dialog.getByRole('button', { name: this.t('common.delete') }).click();
    await expect(this.row(name)).toHaveCount(0, GONE);
  }
}

/**
 * A new organization holding one empty repository, made through the console as a user would, and
 * opened: where a test pushes and watches.
 */
export async function openNewRepository(
  pages: { namespaces: NamespacesPage; shell: Shell; repositories: RepositoriesPage },
  namespace: string,
  name: string,
): Promise<void> {
  await pages.namespaces.create(namespace);
  await pages.shell.go('repositories');
  await pages.repositories.create(namespace, name);
  await pages.repositories.open(namespace, name);
}

export class RepositoriesPage {
  constructor(
    readonly page: Page,
    readonly t: T,
  ) {}

  async create(namespace: string, name: string): Promise<void> {
    await this.page.getByRole('button', { name: this.t('repos.create') }).click();
    const dialog = this.page.getByRole('dialog', { name: this.t('repos.create.title') });
    await choose(dialog.getByLabel(this.t('repos.namespace')), namespace);
    await dialog.getByLabel(this.t('repos.name')).fill(name);
    await dialog.getByRole('button', { name: this.t('common.create') }).click();
    await expect(
      this.page.getByRole('link', { name: `${namespace}/${name}`, exact: true }),
    ).toBeVisible();
  }

  async open(namespace: string, name: string): Promise<void> {
    await this.page.getByRole('link', { name: `${namespace}/${name}`, exact: true }).click();
    await expect(
      this.page.getByRole('heading', { name: `${namespace}/${name}`, exact: true }),
    ).toBeVisible();
  }

  async delete(namespace: string, name: string): Promise<void> {
    const full = `${namespace}/${name}`;
    await this.page
      .getByRole('button', { name: this.t('repos.delete', { name: full }) })
      .first()
      .click();
    const dialog = this.page.getByRole('dialog', {
      name: this.t('repos.delete.title', { name: full }),
    });
    await dialog.getByLabel(this.t('repos.delete.type', { name: full })).fill(full);
    await dialog.getByRole('button', { name: this.t('common.delete') }).click();
    await expect(dialog).toBeHidden();
    // Held for undo, then sent: gone from the list once SWR has deleted it.
    await expect(
      this.page.getByRole('link', { name: `${namespace}/${name}`, exact: true }),
    ).toHaveCount(0, GONE);
  }
}

export class TagsPanel {
  constructor(
    readonly page: Page,
    readonly t: T,
  ) {}

  row(tag: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByText(tag, { exact: true }) });
  }

  async pullCommand(tag: string): Promise<string> {
    await this.row(tag)
      .getByRole('button', { name: this.t('tags.pull', { tag }) })
      .click();
    const dialog = this.page.getByRole('dialog');
    const docker = dialog.getByText(/^docker pull /).first();
    const command = (await docker.textContent()) ?? '';
    await dialog
      .getByRole('button', { name: this.t('common.close') })
      .first()
      .click();
    return command;
  }

  async retag(source: string, destination: string): Promise<void> {
    await this.row(source)
      .getByRole('button', { name: this.t('tags.retag', { tag: source }) })
      .click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel(this.t('tags.retag.destination')).fill(destination);
    await dialog.getByRole('button', { name: this.t('tags.retag.ok') }).click();
    await expect(this.row(destination)).toBeVisible();
  }

  async delete(tags: string[]): Promise<void> {
    for (const tag of tags)
      await this.page.getByRole('checkbox', { name: this.t('tags.select', { tag }) }).check();
    await this.page
      .getByRole('button', { name: this.t('tags.deleteSelected', { count: tags.length }) })
      .click();
    const dialog = this.page.getByRole('dialog');
    for (const tag of tags)
      await expect(dialog.getByText(tag, { exact: true }).first()).toBeVisible();
    await dialog
      .getByRole('button', { name: this.t('tags.delete.ok', { count: tags.length }) })
      .click();
    // The console's deletions are held for undo: the report says they go in a few seconds.
    await expect(
      dialog.getByText(
        this.t('tags.delete.summary.held', { held: tags.length, count: tags.length }),
      ),
    ).toBeVisible();
  }
}

export class PermissionsPanel {
  constructor(
    readonly page: Page,
    readonly t: T,
  ) {}

  async grant(userName: string, level: 'read' | 'edit' | 'manage'): Promise<void> {
    await this.page.getByRole('button', { name: this.t('permissions.grant') }).click();
    const dialog = this.page.getByRole('dialog');
    await choose(dialog.getByLabel(this.t('permissions.grant.users')), userName);
    const labels = {
      read: 'permissions.level.1',
      edit: 'permissions.level.3',
      manage: 'permissions.level.7',
    } as const;
    await dialog.getByRole('radio', { name: this.t(labels[level]) }).check();
    await dialog.getByRole('button', { name: this.t('permissions.grant.submit') }).click();
    await expect(this.page.getByRole('row').filter({ hasText: userName })).toBeVisible();
  }
}

export class LoginCommandPage {
  constructor(
    readonly page: Page,
    readonly t: T,
  ) {}

  /** Asks for a temporary login and reads what the page shows, as a user would to run it. */
  async temporary(): Promise<{ registry: string; username: string; password: string }> {
    await this.page.getByRole('button', { name: this.t('loginCommand.get') }).click();
    await this.page
      .getByRole('switch', { name: this.t('loginCommand.password.show') })
      .or(this.page.getByRole('button', { name: this.t('loginCommand.password.show') }))
      .first()
      .click();
    const command =
      (await this.page
        .getByText(/^docker login -u /)
        .first()
        .textContent()) ?? '';
    const [, username, password, registry] =
      /docker login -u (\S+) -p (\S+) (\S+)/.exec(command) ?? [];
    if (!username || !password || !registry) throw new Error(`no login command shown: ${command}`);
    return { registry, username, password };
  }
}
