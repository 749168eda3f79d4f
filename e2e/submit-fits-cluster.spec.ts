import { availableParallelism } from 'node:os';
import { expect } from './fixtures/test.ts';
import { seriousViolations } from './pages/axe-report.ts';
import { JobDetailPage } from './pages/job-detail-page.ts';
import { test, uniqueName } from './pages/job-seeding.ts';
import { SubmitPage } from './pages/submit-page.ts';

const USER = 'tess';
test.use({ signedInAs: USER });

/** The e2e server has the built-in cluster: one `default` VC with this machine's CPUs, no GPUs. */
const CPUS = availableParallelism();

/** A config as a person writes it, `tasks` tasks of one CPU each. */
const configText = (jobName: string, tasks: number, memoryMB = 128) =>
  `{
  "jobName": "${jobName}",
  "image": "ubuntu:22.04",
  "virtualCluster": "default",
  "taskRoles": [
    {
      "name": "main",
      "taskNumber": ${tasks},
      "cpuNumber": 1,
      "memoryMB": ${memoryMB},
      "command": "echo hi"
    }
  ]
}
`;

for (const width of [390, 900, 1440]) {
  test(`at ${width} px the submit page shows what the VC has free, and templates that cannot fit are disabled with the reason`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    const submit = new SubmitPage(page);
    await submit.goto();
    const free = page.getByRole('region', { name: 'Free in virtual cluster default' });
    await expect(free).toContainText(new RegExp(`CPUs\\s*\\d+ of ${CPUS}`));
    await expect(free).toContainText(/Memory\s*[\d.]+ GB of [\d.]+ GB/);
    await expect(free).toContainText(/GPUs\s*0 of 0/);
    const box = await free.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Templates' }).click();
    const gpu = page.getByRole('menuitem', { name: /GPU/ });
    await expect(gpu).toBeDisabled();
    await expect(gpu).toContainText('Needs a GPU; virtual cluster default has none.');
    await expect(page.getByRole('menuitem', { name: /Distributed/ })).toBeEnabled();
    await expect(page.getByRole('menuitem', { name: /Hello world/ })).toBeEnabled();
  });
}

test('the distributed and hello-world templates submit and run unchanged on the built-in cluster', async ({
  page,
  seeding,
}) => {
  test.setTimeout(180_000);
  const submit = new SubmitPage(page);
  const detail = new JobDetailPage(page);
  for (const title of ['Distributed', 'Hello world']) {
    await submit.goto();
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('menuitem', { name: new RegExp(title) }).click();
    const jobName = await submit.formField(/^Job name/).inputValue();
    await expect(submit.formField(/^Job name/)).toHaveValue(
      new RegExp(`^${title === 'Distributed' ? 'distributed' : 'hello-world'}-`),
    );
    await expect(page.getByText('No problems found in the config.')).toBeVisible();
    await submit.submitButton.click();
    await expect(page).toHaveURL(`/jobs/${USER}/${jobName}`);
    seeding.track(USER, jobName);
    await expect(detail.stateBadge).toHaveAttribute('data-state', 'Succeeded', {
      timeout: 90_000,
    });
  }
});

test('one list of problems: a config bigger than the VC is marked before Submit, the server refusal is merged into it, and stale messages go', async ({
  page,
}) => {
  const submit = new SubmitPage(page);
  const jobName = uniqueName('toobig');
  await submit.goto();
  await submit.importText(configText(jobName, CPUS + 1));
  const tooBig = `The job needs ${CPUS + 1} vCores (all tasks together) but virtual cluster default has ${CPUS} vCores in total.`;
  const items = submit.problems.getByRole('listitem');
  await expect(items).toHaveCount(1);
  await expect(items).toContainText(tooBig);
  await expect(submit.problems).toContainText('1 problem in the config');

  // The server says the same: still listed once, and the bar points at the list.
  await submit.submitButton.click();
  await expect(page.getByText(/The server did not accept the config/)).toBeVisible();
  await expect(items).toHaveCount(1);
  await expect(page.getByText('No problems found in the config.')).toHaveCount(0);

  // Fewer tasks: the problem, the server's answer about it and the bar all go.
  await submit.retypeLineEnd(`"taskNumber": ${CPUS + 1}`, 2, '1,');
  await expect(page.getByText('No problems found in the config.')).toBeVisible();
  await expect(page.getByText(/The server did not accept the config/)).toHaveCount(0);

  // A schema problem the editor and the server both find is listed once, in the server's words.
  await submit.retypeLineEnd('"memoryMB": 128', 4, '50,');
  await expect(items).toHaveCount(1);
  await expect(items).toContainText('Value is below the minimum of 100');
  await submit.submitButton.click();
  await expect(page.getByText(/The server did not accept the config/)).toBeVisible();
  await expect(items).toHaveCount(1);
  await expect(items).toContainText('taskRoles[0].memoryMB must be >= 100');

  // A syntax error's message goes as soon as the text changes.
  await submit.retypeLineEnd('"memoryMB": 50', 1, '');
  await submit.submitButton.click();
  const syntax = page.getByText(/^The JSON is not valid:/);
  await expect(syntax).toBeVisible();
  await submit.retypeLineEnd('"memoryMB": 50', 0, ',');
  await expect(syntax).toHaveCount(0);
});
