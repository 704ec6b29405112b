import { expect, type Locator, type Page } from '@playwright/test';
import { GONE } from '../held.js';
import type { T } from '../i18n.js';
import { choose } from './pages.js';

/** Page objects of a repository's settings tabs, and of the Enterprise area. */

export class RetentionTab {
  constructor(
    readonly page: Page,
    readonly t: T,
  ) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: this.t('repo.tab.retention') }).click();
    await expect(this.page.getByRole('heading', { name: this.t('retention.title') })).toBeVisible();
  }

  /** Fills in "keep the `count` newest tags, never delete `exempt`". */
  async keepNewest(count: number, exempt: string[]): Promise<void> {
    await this.page.getByRole('radio', { name: this.t('retention.kind.newest') }).check();
    await this.page.getByLabel(this.t('retention.count.newest')).fill(String(count));
    const exemptions = this.page.getByLabel(this.t('retention.exemptTags'));
    for (const tag of exempt) {
      await exemptions.fill(tag);
      await exemptions.press('Enter');
    }
    await exemptions.press('Escape');
  }

  /** Every tag of the plan with what happens to it, in the order the plan lists them. */
  async plan(): Promise<{ delete: string[]; keep: string[] }> {
    // The view switch reads "All (7)": match it whatever the count.
    const [before, after] = this.t('retention.plan.show.all', { count: '\u0000' }).split('\u0000');
    const escape = (text = '') => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const all = this.page.getByRole('radio', {
      name: new RegExp(`^${escape(before)}\\d+${escape(after)}$`),
    });
    // antd draws the radio itself invisibly; a user clicks its label.
    await all.locator('xpath=..').click();
    await expect(all).toBeChecked();
    const rows = this.page
      .getByRole('region', { name: this.t('retention.plan.title') })
      .getByRole('table')
      .getByRole('row');
    const cells = await rows.evaluateAll((elements) =>
      elements.slice(1).map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)),
    );
    const of = (decision: string) =>
      cells.filter((row) => row[2] === decision).map((row) => row[0] ?? '');
    return {
      delete: of(this.t('retention.plan.delete')),
      keep: of(this.t('retention.plan.keep')),
    };
  }

  /** Saves after checking that the confirmation names exactly `deleted`. */
  async save(deleted: string[]): Promise<void> {
    await this.page.getByRole('button', { name: this.t('retention.save') }).click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog.getByRole('listitem')).toHaveText(deleted);
    await dialog
      .getByRole('button', { name: this.t('retention.confirm.ok', { count: deleted.length }) })
      .click();
    await expect(dialog).toBeHidden();
  }
}

export class SyncTab {
  constructor(
    readonly page: Page,
    readonly t: T,
  ) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: this.t('repo.tab.sync') }).click();
    await expect(this.page.getByRole('heading', { name: this.t('sync.title') })).toBeVisible();
  }

  private async target(dialog: Locator, region: string, namespace: string): Promise<void> {
    await choose(dialog.getByLabel(this.t('sync.target.region')), region);
    await choose(dialog.getByLabel(this.t('sync.target.namespace')), namespace);
  }

  /** Sets up automatic sync, copying the existing tags too. */
  async setUpAuto(region: string, namespace: string, existing: number): Promise<void> {
    await this.page.getByRole('button', { name: this.t('sync.auto.create') }).click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog.getByText(this.t('sync.auto.onlyNew'))).toBeVisible();
    await this.target(dialog, region, namespace);
    await expect(
      dialog.getByRole('checkbox', { name: this.t('sync.auto.backfill', { count: existing }) }),
    ).toBeChecked();
    await dialog.getByRole('button', { name: this.t('sync.auto.ok') }).click();
    await expect(dialog).toBeHidden();
    await expect(
      this.page
        .getByRole('region', { name: this.t('sync.auto.title.list') })
        .getByRole('row')
        .filter({ hasText: region })
        .filter({ hasText: namespace }),
    ).toBeVisible();
  }

  /** Opens a manual sync of `tags`, and answers the preview's outcome per tag. */
  async previewNow(tags: string[], region: string, namespace: string): Promise<Locator> {
    await this.page.getByRole('button', { name: this.t('sync.now.open') }).click();
    const dialog = this.page.getByRole('dialog');
    const picker = dialog.getByRole('combobox', { name: this.t('sync.now.tags') });
    for (const tag of tags) await choose(picker, tag);
    await picker.press('Escape');
    await this.target(dialog, region, namespace);
    await expect(dialog.getByRole('region', { name: this.t('sync.preview.title') })).toBeVisible();
    return dialog;
  }

  /** The newest job of a tag. */
  job(tag: string): Locator {
    return this.page
      .getByRole('region', { name: this.t('sync.jobs.title') })
      .getByRole('row')
      .filter({ has: this.page.getByText(tag, { exact: true }) })
      .first();
  }
}

export class SharingTab {
  constructor(
    readonly page: Page,
    readonly t: T,
  ) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: this.t('repo.tab.sharing') }).click();
    await expect(this.page.getByRole('heading', { name: this.t('sharing.title') })).toBeVisible();
  }

  row(account: string): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByText(account, { exact: true }) });
  }

  async share(account: string, description: string): Promise<void> {
    await this.page.getByRole('button', { name: this.t('sharing.create') }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel(this.t('sharing.account')).fill(account);
    await dialog.getByLabel(this.t('sharing.description')).fill(description);
    await dialog.getByRole('button', { name: this.t('sharing.create.ok') }).click();
    await expect(dialog).toBeHidden();
    await expect(this.row(account)).toContainText(this.t('sharing.forever'));
  }

  async stop(account: string, repository: string): Promise<void> {
    await this.page.getByRole('button', { name: this.t('sharing.delete', { account }) }).click();
    const dialog = this.page.getByRole('dialog', {
      name: this.t('sharing.delete.title', { account, repository }),
    });
    await dialog.getByRole('button', { name: this.t('sharing.delete.ok') }).click();
    // Held for undo first: the row says so in place of its actions, then goes.
    const countdown = this.t('deletion.mark', { seconds: 999 }).replace('999', '\\d+');
    await expect(this.row(account)).toContainText(new RegExp(countdown));
    await expect(this.row(account)).toHaveCount(0, GONE);
  }
}

export class TriggersTab {
  constructor(
    readonly page: Page,
    readonly t: T,
  ) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: this.t('repo.tab.triggers') }).click();
    await expect(this.page.getByRole('heading', { name: this.t('triggers.title') })).toBeVisible();
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByText(name, { exact: true }) });
  }
}

export class EnterprisePage {
  constructor(
    readonly page: Page,
    readonly t: T,
  ) {}

  async open(region = 'cn-north-4'): Promise<void> {
    await this.page.goto(`/${region}/enterprise`);
    await expect(this.page.getByRole('heading', { name: this.t('ent.title') })).toBeVisible();
    await expect(this.page.getByRole('combobox', { name: this.t('ent.instance') })).toBeVisible();
  }

  /** The instance's registry address, as the page shows it. */
  async registry(): Promise<string> {
    const text = this.page.getByText(this.t('ent.registry')).locator('..').locator('code');
    return (await text.innerText()).trim();
  }

  namespaceRow(name: string): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The instance's temporary docker login, from its dialog, as a user would copy it. */
  async temporaryLogin(): Promise<{ registry: string; username: string; password: string }> {
    const registry = await this.registry();
    await this.page.getByRole('button', { name: this.t('ent.login.open') }).click();
    const dialog = this.page.getByRole('dialog', { name: this.t('ent.login.title') });
    await dialog.getByRole('button', { name: this.t('ent.login.get') }).click();
    const docker = await dialog.getByText(/^docker login /).innerText();
    const [, username, password] = / -u (\S+) -p (\S+)/.exec(docker)!;
    await dialog
      .getByRole('button', { name: this.t('common.close'), exact: true })
      .last()
      .click();
    await expect(dialog).toBeHidden();
    return { registry, username: username!, password: password! };
  }

  /** The artifacts of a repository of the open namespace, its row expanded. */
  async artifactsOf(repository: string): Promise<Locator> {
    await this.page.getByRole('tab', { name: this.t('ent.tab.repositories') }).click();
    await this.page.getByRole('button', { name: this.t('ent.refresh') }).click();
    const row = this.page.getByRole('row').filter({ hasText: repository });
    await row.getByRole('button', { name: /expand row/i }).click();
    return this.page.getByRole('table', { name: this.t('ent.artifacts.of', { repository }) });
  }

  /** Creates a namespace, with tags given in the same dialog. */
  async createNamespace(name: string, tags: { key: string; value: string }[] = []): Promise<void> {
    await this.page.getByRole('button', { name: this.t('ent.ns.create') }).click();
    const dialog = this.page.getByRole('dialog', { name: this.t('ent.ns.create') });
    await dialog
      .getByRole('textbox', { name: new RegExp(`^(\\* )?${this.t('ent.ns.name')}$`) })
      .fill(name);
    for (const [index, tag] of tags.entries()) {
      await dialog.getByRole('button', { name: this.t('ent.tags.add') }).click();
      await dialog
        .getByRole('textbox', { name: this.t('ent.tags.key', { n: index + 1 }) })
        .fill(tag.key);
      await dialog
        .getByRole('textbox', { name: this.t('ent.tags.value', { n: index + 1 }) })
        .fill(tag.value);
    }
    await dialog.getByRole('button', { name: this.t('common.create') }).click();
    await expect(dialog).toBeHidden();
    await expect(this.namespaceRow(name)).toBeVisible();
  }
}
