import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

/**
 * E2E: the real renderer against the real services through the devhost, in Debian's Chromium
 * (Playwright's own browser download is not reachable here). Electron specs run where the
 * Electron binary exists and report themselves skipped, with the reason, elsewhere.
 */

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['./tests/e2e/skipReasonReporter.ts']],
  use: {
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    locale: 'nb-NO',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'chromium', testIgnore: ['**/electron/**'] },
    { name: 'electron', testMatch: ['electron/**/*.spec.ts'] },
  ],
});
