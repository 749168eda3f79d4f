import { JobListPage } from './pages/job-list-page.ts';
import { expect, test } from './fixtures/test.ts';

const USER = 'rita';

test.describe('bulk delete in the job list', () => {
  test.use({ signedInAs: USER });

  test('deletes the owner’s ended jobs after naming them; says why others cannot go', async ({
    page,
    api,
    accounts,
  }) => {
    await accounts.storageState(USER);
    const ended = (name: string, username: string, createdTime: number) => ({
      name,
      username,
      state: 'SUCCEEDED' as const,
      createdTime,
      completedTime: createdTime + 1000,
    });
    api.importJobs([
      ended('r-old-1', USER, 1_600_000_000_000),
      ended('r-old-2', USER, 1_600_000_001_000),
      ended('r-keep', USER, 1_600_000_002_000),
      ended('s-theirs', 'sven', 1_600_000_003_000),
    ]);
    const token = (await api.login(USER, `${USER}-password`)).token;
    await api.submitJob(token, USER, { jobName: 'r-live', command: 'sleep 300' });

    try {
      const list = new JobListPage(page);
      await list.goto('?keyword=r-');
      await expect.poll(() => list.jobNames()).toContain('r-live');
      const deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
      const reason = page.getByTestId('delete-reason');
      await expect(deleteButton).toBeDisabled();

      await list.select('r-live');
      await expect(deleteButton).toBeDisabled();
      await expect(reason).toHaveText(
        /^r-live cannot be deleted: it has not ended \((waiting|running)\); stop it first\.$/,
      );
      await list.row('r-live').getByRole('checkbox').uncheck();

      await list.goto('?keyword=s-theirs');
      await list.select('s-theirs');
      await expect(reason).toHaveText(
        's-theirs cannot be deleted: it belongs to sven, and only its owner or an admin may delete it.',
      );

      await list.goto('?keyword=r-old');
      await expect.poll(() => list.jobNames()).toEqual(['r-old-2', 'r-old-1']);
      await list.select('r-old-1');
      await list.select('r-old-2');
      await expect(deleteButton).toBeEnabled();
      await deleteButton.click();
      const dialog = page.getByRole('alertdialog', { name: 'Delete 2 jobs?' });
      const named = dialog.getByRole('list', { name: 'Jobs to delete' });
      await expect(named).toContainText('r-old-1');
      await expect(named).toContainText('r-old-2');
      await expect(dialog).toContainText('It cannot be undone.');
      await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(page.getByText(/^Deleted r-old-(1|2), r-old-(1|2)\.$/)).toBeVisible();
      await expect.poll(() => list.jobNames()).toEqual([]);
      expect(await api.findJob(token, USER, 'r-old-1')).toBeUndefined();
      expect(await api.findJob(token, USER, 'r-keep')).toBeDefined();
    } finally {
      await api.stopJob(token, USER, 'r-live').catch(() => undefined);
    }
  });

  test('a refusal from the server is shown per job', async ({ page, api, accounts }) => {
    await accounts.storageState(USER);
    api.importJobs([
      { name: 'r-gone-1', username: USER, state: 'FAILED', createdTime: 1_600_000_010_000 },
      { name: 'r-gone-2', username: USER, state: 'FAILED', createdTime: 1_600_000_011_000 },
    ]);
    const list = new JobListPage(page);
    await list.goto('?keyword=r-gone');
    await expect.poll(() => list.jobNames()).toEqual(['r-gone-2', 'r-gone-1']);
    await list.select('r-gone-1');
    await list.select('r-gone-2');
    // Someone else deletes one of them meanwhile: the server answers 404 for it.
    const token = (await api.login(USER, `${USER}-password`)).token;
    await api.deleteJob(token, USER, 'r-gone-1');
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page
      .getByRole('alertdialog', { name: 'Delete 2 jobs?' })
      .getByRole('button', { name: 'Delete', exact: true })
      .click();
    const results = page.getByText(/^Deleted r-gone-2\./).locator('..');
    await expect(page.getByText('Deleted r-gone-2.')).toBeVisible();
    await expect(results).toContainText(/Not deleted:\s*r-gone-1: Job \S*r-gone-1 is not found\./);
  });
});

test.describe('bulk delete by an admin', () => {
  test.use({ signedInAs: 'admin' });

  test('deletes other users’ ended jobs from the list', async ({ page, api }) => {
    await api.ensureUser('sven');
    await api.ensureUser('tove');
    api.importJobs([
      {
        name: 'adm-del-sven',
        username: 'sven',
        state: 'SUCCEEDED',
        createdTime: 1_600_000_020_000,
      },
      { name: 'adm-del-tove', username: 'tove', state: 'FAILED', createdTime: 1_600_000_021_000 },
    ]);
    const list = new JobListPage(page);
    await list.goto('?keyword=adm-del');
    await expect.poll(() => list.jobNames()).toEqual(['adm-del-tove', 'adm-del-sven']);
    await list.select('adm-del-sven');
    await list.select('adm-del-tove');
    const deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
    await expect(deleteButton).toBeEnabled();
    await expect(page.getByTestId('delete-reason')).toHaveText('');
    await deleteButton.click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete 2 jobs?' });
    const named = dialog.getByRole('list', { name: 'Jobs to delete' });
    await expect(named).toContainText('adm-del-sven');
    await expect(named).toContainText('adm-del-tove');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(
      page.getByText(/^Deleted adm-del-(sven|tove), adm-del-(sven|tove)\.$/),
    ).toBeVisible();
    await expect.poll(() => list.jobNames()).toEqual([]);
    const admin = await api.admin();
    expect(await api.findJob(admin, 'sven', 'adm-del-sven')).toBeUndefined();
    expect(await api.findJob(admin, 'tove', 'adm-del-tove')).toBeUndefined();
  });
});
