import { defineConfig } from '@playwright/test';

// The built extension is loaded into Debian's Chromium (Playwright's own
// browser download is unavailable offline); see tests/e2e/fixtures.ts.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  // One retry on CI, where timing-sensitive checks (long tasks, worker stops) share 2 cores with other tests.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: { trace: 'off' },
  projects: [
    { name: 'e2e', testIgnore: /import-load\.spec\.ts/ },
    // Long-task measurements run last and alone, so that no other browser competes for the 2 cores.
    { name: 'load', testMatch: /import-load\.spec\.ts/, dependencies: ['e2e'] },
  ],
});
