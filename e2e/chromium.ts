import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium with the flags it needs on a server: Playwright never downloads a browser of
 * its own here. The e2e suite and the page-load benchmark both launch it this way.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
