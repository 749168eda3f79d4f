import { startServer, type RunningServer } from '../testing/server.ts';
import type { Page } from '@playwright/test';
import { expect, test as portalTest } from './fixtures/test.ts';

/** Opens the submit page; its editor is not needed, only the page (a lazy route). */
async function openSubmitPage(page: Page): Promise<void> {
  await page.goto('/submit');
  await page.getByRole('heading', { name: 'Submit a job' }).waitFor();
}

/** The portal's fixtures with the worker's server started with `env`. */
const withServer = (env: Record<string, string>) =>
  portalTest.extend<object, { server: RunningServer }>({
    server: [
      // eslint-disable-next-line no-empty-pattern
      async ({}, use) => {
        const server = await startServer(env);
        await use(server);
        await server.stop();
      },
      { scope: 'worker' },
    ],
  });

const unisolated = withServer({ PAI_TASK_ISOLATION: 'none' });
/** A machine without bubblewrap (README "Task isolation"): `auto` runs admins' jobs only. */
const adminsOnly = withServer({ PAI_TASK_ISOLATION: 'auto', PAI_BWRAP: '/nonexistent/bwrap' });

unisolated.describe('PAI_TASK_ISOLATION=none', () => {
  unisolated.use({ signedInAs: 'alice' });

  unisolated(
    'the dashboard and the submit page say that jobs are not isolated',
    async ({ page }) => {
      const notice = page.getByText('Jobs on this server are not isolated.');
      await page.goto('/');
      await expect(page.getByRole('heading', { name: 'Welcome, alice' })).toBeVisible();
      await expect(notice).toBeVisible();
      await expect(page.getByText(/PAI_TASK_ISOLATION=none/)).toBeVisible();
      await openSubmitPage(page);
      await expect(notice).toBeVisible();
    },
  );
});

adminsOnly.describe('PAI_TASK_ISOLATION=auto without bubblewrap', () => {
  adminsOnly.use({ signedInAs: 'alice' });

  adminsOnly('a user is told that only administrators can run jobs, and why', async ({ page }) => {
    await openSubmitPage(page);
    await expect(
      page.getByText('This server cannot isolate jobs, so only administrators can run jobs.'),
    ).toBeVisible();
    await expect(page.getByText(/apt-get install bubblewrap util-linux/)).toBeVisible();
    await page.goto('/');
    await expect(page.getByText(/Ask an administrator to fix this/)).toBeVisible();
  });
});
