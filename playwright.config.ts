import { defineConfig } from '@playwright/test';

/** Debian's Chromium; `npx playwright install` cannot download here. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two spec files at a time, each worker with its own server: most of a test is waiting on jobs and
  // timers, so one worker left a core idle.
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.PAI_CHROMIUM ?? '/usr/bin/chromium',
      args: chromiumFlags,
    },
    trace: 'off',
  },
});
