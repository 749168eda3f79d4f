import type { Page } from '@playwright/test';
import type { JobDetail } from '../contract/api-types.ts';
import { formatDuration } from '../src/lib/format.ts';
import { expect } from './fixtures/test.ts';
import { seriousViolations } from './pages/axe-report.ts';
import { JobDetailPage } from './pages/job-detail-page.ts';
import { JobListPage } from './pages/job-list-page.ts';
import { test, uniqueName, type JobSeeding } from './pages/job-seeding.ts';

const USER = 'quinn';
test.use({ signedInAs: USER });

const fact = (page: Page, term: string) =>
  page
    .locator('dl > div')
    .filter({ has: page.locator('dt', { hasText: term }) })
    .locator('dd');

/** A config whose tasks take `cpus` vCores each; `taskNumber` tasks run `command`. */
const config = (jobName: string, command: string, cpus = 1, taskNumber = 1) =>
  JSON.stringify({
    jobName,
    image: 'ubuntu:22.04',
    taskRoles: [{ name: 'main', taskNumber, cpuNumber: cpus, memoryMB: 128, command }],
  });

async function detailOf(seeding: JobSeeding, baseURL: string, jobName: string) {
  const response = await fetch(`${baseURL}/api/v1/user/${USER}/jobs/${jobName}`, {
    headers: { Authorization: `Bearer ${await seeding.token(USER)}` },
  });
  return (await response.json()) as JobDetail;
}

async function vCoresOfDefault(seeding: JobSeeding, baseURL: string): Promise<number> {
  const response = await fetch(`${baseURL}/api/v1/virtual-clusters/default`, {
    headers: { Authorization: `Bearer ${await seeding.token(USER)}` },
  });
  return ((await response.json()) as { resourcesTotal: { vCores: number } }).resourcesTotal.vCores;
}

test('a waiting job says its place in the queue and what it waits for; Duration counts from its start', async ({
  page,
  seeding,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const vCores = await vCoresOfDefault(seeding, baseURL!);
  const holder = uniqueName('holder');
  const first = uniqueName('first');
  const second = uniqueName('second');
  await seeding.submitText(USER, config(holder, 'exec sleep 300', vCores));
  await expect
    .poll(async () => (await detailOf(seeding, baseURL!, holder)).jobStatus.state, {
      timeout: 60_000,
    })
    .toBe('RUNNING');
  await seeding.submitText(USER, config(first, 'exec sleep 300'));
  await seeding.submitText(USER, config(second, 'exec sleep 300'));

  const detail = new JobDetailPage(page);
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await detail.goto(USER, second);
    await expect(page.getByTestId('queue-status')).toHaveText(
      '2nd in the queue of virtual cluster default: waits behind 1 job; needs 1 CPU; 0 free.',
    );
    await expect(
      page.getByText(/It takes 1 CPU, 128 MB of memory and 0 GPUs at once/),
    ).toBeVisible();
    await expect(fact(page, 'Duration')).toHaveText('not started');
    await expect(fact(page, 'Queued for')).toHaveText(/^\d+s$/);
  }

  const list = new JobListPage(page);
  await page.setViewportSize({ width: 390, height: 900 });
  await list.goto(`?keyword=${second}`);
  await expect(list.row(second).getByTestId('queue-hint')).toHaveText(
    'waits behind 1 job; needs 1 CPU; 0 free',
  );
  // Duration and the queue time apart, ticking: "not started", then "waiting 10s" and on.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(list.row(second)).toContainText('not started');
  await expect(list.row(second).getByTestId('queue-time')).toHaveText(/^waiting \d+s$/, {
    timeout: 20_000,
  });
  await list.goto(`?keyword=${first}`);
  await expect(list.row(first).getByTestId('queue-hint')).toHaveText('needs 1 CPU; 0 free');

  // The job ahead ends: `second` moves up while its page is open (auto-refresh).
  await detail.goto(USER, second);
  await seeding.stop(USER, first);
  await expect(page.getByTestId('queue-status')).toHaveText(
    '1st in the queue of virtual cluster default: needs 1 CPU; 0 free.',
    { timeout: 30_000 },
  );

  // Once the holder stops, `second` starts; its Duration counts from the start, the wait apart.
  await seeding.stop(USER, holder);
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Running', { timeout: 60_000 });
  await expect(page.getByTestId('queue-status')).toHaveCount(0);
  const { jobStatus } = await detailOf(seeding, baseURL!, second);
  const waited = jobStatus.appLaunchedTime! - jobStatus.createdTime;
  await expect(fact(page, 'Queued for')).toHaveText(formatDuration(waited));
  const durationSeconds = async () =>
    Number(/^(\d+)s$/.exec((await fact(page, 'Duration').textContent()) ?? '')?.[1] ?? NaN);
  expect(await durationSeconds()).toBeLessThan(Math.floor(waited / 1000) + 5);
  await expect.poll(durationSeconds, { timeout: 10_000 }).toBeGreaterThan(0);
  // The list says the same: Duration from the start, the wait apart (it waited over 10 s above).
  await list.goto(`?keyword=${second}`);
  await expect(list.row(second).getByTestId('queue-time')).toHaveText(
    `waited ${formatDuration(waited)}`,
  );
  expect(await seriousViolations(page)).toEqual([]); // the note's contrast, too
});

test('platform exit codes say what they mean on hover, on focus and to screen readers', async ({
  page,
  seeding,
}) => {
  test.setTimeout(120_000);
  const failing = uniqueName('exit-codes');
  // Task 0 fails at once; task 1 is still running and is stopped with -7400.
  await seeding.submitText(
    USER,
    config(
      failing,
      'if [ "$PAI_CURRENT_TASK_ROLE_CURRENT_TASK_INDEX" = 0 ]; then sleep 1; exit 3; fi; exec sleep 300',
      1,
      2,
    ),
  );
  const detail = new JobDetailPage(page);
  await detail.goto(USER, failing);
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Failed', { timeout: 60_000 });

  const taskRows = page.getByRole('table', { name: 'Tasks of main' }).getByRole('row');
  const stoppedCode = taskRows.nth(2).locator('[data-exit-code="-7400"]');
  await expect(stoppedCode).toHaveText('-7400');
  await expect(stoppedCode).toHaveAccessibleDescription(/stopped because its job ended/);
  await stoppedCode.hover();
  await expect(page.locator('.ms-Tooltip')).toContainText('stopped because its job ended');
  // The command's own code has no platform meaning to explain.
  await expect(taskRows.nth(1).getByRole('cell').nth(5)).toHaveText('3');
  await expect(taskRows.nth(1).locator('[data-exit-code]')).toHaveCount(0);

  await page.mouse.move(0, 0);
  await expect(page.locator('.ms-Tooltip')).toHaveCount(0);
  await stoppedCode.focus();
  await expect(page.locator('.ms-Tooltip')).toContainText('stopped because its job ended');
});

test('a stopped job shows exit code -7351 with its meaning', async ({ page, seeding }) => {
  const jobName = uniqueName('stopped');
  await seeding.submitText(USER, config(jobName, 'exec sleep 300'));
  await seeding.stop(USER, jobName);
  const detail = new JobDetailPage(page);
  await detail.goto(USER, jobName);
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Stopped', { timeout: 30_000 });
  const code = fact(page, 'Exit code').locator('[data-exit-code]');
  await expect(code).toHaveText('-7351');
  await expect(code).toHaveAccessibleDescription('The job was stopped on request.');
  await code.hover();
  await expect(page.locator('.ms-Tooltip')).toHaveText('The job was stopped on request.');
});
