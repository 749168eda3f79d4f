import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/** `npm run screenshots`: every page at three widths in both themes, into screenshots/ (git-ignored). */
export default defineConfig({
  ...base,
  testDir: 'e2e/screenshots',
  testMatch: '**/*.shots.ts',
  timeout: 600_000,
  // A person waits for a loaded machine too: pages may take longer than a test allows.
  expect: { timeout: 60_000 },
});
