import { expect, type Locator, type Page } from '@playwright/test';
import type { T } from '../i18n.js';

/** The retention tab of an Enterprise namespace: its policy form, what-if and runs. */
export class EnterpriseRetentionTab {
  constructor(
    readonly page: Page,
    readonly t: T,
  ) {}

  /**
   * Expects a table to list exactly these tags (each a cell of its own), no other row but the
   * header.
   */
  async expectTags(table: Locator, tags: string[]): Promise<void> {
    await expect(table.getByRole('row')).toHaveCount(tags.length + 1);
    for (const tag of tags)
      await expect(table.getByRole('cell', { name: tag, exact: true })).toBeVisible();
  }

  /** Opens the tab of the namespace on screen and waits for its what-if to be computed. */
  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: this.t('retn.tab') }).click();
    await expect(
      this.page.getByRole('heading', { name: this.t('retn.whatif.title') }),
    ).toBeVisible();
    await expect(this.page.getByText(this.t('retn.whatif.loading'))).toBeHidden();
  }

  rule(n: number): Locator {
    return this.page.getByRole('group', { name: this.t('retn.rule', { n }), exact: true });
  }

  /** Types a policy of one rule: keep the `count` most recently pushed tags of every repository. */
  async keepLatestPushed(name: string, count: number): Promise<void> {
    await this.page.getByRole('textbox', { name: this.t('retn.name'), exact: true }).fill(name);
    await this.rule(1)
      .getByRole('textbox', { name: this.t('retn.count.tags') })
      .fill(String(count));
  }

  /** The what-if's tags of a repository, its row expanded, showing `show` (deleted first). */
  async whatIfTags(repository: string): Promise<Locator> {
    const repositories = this.page.getByRole('table', { name: this.t('retn.whatif.table') });
    const row = repositories.getByRole('row').filter({ hasText: repository });
    await row.getByRole('button', { name: this.t('table.expand') }).click();
    return this.page.getByRole('table', { name: this.t('retn.whatif.tagsOf', { repository }) });
  }

  runs(policy: string): Locator {
    return this.page.getByRole('table', { name: this.t('retn.runs.table', { name: policy }) });
  }

  /**
   * The tags a run lists for a repository (deleted, or in a dry run to be deleted). A run started
   * from the console is open already: its repositories show, and the repository is opened.
   */
  async runTags(run: Locator, id: string, repository: string): Promise<Locator> {
    await expect(run.getByRole('button', { name: this.t('table.collapse') })).toBeVisible();
    const tasks = this.page.getByRole('table', { name: this.t('retn.tasks.of', { id }) });
    await tasks
      .getByRole('row')
      .filter({ hasText: repository })
      .getByRole('button', { name: this.t('table.expand') })
      .click();
    return this.page.getByRole('table', {
      name: this.t('retn.subtasks.of', { repository, id }),
    });
  }
}
