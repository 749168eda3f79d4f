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
  // Headless Chromium otherwise loads its own omnibox popup (a WebUI of a few hundred modules) for
  // every new page, in a renderer of its own: work that competes with the page under test.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One worker: two saved under a minute of twelve on two cores (the browser, the server and the
  // jobs already keep both busy) and doubled the load every test runs under.
  workers: 1,
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
