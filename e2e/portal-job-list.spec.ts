import { JobListPage } from './pages/job-list-page.ts';
import { expect, test } from './fixtures/test.ts';

test.describe('job list filters and legacy jobs', () => {
  test.use({ signedInAs: 'hank' });

  test.beforeAll(async ({ api, accounts }) => {
    await accounts.storageState('hank');
    const job = (name: string, state: string, createdTime: number, extra: object = {}) => ({
      name,
      username: 'hank',
      state: state as 'FAILED',
      createdTime,
      virtualCluster: 'default',
      ...extra,
    });
    api.importJobs([
      job('h-alpha', 'SUCCEEDED', 1_600_000_000_000),
      job('h-beta', 'FAILED', 1_600_000_001_000),
      job('h-gamma', 'FAILED', 1_600_000_002_000),
      job('h-legacy', 'STOPPED', 1_600_000_003_000, { legacy: true }),
    ]);
  });

  test('filters are written in the URL and restored by reload and the back button', async ({
    page,
  }) => {
    const list = new JobListPage(page);
    // hank's jobs only: `h-` is also in other specs' job names ("with-a-long-name").
    await list.goto('?user=hank');
    await list.keyword.fill('h-');
    await expect(page).toHaveURL(/[?&]keyword=h-/);
    await list.pick('State', ['Failed']);
    await expect(page).toHaveURL(/[?&]state=Failed/);
    await expect.poll(() => list.jobNames()).toEqual(['h-gamma', 'h-beta']);
    await expect(list.clearFilters).toBeVisible();

    await page.getByRole('columnheader', { name: 'Name' }).click();
    await expect(page).toHaveURL(/sort=name&order=asc/);
    await expect.poll(() => list.jobNames()).toEqual(['h-beta', 'h-gamma']);

    await page.reload();
    await expect(list.keyword).toHaveValue('h-');
    await expect(page.getByRole('combobox', { name: 'State' })).toContainText('Failed');
    await expect.poll(() => list.jobNames()).toEqual(['h-beta', 'h-gamma']);

    await page.goBack(); // before the sort
    await expect(page).not.toHaveURL(/sort=/);
    await expect.poll(() => list.jobNames()).toEqual(['h-gamma', 'h-beta']);
    await page.goBack(); // before the state filter
    await expect(page).not.toHaveURL(/state=/);
    await expect.poll(() => list.jobNames()).toEqual(['h-legacy', 'h-gamma', 'h-beta', 'h-alpha']);

    await list.clearFilters.click();
    await expect(page).toHaveURL(/\/jobs$/);
    await expect(list.clearFilters).toHaveCount(0);
  });

  test('a refresh keeps the rows in place and the selection', async ({ page }) => {
    const list = new JobListPage(page);
    await list.goto('?user=hank');
    await expect.poll(() => list.jobNames()).toEqual(['h-legacy', 'h-gamma', 'h-beta', 'h-alpha']);
    await list.select('h-gamma');
    const refreshed = page.waitForResponse((response) => response.url().includes('/api/v1/jobs?'));
    await page.getByRole('button', { name: 'Refresh' }).click();
    await refreshed;
    await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
    expect(await list.jobNames()).toEqual(['h-legacy', 'h-gamma', 'h-beta', 'h-alpha']);
    await expect(list.row('h-gamma').getByRole('checkbox')).toBeChecked();
  });

  test('rows keep their identity and focus across clock ticks and sorts', async ({ page }) => {
    await page.clock.install();
    const list = new JobListPage(page);
    await list.goto('?user=hank');
    await expect.poll(() => list.jobNames()).toEqual(['h-legacy', 'h-gamma', 'h-beta', 'h-alpha']);
    await page.getByRole('switch', { name: 'Auto refresh' }).click();
    await list.settled();
    // A remounted row is a new element: it loses this mark, its focus and a pending key press.
    await list.row('h-gamma').evaluate((row) => row.setAttribute('data-test-mark', 'kept'));
    const checkbox = list.row('h-gamma').getByRole('checkbox');
    await checkbox.focus();
    await page.keyboard.press('Space');
    await expect(checkbox).toBeChecked();

    await page.clock.runFor(60_000); // twelve ticks of the duration column's clock
    await expect(list.row('h-gamma')).toHaveAttribute('data-test-mark', 'kept');
    await expect(checkbox).toBeFocused();
    await expect(checkbox).toBeChecked();

    await page.getByRole('columnheader', { name: 'Name' }).click();
    await expect.poll(() => list.jobNames()).toEqual(['h-alpha', 'h-beta', 'h-gamma', 'h-legacy']);
    await list.settled();
    await expect(list.row('h-gamma')).toHaveAttribute('data-test-mark', 'kept');
    await page.clock.runFor(60_000);
    await expect(list.row('h-gamma')).toHaveAttribute('data-test-mark', 'kept');
    await expect(checkbox).toBeChecked();
  });

  test("a click on a job's name opens its page, even where selecting would change the toolbar", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1000, height: 800 });
    const list = new JobListPage(page);
    await list.goto('?user=hank');
    await list.settled();
    await list.row('h-gamma').getByRole('link', { name: 'h-gamma', exact: true }).click();
    await expect(page).toHaveURL(/\/jobs\/hank\/h-gamma$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('h-gamma');
  });

  test('selecting a row never moves the list', async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 800 });
    const list = new JobListPage(page);
    await list.goto('?user=hank');
    await list.settled();
    const before = await list.grid.boundingBox();
    await list.select('h-legacy'); // its reason ("… cannot be stopped: …") is long
    await expect(list.stopReason).toContainText('h-legacy cannot be stopped');
    expect((await list.grid.boundingBox())?.y).toBe(before?.y);
  });

  test('rows are drawn at their final width: no cell is resized after the first row appears', async ({
    page,
  }) => {
    // Counts width changes of the grid's cells from the moment a job's link is in the page.
    await page.addInitScript(() => {
      const state = { rowSeen: false, resized: [] as string[] };
      Object.assign(window, { cellResizes: state });
      new MutationObserver((records) => {
        for (const record of records) {
          if (!state.rowSeen) {
            state.rowSeen = !!document.querySelector('[role="grid"] a[href^="/jobs/"]');
            continue;
          }
          const cell = record.target as Element;
          if (
            record.type === 'attributes' &&
            cell.matches('[role="gridcell"], [role="columnheader"]')
          )
            state.resized.push(
              `${cell.textContent}: ${record.oldValue} -> ${cell.getAttribute('style')}`,
            );
        }
      }).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['style'],
        attributeOldValue: true,
      });
    });
    const list = new JobListPage(page);
    await list.goto('?user=hank');
    await expect.poll(() => list.jobNames()).toEqual(['h-legacy', 'h-gamma', 'h-beta', 'h-alpha']);
    await list.settled();
    // The width observer reports after a layout: two frames later its answer has been drawn.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const { rowSeen, resized } = await page.evaluate(
      () =>
        (window as unknown as { cellResizes: { rowSeen: boolean; resized: string[] } }).cellResizes,
    );
    expect(rowSeen).toBe(true);
    expect(resized).toEqual([]);
  });

  test('no jobs match: says so and offers to clear the filters', async ({ page }) => {
    const list = new JobListPage(page);
    await list.goto('?keyword=no-such-job-anywhere');
    await expect(page.getByText('No jobs match these filters.')).toBeVisible();
    await page.getByRole('status').getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/jobs$/);
  });

  test('an imported legacy job is shown with its badge, tooltip and legacy URL', async ({
    page,
  }) => {
    const list = new JobListPage(page);
    await list.goto('?legacy=1&user=hank');
    await expect.poll(() => list.jobNames()).toEqual(['h-legacy']);
    const row = list.row('h-legacy');
    const badge = row.getByTestId('legacy-badge');
    await expect(badge).toHaveText('legacy');
    await expect(badge).toHaveAccessibleDescription(
      /read it and stop it, but new legacy jobs cannot be created/,
    );
    await badge.hover();
    await expect(page.locator('.ms-Tooltip')).toContainText('read it and stop it');
    await expect(row.getByRole('link', { name: 'h-legacy' })).toHaveAttribute(
      'href',
      '/jobs/h-legacy',
    );
    await expect(list.row('h-legacy').getByText('Stopped')).toBeVisible();
  });
});

test.describe('bulk stop', () => {
  test.use({ signedInAs: 'ivy' });

  test('stops the selected jobs after a confirmation naming them, and refuses a selection with an ended job', async ({
    page,
    api,
    accounts,
  }) => {
    await accounts.storageState('ivy');
    const token = (await api.login('ivy', 'ivy-password')).token;
    api.importJobs([
      { name: 'ivy-done', username: 'ivy', state: 'SUCCEEDED', createdTime: 1_500_000_000_000 },
    ]);
    for (const jobName of ['ivy-one', 'ivy-two']) {
      await api.submitJob(token, 'ivy', { jobName, command: 'sleep 300' });
    }
    for (const jobName of ['ivy-one', 'ivy-two'])
      await expect
        .poll(async () => (await api.findJob(token, 'ivy', jobName))?.state, { timeout: 60_000 })
        .toBe('RUNNING');

    const list = new JobListPage(page);
    await list.goto('?user=ivy');
    await expect
      .poll(() => list.jobNames().then((names) => names.sort()))
      .toEqual(['ivy-done', 'ivy-one', 'ivy-two']);

    await expect(list.stopButton).toBeDisabled();
    await expect(list.stopReason).toHaveText('Select the jobs to stop.');
    await list.select('ivy-one');
    await list.select('ivy-done');
    await expect(list.stopButton).toBeDisabled();
    await expect(list.stopReason).toHaveText(
      'ivy-done cannot be stopped: it has already ended (succeeded).',
    );
    await list.row('ivy-done').getByRole('checkbox').uncheck();
    await list.select('ivy-two');
    await expect(list.stopButton).toBeEnabled();

    await list.stopButton.click();
    const dialog = page.getByRole('alertdialog', { name: 'Stop 2 jobs?' });
    await expect(dialog.getByRole('list', { name: 'Jobs to stop' })).toContainText('ivy-one');
    await expect(dialog.getByRole('list', { name: 'Jobs to stop' })).toContainText('ivy-two');
    await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(page.getByText(/Stop requested for ivy-(one|two), ivy-(one|two)\./)).toBeVisible();

    for (const jobName of ['ivy-one', 'ivy-two']) {
      await expect(list.row(jobName).getByText(/^(Stopping|Stopped)$/)).toBeVisible({
        timeout: 30_000,
      });
      await expect
        .poll(async () => (await api.findJob(token, 'ivy', jobName))?.state, { timeout: 60_000 })
        .toBe('STOPPED');
      expect((await api.findJob(token, 'ivy', jobName))?.executionType).toBe('STOP');
    }
  });
});
