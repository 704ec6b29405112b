import { expect, type Locator, type Page } from '@playwright/test';
import type { T } from '../i18n.js';

/** What the one-time dialog shows of a new credential, as a user would copy it. */
export interface CreatedCredential {
  username: string;
  password: string;
  registry: string;
}

/** The long-term credentials page of an Enterprise instance. */
export class CredentialsPage {
  constructor(
    readonly page: Page,
    readonly t: T,
  ) {}

  /** From the instance's page, by its link. */
  async openFromInstance(): Promise<void> {
    await this.page.getByRole('link', { name: this.t('cred.open') }).click();
    await expect(this.page.getByRole('heading', { name: this.t('cred.title') })).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: this.t('cred.title') });
  }

  row(name: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  async refresh(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('common.refresh') }).click();
  }

  /**
   * Creates a credential and reads its secret from the one-time dialog (its docker login
   * command), then closes the dialog.
   */
  async create(name: string): Promise<CreatedCredential> {
    await this.page.getByRole('button', { name: this.t('cred.create') }).click();
    const form = this.page.getByRole('dialog', { name: this.t('cred.create.title') });
    await form.getByRole('textbox', { name: this.t('cred.name') }).fill(name);
    await form.getByRole('button', { name: this.t('common.create') }).click();
    const shown = this.page.getByRole('dialog', { name: this.t('cred.secret.title', { name }) });
    await expect(shown).toContainText(this.t('cred.secret.once'));
    const docker = await shown.getByText(/^docker login /).innerText();
    const [, username, password, registry] = /^docker login -u (\S+) -p (\S+) (\S+)$/.exec(
      docker.trim(),
    )!;
    await expect(shown.getByText(password!, { exact: true })).toBeVisible();
    await shown
      .getByRole('button', { name: this.t('common.close'), exact: true })
      .last()
      .click();
    await expect(shown).toBeHidden();
    return { username: username!, password: password!, registry: registry! };
  }

  /** Opens the disable confirmation of a credential; answers the dialog, not yet confirmed. */
  async askToDisable(name: string): Promise<Locator> {
    await this.row(name)
      .getByRole('button', { name: this.t('cred.disableOf', { name }) })
      .click();
    const dialog = this.page.getByRole('dialog', { name: this.t('cred.disable.title', { name }) });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async askToDelete(name: string): Promise<Locator> {
    await this.row(name)
      .getByRole('button', { name: this.t('cred.deleteOf', { name }) })
      .click();
    const dialog = this.page.getByRole('dialog', { name: this.t('cred.delete.title', { name }) });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
