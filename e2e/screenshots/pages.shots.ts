import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.ts';

const OUT = join(import.meta.dirname, '..', '..', 'screenshots');
const WIDTHS = [390, 900, 1440];
const THEMES = ['light', 'dark'] as const;
const USER = 'sam';

/** Waits for what a person would wait for: no spinner, no running animation, data in place. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect
    .poll(() =>
      page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length),
    )
    .toBe(0);
}

test.use({ signedInAs: USER });

test('screenshots of every page, at 390, 900 and 1440 px, light and dark', async ({
  browser,
  api,
  server,
  accounts,
}) => {
  mkdirSync(OUT, { recursive: true });
  const now = Date.now();
  api.importJobs([
    {
      name: 'imagenet-resnet50',
      username: USER,
      state: 'SUCCEEDED',
      createdTime: now - 86_400_000,
      completedTime: now - 80_000_000,
    },
    {
      name: 'bert-seq-512',
      username: USER,
      state: 'FAILED',
      createdTime: now - 7_200_000,
      completedTime: now - 3_600_000,
    },
    {
      name: 'old-legacy-job',
      username: 'admin',
      state: 'STOPPED',
      legacy: true,
      createdTime: now - 172_800_000,
      completedTime: now - 170_000_000,
    },
  ]);
  // After the import: its CLI blocks this process, and a kept-alive socket may close meanwhile.
  await api.ensureUser(USER);
  const token = (await api.login(USER, `${USER}-password`)).token;
  await api.submitJob(token, USER, { jobName: 'hello-running', command: 'echo hello; sleep 600' });
  await expect
    .poll(async () => (await api.findJob(token, USER, 'hello-running'))?.state)
    .toBe('RUNNING');

  const pages: [string, string][] = [
    ['dashboard', '/'],
    ['jobs', '/jobs'],
    ['jobs-filtered', '/jobs?state=Failed,Succeeded&user=sam'],
    ['job-running', `/jobs/${USER}/hello-running`],
    ['job-failed', `/jobs/${USER}/bert-seq-512`],
    ['submit', '/submit'],
    ['not-found', '/no-such-page'],
  ];
  const storageState = await accounts.storageState(USER);
  try {
    for (const theme of THEMES) {
      for (const width of WIDTHS) {
        const viewport = { width, height: 900 };
        // Signed out: the test's options would otherwise give this context the signed-in storage.
        const anonymous = await browser.newContext({
          baseURL: server.baseURL,
          viewport,
          colorScheme: theme,
          storageState: { cookies: [], origins: [] },
        });
        const login = await anonymous.newPage();
        await login.goto('/login');
        await expect(login.getByRole('button', { name: 'Sign in' })).toBeVisible();
        await login.screenshot({ path: join(OUT, `login-${width}-${theme}.png`), fullPage: true });
        await anonymous.close();

        const context = await browser.newContext({
          baseURL: server.baseURL,
          viewport,
          colorScheme: theme,
          storageState,
        });
        const page = await context.newPage();
        for (const [name, path] of pages) {
          await page.goto(path);
          await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
          await settle(page);
          await page.screenshot({
            path: join(OUT, `${name}-${width}-${theme}.png`),
            fullPage: true,
          });
        }
        await context.close();
      }
    }
  } finally {
    await api.stopJob(token, USER, 'hello-running');
  }
});
