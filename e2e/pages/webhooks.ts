import { expect, type Locator, type Page } from '@playwright/test';
import type { T } from '../i18n.js';

/** The webhooks tab of an Enterprise namespace: its list, its dialog, and the delivery history. */
export class WebhooksTab {
  constructor(
    readonly page: Page,
    readonly t: T,
  ) {}

  /** Opens the tab of the namespace on screen. */
  async open(namespace: string): Promise<void> {
    await this.page.getByRole('tab', { name: this.t('wh.tab') }).click();
    await expect(this.list(namespace)).toBeVisible();
  }

  list(namespace: string): Locator {
    return this.page.getByRole('table', { name: this.t('wh.list.title', { namespace }) });
  }

  row(namespace: string, name: string): Locator {
    return this.list(namespace).getByRole('row').filter({ hasText: name });
  }

  /** The create dialog, opened. */
  async create(): Promise<Locator> {
    await this.page.getByRole('button', { name: this.t('wh.create') }).click();
    const dialog = this.page.getByRole('dialog', { name: this.t('wh.create') });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** The edit dialog of a webhook, opened. */
  async edit(namespace: string, name: string): Promise<Locator> {
    await this.row(namespace, name)
      .getByRole('button', { name: this.t('wh.edit', { name }) })
      .click();
    const dialog = this.page.getByRole('dialog', { name: this.t('wh.edit', { name }) });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** A field of target `n` (1-based) of the dialog, by its label. */
  targetField(dialog: Locator, n: number, label: string): Locator {
    return dialog
      .getByRole('group', { name: this.t('wh.target.legend', { n }) })
      .getByRole('textbox', { name: label, exact: true });
  }

  /** Target `n`'s test result, as the dialog announces it. */
  testResult(dialog: Locator, n: number): Locator {
    return dialog.getByRole('status', {
      name: this.t('wh.test.result', { target: this.t('wh.target.legend', { n }) }),
    });
  }

  /** Opens a webhook's delivery history, the table it shows. */
  async deliveries(namespace: string, name: string): Promise<Locator> {
    await this.row(namespace, name)
      .getByRole('button', { name: this.t('wh.history.of', { name }) })
      .click();
    const table = this.page.getByRole('table', { name: this.t('wh.history.title', { name }) });
    await expect(table).toBeVisible();
    return table;
  }
}
