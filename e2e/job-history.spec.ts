import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Page } from '@playwright/test';
import { startServer, type RunningServer } from '../testing/server.ts';
import { GPU_USER_COMMAND, writeStandInNvidiaSmi } from '../testing/stand-in-nvidia-smi.ts';
import { expect } from './fixtures/test.ts';
import { JobDetailPage } from './pages/job-detail-page.ts';
import { oneTaskConfig, test as seedingTest, uniqueName } from './pages/job-seeding.ts';

const USER = 'fay';

// A server that samples tasks every 300 ms, so a chart has points within a second or two, on a
// cluster with two GPUs whose nvidia-smi is a stand-in.
const test = seedingTest.extend<object, { server: RunningServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'pai-e2e-gpus-'));
      writeStandInNvidiaSmi(dir, [45, 45]); // every GPU at 45 %
      const cluster = { virtualClusters: { default: { cpus: 8, memoryMB: 16384, gpus: 2 } } };
      writeFileSync(join(dir, 'cluster.json'), JSON.stringify(cluster));
      const server = await startServer({
        PAI_METRICS_INTERVAL_MS: '300',
        PAI_CLUSTER_CONFIG: join(dir, 'cluster.json'),
        PATH: `${dir}${delimiter}${process.env.PATH ?? ''}`,
      });
      await use(server);
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});
test.use({ signedInAs: USER });

/** The number a chart's summary starts with in `unit` ("CPU: now 0.98 cores, …"); 0 until then. */
async function chartNow(page: Page, title: string, unit: string): Promise<number> {
  const chart = page.getByRole('img', { name: new RegExp(`^${title}: now`) });
  if ((await chart.count()) === 0) return 0;
  const label = (await chart.getAttribute('aria-label')) ?? '';
  return Number(new RegExp(`now ([\\d.]+) ${unit}`).exec(label)?.[1] ?? 0);
}

test('a running task’s charts show non-zero CPU and memory against what it asked for', async ({
  page,
  seeding,
}) => {
  const jobName = uniqueName('busy');
  // Holds 64 MB (about twice that while perl builds the string) and keeps one core busy.
  const config = JSON.parse(
    oneTaskConfig(jobName, `perl -e '$x = "a" x (64 * 1024 * 1024); 1 while 1'`),
  ) as { taskRoles: Record<string, unknown>[] };
  config.taskRoles[0]!.memoryMB = 512;
  await seeding.submitText(USER, JSON.stringify(config));
  const detail = new JobDetailPage(page);
  await detail.goto(USER, jobName);
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Running', { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Resources' }).click();
  await expect(page).toHaveURL(/tab=resources/);
  await expect.poll(() => chartNow(page, 'CPU', 'cores'), { timeout: 30_000 }).toBeGreaterThan(0.2);
  await expect
    .poll(() => chartNow(page, 'Memory \\(RSS\\)', 'MB'), { timeout: 30_000 })
    .toBeGreaterThan(60);
  await expect(
    page.getByRole('img', { name: /^Memory \(RSS\): .* of 512 MB limit$/ }),
  ).toBeVisible();
  const table = page.getByRole('table', { name: 'Use against request, per task role' });
  await expect(table.getByRole('row', { name: /main/ })).toContainText(
    /\d+ MB of 512 MB \(\d+ %\)/,
  );
  await expect(table.getByRole('row', { name: /main/ })).toContainText(/cores of 1 \(\d+ %\)/);
  // The machine's nvidia-smi answers, but this task has no GPU: no GPU charts.
  await expect(page.getByRole('img', { name: /^GPU/ })).toHaveCount(0);
  await expect(table.getByRole('row', { name: /main/ })).toContainText(
    'not reported (0 GPUs requested)',
  );
});

test('a GPU task’s charts show its GPU’s utilisation and its GPU memory', async ({
  page,
  seeding,
}) => {
  const jobName = uniqueName('gpu');
  const config = JSON.parse(oneTaskConfig(jobName, GPU_USER_COMMAND)) as {
    taskRoles: Record<string, unknown>[];
  };
  config.taskRoles[0]!.gpuNumber = 1;
  await seeding.submitText(USER, JSON.stringify(config));
  const detail = new JobDetailPage(page);
  await detail.goto(USER, jobName);
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Running', { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Resources' }).click();
  await expect.poll(() => chartNow(page, 'GPU utilisation', '%'), { timeout: 30_000 }).toBe(45);
  await expect(
    page.getByRole('img', {
      name: /^GPU utilisation: now 45 %, average \d+ %, peak 45 % of 1 GPU$/,
    }),
  ).toBeVisible();
  // The task's process is listed once it has renamed itself to gpu-burner.
  await expect.poll(() => chartNow(page, 'GPU memory', 'MB'), { timeout: 30_000 }).toBe(300);
  const table = page.getByRole('table', { name: 'Use against request, per task role' });
  await expect(table.getByRole('row', { name: /main/ })).toContainText(
    /\d+ %, 300 MB \(1 GPU requested\)/,
  );
});

test('a job retried twice shows its three attempts and the logs of the earlier ones', async ({
  page,
  seeding,
}) => {
  const jobName = uniqueName('retried');
  const config = JSON.parse(
    oneTaskConfig(jobName, 'echo "attempt of $PAI_CONTAINER_ID"; echo "oops" >&2; exit 3'),
  ) as Record<string, unknown>;
  await seeding.submitText(USER, JSON.stringify({ ...config, retryCount: 2 }));
  const detail = new JobDetailPage(page);
  await detail.goto(USER, jobName);
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Failed', { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Attempts' }).click();
  await expect(page.getByText('3 attempts; the job was retried 2 times.')).toBeVisible();
  const table = page.getByRole('table', { name: 'Attempts' });
  for (const attempt of [2, 1, 0]) {
    const row = table.getByRole('row', { name: `Attempt ${attempt}` });
    await expect(row).toContainText('failed');
    await expect(row).toContainText('3 (user)');
    await expect(row).toContainText('main[0]');
    // Cells after the row header: state, started, ended, exit code, decided by, diagnostics.
    const cells = row.getByRole('cell');
    for (const time of [cells.nth(1), cells.nth(2)]) {
      await expect(time).not.toHaveText('—');
      await expect(time.locator('time')).toHaveAttribute('datetime', /^\d{4}-/);
    }
    await expect(cells.nth(5)).toContainText('exited with code 3');
    await expect(cells.nth(5)).toContainText('oops');
  }
  await expect(table.getByRole('row', { name: 'Attempt 2' })).toContainText('(latest)');

  await page.getByRole('button', { name: 'Logs of attempt 0' }).click();
  const log = page.locator('pre[aria-label^="Log of attempt 0"]');
  await expect(log).toContainText(/attempt of container_\w+_0_main_0/);
  await page
    .getByRole('radiogroup', { name: 'Stream' })
    .locator('label')
    .filter({ hasText: /^stderr$/ })
    .click();
  await expect(page.locator('pre[aria-label="Log of attempt 0, main[0], stderr"]')).toContainText(
    'oops',
  );
  await page.getByRole('button', { name: 'Hide logs' }).click();
  await page.getByRole('button', { name: 'Logs of attempt 1' }).click();
  await expect(page.locator('pre[aria-label^="Log of attempt 1"]')).toContainText(
    /attempt of container_\w+_1_main_0/,
  );
});

test('delete from the job page: refused while it runs, asks naming it, then the job list', async ({
  page,
  api,
  seeding,
}) => {
  const jobName = uniqueName('doomed');
  await seeding.submitText(USER, oneTaskConfig(jobName, 'sleep 300'));
  const detail = new JobDetailPage(page);
  await detail.goto(USER, jobName);
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Running', { timeout: 60_000 });
  await expect(detail.button('Delete')).toBeDisabled();
  await expect(
    page.getByText('Delete is not available: it has not ended; stop it first.'),
  ).toBeVisible();

  await detail.button('Stop').click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Stop job' }).click();
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Stopped', { timeout: 60_000 });
  await detail.button('Delete').click();
  const dialog = page.getByRole('alertdialog', { name: `Delete ${jobName}?` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail.heading).toHaveText(jobName);

  await detail.button('Delete').click();
  await dialog.getByRole('button', { name: 'Delete job' }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  const token = await seeding.token(USER);
  await expect.poll(() => api.findJob(token, USER, jobName)).toBeUndefined();
});

test('another user’s ended job has no Delete', async ({ page, api, seeding }) => {
  const owner = 'gus';
  await api.ensureUser(owner);
  const jobName = uniqueName('theirs');
  await seeding.submitText(owner, oneTaskConfig(jobName, 'true'));
  const detail = new JobDetailPage(page);
  await detail.goto(owner, jobName);
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Succeeded', { timeout: 60_000 });
  await expect(detail.button('Stop')).toBeDisabled();
  await expect(detail.button('Delete')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Resources' }).click();
  await expect(
    page.getByText(`Resource use is shown only to ${owner} and administrators.`),
  ).toBeVisible();
});

test.describe('as an admin', () => {
  test.use({ signedInAs: 'admin' });

  test('deletes another user’s ended job from its page; the server refuses anyone else', async ({
    page,
    api,
    seeding,
  }) => {
    const owner = 'ivy';
    await api.ensureUser(owner);
    await api.ensureUser(USER);
    const jobName = uniqueName('ended');
    await seeding.submitText(owner, oneTaskConfig(jobName, 'true'));
    const detail = new JobDetailPage(page);
    await detail.goto(owner, jobName);
    await expect(detail.stateBadge).toHaveAttribute('data-state', 'Succeeded', {
      timeout: 60_000,
    });
    // Neither the owner nor an admin: refused, and the job stays.
    await expect(api.deleteJob(await seeding.token(USER), owner, jobName)).rejects.toThrow(
      /: 403 .*ForbiddenUserError/,
    );
    const admin = await api.admin();
    expect(await api.findJob(admin, owner, jobName)).toBeDefined();

    await expect(detail.button('Delete')).toBeEnabled();
    await detail.button('Delete').click();
    const dialog = page.getByRole('alertdialog', { name: `Delete ${jobName}?` });
    await dialog.getByRole('button', { name: 'Delete job' }).click();
    await expect(page).toHaveURL(/\/jobs$/);
    await expect.poll(() => api.findJob(admin, owner, jobName)).toBeUndefined();
  });
});
