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
