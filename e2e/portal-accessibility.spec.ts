import { expect, test } from './fixtures/test.ts';
import { seriousViolations } from './pages/axe-report.ts';
import { JobListPage } from './pages/job-list-page.ts';

test('the login page has no serious accessibility violations and signs in from the keyboard alone', async ({
  page,
  server,
}) => {
  await page.goto('/login?from=%2Fjobs');
  await expect(page.getByLabel('User name')).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);

  await page.keyboard.type(server.adminUsername);
  await page.keyboard.press('Tab');
  await page.keyboard.type(server.adminPassword);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/jobs$/);
});

test.describe('signed in', () => {
  test.use({ signedInAs: 'judy' });

  test.beforeAll(async ({ api, accounts }) => {
    await accounts.storageState('judy');
    api.importJobs([
      { name: 'j-done', username: 'judy', state: 'SUCCEEDED', createdTime: 1_650_000_000_000 },
      { name: 'j-failed', username: 'judy', state: 'FAILED', createdTime: 1_650_000_001_000 },
      {
        name: 'j-legacy',
        username: 'judy',
        state: 'STOPPED',
        createdTime: 1_650_000_002_000,
        legacy: true,
      },
    ]);
  });

  test('the dashboard has no serious accessibility violations, in light and dark themes', async ({
    page,
  }) => {
    test.setTimeout(120_000); // two full axe runs: one took over 60 s on a loaded 2-core machine
    await page.goto('/');
    await expect(
      page.getByRole('region', { name: 'My recent jobs' }).getByRole('link', { name: 'j-done' }),
    ).toBeVisible();
    await expect(page.getByTestId('count-Failed')).toHaveAttribute('aria-label', 'Failed: 1 job');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /^Account menu for/ }).click();
    await page.getByRole('menuitem', { name: /theme$/ }).click();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the job list has no serious accessibility violations and works from the keyboard', async ({
    page,
  }) => {
    test.setTimeout(180_000); // an axe run and three list loads: over 60 s at load average 35
    const list = new JobListPage(page);
    const judysJobs = async () => (await list.jobNames()).filter((name) => name.startsWith('j-'));
    await page.goto('/');
    await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
    // Skip link first, then the nav reaches the job list.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    const jobsLink = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Jobs' });
    await jobsLink.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/jobs$/);
    // Only judy's jobs: the other specs' newer jobs on this server fill the first page otherwise.
    const myJobs = page.getByRole('checkbox', { name: 'My jobs' });
    await myJobs.focus();
    await page.keyboard.press('Space');
    await expect(myJobs).toBeChecked();
    await expect.poll(judysJobs).toEqual(['j-legacy', 'j-failed', 'j-done']);
    await list.settled();
    expect(await seriousViolations(page)).toEqual([]);

    // Sort and select from the keyboard.
    await page.getByRole('columnheader', { name: 'Name' }).getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(judysJobs).toEqual(['j-done', 'j-failed', 'j-legacy']);
    await list.settled();
    const doneCheckbox = list.row('j-done').getByRole('checkbox');
    await doneCheckbox.focus();
    await page.keyboard.press('Space');
    await expect(doneCheckbox).toBeChecked();
    await expect(list.stopReason).toHaveText(
      'j-done cannot be stopped: it has already ended (succeeded).',
    );

    // Type a keyword, then open a job from the keyboard.
    await list.keyword.focus();
    await page.keyboard.type('j-fail');
    await expect.poll(() => list.jobNames()).toEqual(['j-failed']);
    await list.settled();
    const link = page.getByRole('link', { name: 'j-failed' });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/jobs\/judy\/j-failed$/);
  });

  test('the theme choice is remembered', async ({ page }) => {
    await page.goto('/');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const before = await background();
    await page.getByRole('button', { name: /^Account menu for/ }).click();
    await page.getByRole('menuitem', { name: /theme$/ }).click();
    await expect.poll(background).not.toBe(before);
    const after = await background();
    await page.reload();
    await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
    expect(await background()).toBe(after);
  });

  test('an unknown page says so inside the portal', async ({ page }) => {
    await page.goto('/no/such/page/here');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to the dashboard' }).click();
    await expect(page).toHaveURL(/\/$/);
  });
});
