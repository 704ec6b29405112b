import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium.js';

const port = Number(process.env.E2E_PORT ?? 8181);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 1,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    // A control that never appears should fail its step, not use up a long journey's budget.
    actionTimeout: 15_000,
    // antd then skips its open animations (the console honours the setting), so a click never
    // lands on a popover that is still growing into place.
    reducedMotion: 'reduce',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      // The same start script a newcomer runs, on its own port and data folder.
      command: 'node scripts/start.mjs',
      env: {
        PORT: String(port),
        DATA_DIR: '.data/e2e',
        SWR_LOCAL_PORT: '9300',
        SKIP_BUILD: '1',
        FRESH_DATA: '1',
        // Deletions are held this long for undo (10 s by default): the journeys wait it out.
        UNDO_WINDOW_SECONDS: '3',
      },
      url: `${baseURL}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
  ],
});
