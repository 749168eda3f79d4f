import type { Page, Request } from '@playwright/test';
import { expect } from './fixtures/test.ts';
import { seriousViolations } from './pages/axe-report.ts';
import { JobDetailPage } from './pages/job-detail-page.ts';
import { oneTaskConfig, test as base, uniqueName } from './pages/job-seeding.ts';
import { SubmitPage } from './pages/submit-page.ts';

const USER = 'quinn';
const test = base.extend<{ monacoRequests: string[] }>({
  /** Every request for Monaco's code, its workers, styles or icon font, as the page makes them. */
  monacoRequests: async ({ page }, use) => {
    const seen: string[] = [];
    const onRequest = (request: Request) => {
      if (/monaco|editor\.worker|json\.worker|jsonMode|codicon/.test(request.url()))
        seen.push(new URL(request.url()).pathname);
    };
    page.on('request', onRequest);
    await use(seen);
    page.off('request', onRequest);
  },
});

/** Waits until the page has settled (no request for a while), so late chunks would be seen. */
const settle = (page: Page) => page.waitForLoadState('networkidle');

test.describe('signed out', () => {
  test('the login page loads none of Monaco', async ({ page, monacoRequests }) => {
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await settle(page);
    expect(monacoRequests).toEqual([]);
  });
});

test.describe('signed in', () => {
  test.use({ signedInAs: USER });

  test('the dashboard, the job list and the tasks of a job load none of Monaco; the submit page and the config view do', async ({
    page,
    seeding,
    monacoRequests,
  }) => {
    const jobName = uniqueName('quiet');
    await seeding.submitText(USER, oneTaskConfig(jobName, 'echo quiet'));
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await settle(page);
    await page.getByRole('link', { name: 'Jobs', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: jobName })).toBeVisible();
    await settle(page);
    await page.getByRole('link', { name: jobName }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(jobName);
    await settle(page);
    expect(monacoRequests).toEqual([]);

    await new JobDetailPage(page).tab('Config');
    await expect(page.getByTestId('monaco-editor').locator('.monaco-editor')).toBeVisible();
    expect(monacoRequests.some((path) => /monaco-setup.*\.js$/.test(path))).toBe(true);

    monacoRequests.length = 0;
    const jsonWorker = page.waitForRequest(/json\.worker.*\.js$/);
    await page.goto('/submit'); // a fresh page load: nothing is cached in memory
    await expect(new SubmitPage(page).editor).toBeVisible();
    await jsonWorker;
    expect(monacoRequests.some((path) => /monaco-setup.*\.js$/.test(path))).toBe(true);
  });

  test('the submit page has no serious accessibility violations and works from the keyboard', async ({
    page,
  }) => {
    const submit = new SubmitPage(page);
    await submit.goto();
    await expect(page.getByText('No problems found in the config.')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // Tab is text inside the editor; Ctrl+M makes it move focus, as the editor's label says.
    await submit.editor.click();
    await page.keyboard.press('Control+M');
    await page.keyboard.press('Tab');
    await expect(submit.editor.locator('textarea')).not.toBeFocused();

    // The form is reachable and usable by keyboard alone.
    await submit.formField(/^Job name/).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('keyboard-job');
    await expect(submit.editorLine('"jobName": "keyboard-job"')).toBeVisible();
  });

  test('the editor gives hover help and completion from the job-config schema', async ({
    page,
  }) => {
    const submit = new SubmitPage(page);
    await submit.goto();
    await submit.editorLine('"cpuNumber"').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Space');
    await expect(page.locator('.suggest-widget').getByText('shmMB')).toBeVisible();
    await page.keyboard.press('Escape');

    await submit.editorLine('"memoryMB"').getByText('memoryMB').hover();
    await expect(
      page.locator('.monaco-hover').getByText('Memory for each task, in MB'),
    ).toBeVisible();
  });

  test('the job page has no serious accessibility violations on any tab', async ({
    page,
    seeding,
  }) => {
    test.setTimeout(180_000); // four full axe runs on a shared 2-core machine
    const jobName = uniqueName('a11y');
    await seeding.submitText(USER, oneTaskConfig(jobName, 'echo hello; sleep 120'));
    const detail = new JobDetailPage(page);
    await detail.goto(USER, jobName);
    await expect(detail.stateBadge).toHaveAttribute('data-state', 'Running', { timeout: 60_000 });
    expect(await seriousViolations(page)).toEqual([]);
    for (const tab of ['Config', 'SSH', 'Logs'] as const) {
      await detail.tab(tab);
      await settle(page);
      expect(await seriousViolations(page), `${tab} tab`).toEqual([]);
    }
  });
});
