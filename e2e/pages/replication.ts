import { expect, type Locator, type Page } from '@playwright/test';
import type { T } from '../i18n.js';
import { choose } from './pages.js';

export interface PolicyFields {
  name: string;
  registry: string;
  destNamespace?: string;
  nameFilter?: string;
  tagFilter?: string;
}

/** The replication page of an Enterprise instance: registries, policies and runs. */
export class ReplicationPage {
  constructor(
    readonly page: Page,
    readonly t: T,
  ) {}

  /** From the instance's page, by its link. */
  async openFromInstance(): Promise<void> {
    await this.page.getByRole('link', { name: this.t('repl.open') }).click();
    await expect(this.page.getByRole('heading', { name: this.t('repl.title') })).toBeVisible();
  }

  async openTab(tab: 'registries' | 'policies' | 'runs'): Promise<void> {
    const control = this.page.getByRole('tab', { name: this.t(`repl.tab.${tab}`) });
    await control.click();
    await expect(control).toHaveAttribute('aria-selected', 'true');
  }

  get registries(): Locator {
    return this.page.getByRole('table', { name: this.t('repl.registries.title') });
  }

  registryRow(name: string): Locator {
    return this.registries
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  /** Adds a registry reached without a login. */
  async addRegistry(name: string, url: string): Promise<void> {
    await this.page.getByRole('button', { name: this.t('repl.registry.add') }).click();
    const dialog = this.page.getByRole('dialog', { name: this.t('repl.registry.add') });
    await dialog
      .getByRole('textbox', { name: this.t('repl.registry.name'), exact: true })
      .fill(name);
    await dialog.getByRole('textbox', { name: this.t('repl.registry.url'), exact: true }).fill(url);
    await dialog.getByRole('button', { name: this.t('common.save') }).click();
    await expect(dialog).toBeHidden();
    await expect(this.registryRow(name)).toBeVisible();
  }

  get policies(): Locator {
    return this.page.getByRole('table', { name: this.t('repl.policies.title') });
  }

  policyRow(name: string): Locator {
    return this.policies
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  /** Opens the create dialog and fills it in (a push policy by hand); answers the dialog. */
  async fillNewPolicy(fields: PolicyFields): Promise<Locator> {
    await this.page.getByRole('button', { name: this.t('repl.policy.create') }).click();
    const dialog = this.page.getByRole('dialog', { name: this.t('repl.policy.create') });
    await dialog
      .getByRole('textbox', { name: this.t('repl.policy.name'), exact: true })
      .fill(fields.name);
    const registry = dialog.getByRole('combobox', { name: this.t('repl.policy.registry') });
    await choose(registry, fields.registry);
    const fill = async (label: string, value: string | undefined) => {
      if (value !== undefined)
        await dialog.getByRole('textbox', { name: label, exact: true }).fill(value);
    };
    await fill(this.t('repl.policy.destNamespace'), fields.destNamespace);
    await fill(this.t('repl.policy.nameFilter'), fields.nameFilter);
    await fill(this.t('repl.policy.tagFilter'), fields.tagFilter);
    return dialog;
  }

  /** Runs a policy now from its row; answers the run's id, as its row's last run names it. */
  async runNow(name: string): Promise<number> {
    const row = this.policyRow(name);
    await row.getByRole('button', { name: this.t('repl.run.of', { name }) }).click();
    const [before, after] = this.t('repl.lastRun.link', { id: '§' }).split('§');
    const link = row.getByRole('link', { name: new RegExp(`^${before}\\d+${after}$`) });
    await expect(link).toBeVisible();
    const text = await link.innerText();
    return Number(text.slice(before!.length, text.length - after!.length));
  }

  get runs(): Locator {
    return this.page.getByRole('table', { name: this.t('repl.runs.title') });
  }

  runRow(id: number): Locator {
    return this.runs.getByRole('row').filter({
      has: this.page.getByRole('cell', { name: this.t('repl.runs.number', { id }), exact: true }),
    });
  }

  /** Opens a run's row: the table of its repositories. */
  async openRun(id: number): Promise<Locator> {
    await this.runRow(id)
      .getByRole('button', { name: this.t('table.expand') })
      .click();
    const tasks = this.page.getByRole('table', {
      name: this.t('repl.runs.repositoriesOf', { id }),
    });
    await expect(tasks).toBeVisible();
    return tasks;
  }

  /** The tags of one repository of an opened run, the repository's row opened. */
  async tagsOf(tasks: Locator, id: number, repository: string): Promise<Locator> {
    await tasks
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: repository, exact: true }) })
      .getByRole('button', { name: this.t('table.expand') })
      .click();
    return this.page.getByRole('table', {
      name: this.t('repl.runs.tagsOf', { repository, id }),
    });
  }
}
