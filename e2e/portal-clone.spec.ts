import { expect } from './fixtures/test.ts';
import { JobDetailPage } from './pages/job-detail-page.ts';
import { oneTaskConfig, test, uniqueName } from './pages/job-seeding.ts';
import { SubmitPage } from './pages/submit-page.ts';

const USER = 'cleo';
test.use({ signedInAs: USER });

test('clone appends the first free -N and never changes a digit of the name', async ({
  page,
  seeding,
}) => {
  const jobName = `${uniqueName('bert')}-seq-512`;
  await seeding.submitText(USER, oneTaskConfig(jobName, 'true'));
  const detail = new JobDetailPage(page);
  await detail.goto(USER, jobName);
  await page.getByRole('link', { name: 'Clone' }).click();
  const submit = new SubmitPage(page);
  await expect(submit.formField(/^Job name/)).toHaveValue(`${jobName}-2`);
});

test("another user's job: Clone is disabled with its reason, and a clone link says why without a useless Retry", async ({
  page,
  api,
  seeding,
}) => {
  const owner = 'otto';
  await api.ensureUser(owner);
  const jobName = uniqueName('theirs');
  await seeding.submitText(owner, oneTaskConfig(jobName, 'true'));
  const detail = new JobDetailPage(page);
  await detail.goto(owner, jobName);
  await expect(detail.button('Clone')).toBeDisabled();
  await expect(
    page.getByText(`Clone is not available: only ${owner} or an admin can read its config.`),
  ).toBeVisible();

  await page.goto(`/submit?clone=${encodeURIComponent(`${owner}~${jobName}`)}`);
  await expect(page.getByText(`Could not clone ${owner}~${jobName}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Start a new job instead' })).toBeVisible();
});

test('an imported job clones only when its config came with it, and says why not otherwise', async ({
  page,
  api,
}) => {
  const withConfig = uniqueName('imported-with');
  const without = uniqueName('imported-without');
  const createdTime = Date.now() - 86_400_000;
  api.importJobs([
    {
      name: withConfig,
      username: USER,
      state: 'SUCCEEDED',
      createdTime,
      completedTime: createdTime + 60_000,
      config: oneTaskConfig(withConfig, 'true'),
    },
    { name: without, username: USER, state: 'SUCCEEDED', createdTime, completedTime: null },
  ]);
  const detail = new JobDetailPage(page);
  await detail.goto(USER, without);
  await expect(detail.button('Clone')).toBeDisabled();
  await expect(
    page.getByText('Clone is not available: its config was not imported with it.'),
  ).toBeVisible();

  await detail.goto(USER, withConfig);
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Succeeded');
  await expect(page.getByText(/Clone is not available/)).toHaveCount(0);
  await page.getByRole('link', { name: 'Clone' }).click();
  await expect(new SubmitPage(page).formField(/^Job name/)).toHaveValue(`${withConfig}-2`);
});

test.describe('an administrator', () => {
  test.use({ signedInAs: 'admin' });

  test("clones another user's job", async ({ page, api, seeding }) => {
    const owner = 'otto';
    await api.ensureUser(owner);
    const jobName = uniqueName('admin-clones');
    await seeding.submitText(owner, oneTaskConfig(jobName, 'true'));
    const detail = new JobDetailPage(page);
    await detail.goto(owner, jobName);
    await expect(page.getByText(/Clone is not available/)).toHaveCount(0);
    await page.getByRole('link', { name: 'Clone' }).click();
    await expect(new SubmitPage(page).formField(/^Job name/)).toHaveValue(`${jobName}-2`);
  });
});
