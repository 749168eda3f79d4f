import { JobListPage } from './pages/job-list-page.ts';
import { expect, test } from './fixtures/test.ts';

const USER = 'quella';

test.describe('job list filters behave alike', () => {
  test.use({ signedInAs: USER });

  test.beforeAll(async ({ api, accounts }) => {
    await accounts.storageState(USER);
    const job = (name: string, username: string, state: string, createdTime: number) => ({
      name,
      username,
      state: state as 'FAILED',
      createdTime,
      completedTime: createdTime + 60_000,
    });
    api.importJobs([
      job('q-failed', USER, 'FAILED', 1_600_000_000_000),
      job('q-done', USER, 'SUCCEEDED', 1_600_000_001_000),
      job('z-failed', 'zed', 'FAILED', 1_600_000_002_000),
    ]);
  });

  test('a typed search is a history entry: Back returns to the previous filter', async ({
    page,
  }) => {
    const list = new JobListPage(page);
    // Only this spec's users: the worker's server holds other specs' jobs too.
    await list.goto('?user=quella,zed&state=Failed');
    await expect.poll(() => list.jobNames()).toEqual(['z-failed', 'q-failed']);
    await list.keyword.pressSequentially('q');
    // Applied after a pause, with the focus still in the box (no Enter, no blur).
    await expect(page).toHaveURL(/[?&]keyword=q(&|$)/);
    await list.keyword.pressSequentially('-'); // typing on replaces the entry it made
    await expect(page).toHaveURL(/[?&]keyword=q-(&|$)/);
    await expect(list.keyword).toBeFocused();
    await expect.poll(() => list.jobNames()).toEqual(['q-failed']);

    await page.goBack();
    await expect(page).toHaveURL(/\/jobs\?user=quella(,|%2C)zed&state=Failed$/);
    await expect(list.keyword).toHaveValue('');
    await expect.poll(() => list.jobNames()).toEqual(['z-failed', 'q-failed']);
  });

  test('users: a placeholder, applied after a pause or on Enter, any case, Back restores', async ({
    page,
  }) => {
    const list = new JobListPage(page);
    await list.goto('?state=Failed');
    const users = page.getByRole('textbox', { name: 'Users' });
    await expect(users).toHaveAttribute('placeholder', 'Any user');
    await expect(users).toHaveValue('');

    await users.pressSequentially('QUELLA');
    await expect(page).toHaveURL(/[?&]user=QUELLA/);
    await expect(users).toBeFocused();
    await expect.poll(() => list.jobNames()).toEqual(['q-failed']);
    await expect(page.getByRole('checkbox', { name: 'My jobs' })).toBeChecked();

    await users.fill('Zed');
    await users.press('Enter');
    await expect(page).toHaveURL(/[?&]user=Zed/);
    await expect.poll(() => list.jobNames()).toEqual(['z-failed']);

    await page.goBack();
    await expect(page).toHaveURL(/[?&]user=QUELLA/);
    await expect(users).toHaveValue('QUELLA');
    await page.goBack();
    await expect(page).toHaveURL(/\/jobs\?state=Failed$/);
    await expect(users).toHaveValue('');
  });
});
