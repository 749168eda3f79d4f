import { expect } from './fixtures/test.ts';
import { seriousViolations } from './pages/axe-report.ts';
import { AppShell } from './pages/app-shell.ts';
import { test } from './pages/job-seeding.ts';

test.use({ signedInAs: 'admin' });

/**
 * The e2e server's `default` VC is this machine; a VC made here takes a share of it. At 60% of a
 * 2-CPU machine one 1-CPU job runs and the next ones wait (README, Virtual clusters).
 */
test('creates, resizes and removes a virtual cluster, showing its live use and waiting queue', async ({
  page,
  api,
  seeding,
  server,
}) => {
  test.setTimeout(180_000);
  const vc = `team_${Date.now().toString(36)}`;
  await page.goto('/');
  await new AppShell(page).nav.getByRole('link', { name: 'Virtual clusters' }).click();
  await expect(page).toHaveURL('/admin/virtual-clusters');

  await page.getByRole('button', { name: 'New virtual cluster' }).click();
  const create = page.getByRole('alertdialog', { name: 'New virtual cluster' });
  await create.getByLabel('Name').fill(vc);
  await create.getByLabel('Capacity (% of default)').fill('30');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(create).toHaveCount(0);
  const card = page.getByRole('region', { name: vc });
  const cpus = card.getByRole('meter', { name: 'CPUs used' });
  await expect(cpus).toHaveAttribute('aria-valuemax', '0.6');

  await card.getByRole('button', { name: `Resize ${vc}` }).click();
  const resize = page.getByRole('alertdialog', { name: `Resize ${vc}` });
  await resize.getByLabel('Capacity (% of default)').fill('60');
  await resize.getByRole('button', { name: 'Resize' }).click();
  await expect(resize).toHaveCount(0);
  await expect(cpus).toHaveAttribute('aria-valuemax', '1.2');

  const admin = await api.admin();
  const jobs = ['first', 'second', 'third'].map((name) => `${vc}-${name}`);
  for (const jobName of jobs) {
    await api.submitJob(admin, server.adminUsername, {
      jobName,
      command: 'sleep 300',
      virtualCluster: vc,
    });
    seeding.track(server.adminUsername, jobName);
  }
  await expect(card.getByTestId(`jobs-${vc}`)).toHaveText('1 running, 2 waiting', {
    timeout: 60_000,
  });
  await expect(cpus).toHaveAttribute('aria-valuenow', '1');
  await expect(card.getByRole('meter', { name: 'Memory used' })).toHaveAttribute(
    'aria-valuetext',
    /^0\.1 \/ /,
  );
  await expect(card.getByText('Free: 0.2 CPUs')).toBeVisible();
  await expect(
    card.getByRole('list', { name: `Waiting queue of ${vc}` }).getByRole('link'),
  ).toHaveText([jobs[1]!, jobs[2]!]);

  await card.getByRole('button', { name: `Remove ${vc}` }).click();
  const remove = page.getByRole('alertdialog', { name: `Remove ${vc}?` });
  await remove.getByRole('button', { name: 'Remove' }).click();
  await expect(remove).toContainText('3 jobs are running, stop them before delete vc');
  await remove.getByRole('button', { name: 'Cancel' }).click();

  await seeding.stopAll();
  await expect(card.getByTestId(`jobs-${vc}`)).toHaveText('0 running, 0 waiting', {
    timeout: 60_000,
  });
  await card.getByRole('button', { name: `Remove ${vc}` }).click();
  await remove.getByRole('button', { name: 'Remove' }).click();
  await expect(card).toHaveCount(0);
});

test('has no serious accessibility violations', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/admin/virtual-clusters');
  await expect(page.getByRole('region', { name: 'default' })).toBeVisible();
  await expect(page.getByText('No job is waiting.').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
