import { defineConfig } from '@playwright/test';

// The built extension is loaded into Debian's Chromium (Playwright's own
// browser download is unavailable offline); see tests/e2e/fixtures.ts.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'off' },
});
