// Browser tests of the web UI (docs/ui.md): Debian's chromium (scripts/apt-packages.txt) driven by
// @playwright/test against a real `mesh serve` on the published demo mesh. global-setup.mjs
// publishes the demo, creates tokens and starts the server; global-teardown.mjs stops it.
import { defineConfig } from '@playwright/test';

export const PORT = Number(process.env.UI_PORT ?? 8766);

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1, // 2 cores; one browser at a time is plenty
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  globalSetup: './global-setup.mjs',
  globalTeardown: './global-teardown.mjs',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: 'only-on-failure',
    // axe-core is injected as a script tag; the UI's Content-Security-Policy would refuse it.
    bypassCSP: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
