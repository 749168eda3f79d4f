import type { Page } from '@playwright/test';
import { expect } from './fixtures/test.ts';
import { JobDetailPage } from './pages/job-detail-page.ts';
import { JobListPage } from './pages/job-list-page.ts';
import { oneTaskConfig, test, uniqueName } from './pages/job-seeding.ts';

const USER = 'tess';
test.use({ signedInAs: USER });

const WIDTHS = [390, 900, 1440];
const FUTURE = /\bin \d+ (seconds?|minutes?)\b/;

const fact = (page: Page, term: string) =>
  page
    .locator('dl > div')
    .filter({ has: page.locator('dt', { hasText: term }) })
    .locator('dd');

test('relative times are never in the future, tick together with the duration, and show the exact time on hover', async ({
  page,
  seeding,
}) => {
  test.setTimeout(240_000);
  const jobName = uniqueName('times');
  await seeding.submitText(USER, oneTaskConfig(jobName, 'sleep 300'));
  const detail = new JobDetailPage(page);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await detail.goto(USER, jobName);
    await expect(detail.stateBadge).toHaveAttribute('data-state', 'Running', { timeout: 60_000 });
    const submitted = fact(page, 'Submitted').locator('time');
    await expect(submitted).toHaveAttribute('title', /\d{4}/);
    await expect(page.locator('main')).not.toContainText(FUTURE);
    // Submitted and Duration move on the same second: both change between two reads.
    const before = [await submitted.textContent(), await fact(page, 'Duration').textContent()];
    await expect
      .poll(
        async () => [await submitted.textContent(), await fact(page, 'Duration').textContent()],
        {
          timeout: 20_000,
        },
      )
      .not.toEqual(before);
    await expect(fact(page, 'Duration')).toHaveText(/^\d+[smh]/);
    await expect(fact(page, 'Queued for')).toHaveText(/^\d+[smh]/);
  }
  const list = new JobListPage(page);
  await list.goto(`?keyword=${jobName}`);
  await expect(list.row(jobName)).toBeVisible();
  await expect(page.locator('main')).not.toContainText(FUTURE);
  // After a refresh, "Updated" must still not be ahead.
  const refreshed = page.waitForResponse((response) => response.url().includes('/api/v1/jobs?'));
  await page.getByRole('button', { name: 'Refresh' }).click();
  await refreshed;
  await expect(page.locator('main')).not.toContainText(FUTURE);
  await expect(page.getByText(/Updated (just now|\d+ seconds? ago)/)).toBeVisible();
});

test('imported jobs show their recorded times; a job whose end is unknown says so', async ({
  page,
  api,
}) => {
  test.setTimeout(120_000);
  const yearsAgo = Date.now() - 3 * 365 * 86_400_000;
  api.importJobs([
    {
      name: 'old-success',
      username: USER,
      state: 'SUCCEEDED',
      createdTime: yearsAgo,
      completedTime: yearsAgo + 2 * 3_600_000,
    },
    { name: 'old-running', username: USER, legacy: true, state: 'RUNNING', createdTime: yearsAgo },
  ]);
  const detail = new JobDetailPage(page);
  await detail.goto(USER, 'old-success');
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Succeeded');
  await expect(fact(page, 'Started')).toHaveText('not recorded');
  await expect(fact(page, 'Completed')).toHaveText(/\d years ago/);
  await expect(fact(page, 'Duration')).toHaveText('2h');
  await expect(page.getByText(/imported from an earlier cluster/)).toBeVisible();
  await expect(page.getByText('No task has been scheduled yet')).toHaveCount(0);

  await detail.goto(null, 'old-running');
  await expect(fact(page, 'Duration')).toHaveText('unknown: end not recorded');
  await expect(fact(page, 'Completed')).toHaveText('not recorded');

  const list = new JobListPage(page);
  await list.goto('?keyword=old-');
  await expect(list.row('old-running')).toContainText('unknown: end not recorded');
  await expect(list.row('old-success')).toContainText('2h');
});
