import { expect, test as base } from '@playwright/test';
import type { Locale } from '@swr-console/web/testing';
import { translator, type T } from './i18n.js';
import {
  LoginCommandPage,
  NamespacesPage,
  PermissionsPanel,
  RepositoriesPage,
  Shell,
  SignInPage,
  TagsPanel,
} from './pages/pages.js';
import {
  EnterprisePage,
  RetentionTab,
  SharingTab,
  SyncTab,
  TriggersTab,
} from './pages/repository-tabs.js';

interface Console {
  language: Locale;
  /**
   * Whether an error in the browser's console fails the test. Ordinary paths must leave none; a
   * test that goes through an error on purpose (a refused sign-in, a server that is down) says
   * `test.use({ consoleErrors: 'allowed' })`.
   */
  consoleErrors: 'fail' | 'allowed';
  t: T;
  signIn: SignInPage;
  shell: Shell;
  namespaces: NamespacesPage;
  repositories: RepositoriesPage;
  tags: TagsPanel;
  permissionsPanel: PermissionsPanel;
  loginCommand: LoginCommandPage;
  retention: RetentionTab;
  sync: SyncTab;
  sharing: SharingTab;
  triggers: TriggersTab;
  enterprise: EnterprisePage;
}

/** Page objects as fixtures, in the test's language (set before the console loads). */
export const test = base.extend<Console>({
  language: ['en-US', { option: true }],
  t: async ({ language }, use) => use(translator(language)),
  consoleErrors: ['fail', { option: true }],
  page: async ({ page, language, consoleErrors }, use) => {
    await page.addInitScript(
      (chosen) => localStorage.setItem('swr-console.locale', chosen),
      language,
    );
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error')
        errors.push(`${message.text()} (${message.location().url || page.url()})`);
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    await use(page);
    if (consoleErrors === 'fail')
      expect(errors, 'errors in the browser console on an ordinary path').toEqual([]);
  },
  signIn: async ({ page, t }, use) => use(new SignInPage(page, t)),
  shell: async ({ page, t }, use) => use(new Shell(page, t)),
  namespaces: async ({ page, t }, use) => use(new NamespacesPage(page, t)),
  repositories: async ({ page, t }, use) => use(new RepositoriesPage(page, t)),
  tags: async ({ page, t }, use) => use(new TagsPanel(page, t)),
  permissionsPanel: async ({ page, t }, use) => use(new PermissionsPanel(page, t)),
  loginCommand: async ({ page, t }, use) => use(new LoginCommandPage(page, t)),
  retention: async ({ page, t }, use) => use(new RetentionTab(page, t)),
  sync: async ({ page, t }, use) => use(new SyncTab(page, t)),
  sharing: async ({ page, t }, use) => use(new SharingTab(page, t)),
  triggers: async ({ page, t }, use) => use(new TriggersTab(page, t)),
  enterprise: async ({ page, t }, use) => use(new EnterprisePage(page, t)),
});

export { expect };
