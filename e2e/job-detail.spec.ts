import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from './fixtures/test.ts';
import { JobDetailPage } from './pages/job-detail-page.ts';
import { oneTaskConfig, test, uniqueName } from './pages/job-seeding.ts';

const USER = 'dana';
test.use({ signedInAs: USER });

test('the logs show what the task printed, follow it while it runs, search it and download it whole', async ({
  page,
  seeding,
}) => {
  const jobName = uniqueName('logs');
  await seeding.submitText(
    USER,
    oneTaskConfig(
      jobName,
      'echo "first line of $PAI_JOB_NAME"; echo "to stderr" >&2; for i in $(seq 1 40); do echo "tick-$i"; sleep 1; done',
    ),
  );
  const detail = new JobDetailPage(page);
  await detail.goto(USER, jobName);
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Running', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Logs of main[0]' }).click();
  await expect(page).toHaveURL(/tab=logs&task=main%2F0/);
  const log = detail.logText();
  await expect(log).toContainText(`first line of ${jobName}`);
  await expect(log).toContainText('tick-2');
  await expect(page.getByRole('switch', { name: 'Follow' })).toBeChecked();
  await expect(log).toContainText('tick-5', { timeout: 30_000 }); // followed without a reload

  await page.getByRole('searchbox', { name: 'Search the log' }).fill('TICK-3');
  await expect(page.getByText(/^1 of \d+ lines match$/)).toBeVisible();
  await expect(log.locator('mark')).toHaveText('tick-3');
  await page.getByRole('searchbox', { name: 'Search the log' }).fill('');

  await detail.chooseStream('stderr');
  await expect(log).toHaveText(/to stderr/);
  await expect(page).toHaveURL(/stream=stderr/);

  await detail.chooseStream('stdout');
  const whole = await detail.download(detail.button('Download full log'));
  expect(whole.fileName).toBe(`${jobName}-main-0-stdout.log`);
  expect(whole.text.startsWith(`first line of ${jobName}\ntick-1\n`)).toBe(true);
});

test('stop a running job: it asks first, then the job ends STOPPED', async ({ page, seeding }) => {
  const jobName = uniqueName('stop');
  await seeding.submitText(USER, oneTaskConfig(jobName, 'sleep 300'));
  const detail = new JobDetailPage(page);
  await detail.goto(USER, jobName);
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Running', { timeout: 60_000 });
  await detail.button('Stop').click();
  const dialog = page.getByRole('alertdialog', { name: `Stop ${jobName}?` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Running');

  await detail.button('Stop').click();
  await dialog.getByRole('button', { name: 'Stop job' }).click();
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Stopped', { timeout: 60_000 });
  await expect(detail.button('Stop')).toBeDisabled();
  await expect(page.getByRole('switch', { name: 'Auto-refresh' })).toBeDisabled();
});

test('the SSH steps work as copied, non-interactively, the first time: the host is checked against its published key', async ({
  page,
  seeding,
}) => {
  const jobName = uniqueName('ssh');
  await seeding.submitText(USER, oneTaskConfig(jobName, 'sleep 300'));
  const detail = new JobDetailPage(page);
  await detail.goto(USER, jobName);
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Running', { timeout: 60_000 });
  await page.getByRole('button', { name: 'SSH to main[0]' }).click();
  const keyFile = `${USER}~${jobName}`;
  const sshCommand = page.getByLabel('SSH command', { exact: true });
  await expect(sshCommand).toHaveText(
    new RegExp(
      `^ssh -i ${keyFile} -p \\d+ -o UserKnownHostsFile=${keyFile}\\.known_hosts -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes ${USER}@127\\.0\\.0\\.1$`,
    ),
    { timeout: 30_000 },
  );
  const port = /-p (\d+)/.exec((await sshCommand.textContent()) ?? '')![1]!;
  await expect(page.getByRole('combobox', { name: 'Task' })).toContainText(
    `main[0] — port ${port}`,
  );
  await expect(page.getByLabel('~/.ssh/config block', { exact: true })).toContainText(
    `Port ${port}`,
  );

  // Each step as copied, in a folder with the downloaded key and a HOME with no ~/.ssh at all.
  const folder = await mkdtemp(join(tmpdir(), 'pai-ssh-steps-'));
  const home = await mkdtemp(join(tmpdir(), 'pai-ssh-home-'));
  const key = await detail.download(detail.button('Download private key'));
  expect(key.fileName).toBe(keyFile);
  await copyFile(key.path, join(folder, keyFile));
  const step = async (label: string) =>
    (await page.getByLabel(label, { exact: true }).textContent()) ?? '';
  const copied = [
    await step('chmod command'),
    await step('known_hosts command'),
    // BatchMode: any prompt (an unknown host, a passphrase) fails instead of waiting.
    `${(await step('SSH command')).replace(/^ssh /, 'ssh -o BatchMode=yes ')} 'echo "inside $PAI_JOB_NAME"'`,
  ];
  const run = (script: string[]) =>
    promisify(execFile)('sh', ['-ec', script.join('\n')], {
      cwd: folder,
      env: { PATH: process.env.PATH, HOME: home },
      timeout: 30_000,
    });
  const { stdout } = await run(copied);
  expect(stdout.trim()).toBe(`inside ${jobName}`);

  // The check is real: a known_hosts line with another key is refused.
  const { stdout: otherKey } = await promisify(execFile)('ssh-keygen', [
    '-y',
    '-f',
    join(folder, keyFile),
  ]);
  const spoofed = [
    `echo '127.0.0.1,[127.0.0.1]:* ${otherKey.trim()}' > ${keyFile}.known_hosts`,
    copied[2]!,
  ];
  await expect(run(spoofed)).rejects.toMatchObject({
    stderr: expect.stringMatching(/Host key verification failed/),
  });
  await rm(folder, { recursive: true, force: true });
  await rm(home, { recursive: true, force: true });
});

test('a failed job says why at the top, and SSH says why it is not available', async ({
  page,
  seeding,
}) => {
  const jobName = uniqueName('fail');
  await seeding.submitText(USER, oneTaskConfig(jobName, 'echo "about to fail"; exit 3'));
  const detail = new JobDetailPage(page);
  await detail.goto(USER, jobName);
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Failed', { timeout: 60_000 });
  await expect(page.getByText(/The job failed with exit code 3/)).toBeVisible();
  await expect(page.getByText(/main\[0\] exited with code 3/).first()).toBeVisible();
  await detail.tab('SSH');
  await expect(
    page.getByText(/The job has ended \(failed\), and SSH closed with its tasks/),
  ).toBeVisible();
});

test("a legacy job's page: badge, config, stop rules and a clone that becomes a namespaced job", async ({
  page,
  api,
}) => {
  const config = `{\n  "jobName": "legacy-e2e",\n  "image": "old/image:1",\n  "taskRoles": [{"name": "main", "command": "echo from-legacy", "memoryMB": 128}]\n}\n`;
  api.importJobs([
    {
      name: 'legacy-e2e',
      username: USER,
      legacy: true,
      state: 'SUCCEEDED',
      createdTime: Date.now() - 3_600_000,
      completedTime: Date.now() - 3_000_000,
      virtualCluster: 'default',
      config,
    },
  ]);
  const detail = new JobDetailPage(page);
  await detail.goto(null, 'legacy-e2e');
  await expect(detail.heading).toHaveText('legacy-e2e');
  await expect(detail.legacyBadge).toBeVisible();
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Succeeded');
  await expect(detail.button('Stop')).toBeDisabled();
  await detail.tab('Config');
  expect((await detail.download(detail.button('Download'))).text).toBe(config);

  await page.getByRole('link', { name: 'Clone' }).click();
  await expect(page).toHaveURL('/submit?clone=legacy-e2e');
  await expect(page.getByText(/It will be a normal job in your namespace/)).toBeVisible();
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(page).toHaveURL(`/jobs/${USER}/legacy-e2e-2`);
  await expect(detail.legacyBadge).toHaveCount(0);
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Succeeded', { timeout: 60_000 });
});

test("another user's job: status for all, but config, SSH, logs, stop and clone say who may use them", async ({
  page,
  api,
  seeding,
}) => {
  const owner = 'erin';
  await api.ensureUser(owner);
  const jobName = uniqueName('theirs');
  await seeding.submitText(owner, oneTaskConfig(jobName, 'sleep 300'));
  const detail = new JobDetailPage(page);
  await detail.goto(owner, jobName);
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Running', { timeout: 60_000 });
  await expect(detail.button('Stop')).toBeDisabled();
  await expect(
    page.getByText(`Stop is not available: only ${owner} or an admin may stop it.`),
  ).toBeVisible();
  await expect(detail.button('Clone')).toBeDisabled(); // disabled, it is a button, not a link
  await detail.tab('Config');
  await expect(
    page.getByText(`Only ${owner} or an admin can read this job's config`),
  ).toBeVisible();
  await detail.tab('SSH');
  await expect(
    page.getByText(`Only ${owner} or an admin can SSH into this job's tasks`),
  ).toBeVisible();
  await detail.tab('Logs');
  await expect(page.getByText(`Only ${owner} or an admin can read this job's logs.`)).toBeVisible();
});
