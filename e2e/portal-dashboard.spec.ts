import type { DisplayState } from '../contract/job-state.ts';
import { DashboardPage } from './pages/dashboard-page.ts';
import { JobListPage } from './pages/job-list-page.ts';
import { expect, test } from './fixtures/test.ts';

const STATES: [DisplayState, string][] = [
  ['Waiting', 'WAITING'],
  ['Running', 'RUNNING'],
  ['Succeeded', 'SUCCEEDED'],
  ['Failed', 'FAILED'],
  ['Stopped', 'STOPPED'],
];

test.describe('dashboard', () => {
  test.use({ signedInAs: 'gina' });

  test.beforeAll(async ({ api, accounts }) => {
    await accounts.storageState('gina');
    const job = (name: string, state: string, createdTime: number) => ({
      name,
      username: 'gina',
      state: state as 'FAILED',
      createdTime,
      virtualCluster: 'default',
    });
    api.importJobs([
      job('g-failed-1', 'FAILED', 1_700_000_000_000),
      job('g-failed-2', 'FAILED', 1_700_000_001_000),
      job('g-done', 'SUCCEEDED', 1_700_000_002_000),
      job('g-stopped', 'STOPPED', 1_700_000_003_000),
      { ...job('g-legacy', 'SUCCEEDED', 1_700_000_004_000), legacy: true },
    ]);
  });

  test("the person's counts equal what the API says, and each links to the filtered list", async ({
    page,
    api,
  }) => {
    const token = (await api.login('gina', 'gina-password')).token;
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    for (const [state, apiState] of STATES) {
      const expected = (await api.listJobs(token, { username: 'gina', state: apiState, limit: 1 }))
        .totalCount;
      await expect.poll(() => dashboard.count('My jobs', state).catch(() => -1)).toBe(expected);
    }
    expect(await dashboard.count('My jobs', 'Failed')).toBe(2);
    await expect(dashboard.card('All jobs')).toHaveCount(0); // not an admin

    await expect(
      page.getByRole('region', { name: 'My recent jobs' }).getByRole('link', { name: 'g-legacy' }),
    ).toBeVisible();
    await expect(page.getByTestId('last-updated')).toContainText('Updated');

    await dashboard.countLink('My jobs', 'Failed').click();
    await expect(page).toHaveURL(/\/jobs\?state=Failed&user=gina$/);
    const list = new JobListPage(page);
    await expect
      .poll(() => list.jobNames().then((names) => names.sort()))
      .toEqual(['g-failed-1', 'g-failed-2']);
  });
});

test.describe('dashboard for an administrator', () => {
  test.use({ signedInAs: 'admin' });

  test("shows everyone's counts too, equal to the API", async ({ page, api }) => {
    const token = await api.admin();
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    await expect(dashboard.card('All jobs')).toBeVisible();
    for (const [state, apiState] of STATES) {
      await expect
        .poll(
          async () => {
            const expected = (await api.listJobs(token, { state: apiState, limit: 1 })).totalCount;
            await page.getByRole('button', { name: 'Refresh' }).click();
            return (await dashboard.count('All jobs', state).catch(() => -1)) === expected;
          },
          { timeout: 30_000 },
        )
        .toBe(true);
    }
    await expect(
      page
        .getByRole('region', { name: 'Virtual clusters' })
        .getByRole('meter', { name: 'CPUs used' }),
    ).toBeVisible();
  });
});
