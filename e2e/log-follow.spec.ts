import type { Locator } from '@playwright/test';
import { expect } from './fixtures/test.ts';
import { JobDetailPage } from './pages/job-detail-page.ts';
import { oneTaskConfig, test, uniqueName } from './pages/job-seeding.ts';

const USER = 'fiona';
test.use({ signedInAs: USER });

/** Windows 900 px high (and a phone's), at the widths the portal is checked at. */
const WINDOWS = [
  { width: 1440, height: 900 },
  { width: 900, height: 900 },
  { width: 390, height: 844 },
];

/** The number of the last line shown (line numbers are the first span of each line). */
const lastLineNumber = async (log: Locator) =>
  Number(await log.locator(':scope > div').last().locator('span').first().textContent());

test('following a log keeps its newest line in view; scrolling up pauses it until the bottom is reached again', async ({
  page,
  seeding,
}) => {
  test.setTimeout(180_000);
  const jobName = uniqueName('follow');
  await seeding.submitText(
    USER,
    oneTaskConfig(jobName, 'for i in $(seq 1 2400); do echo "line-$i"; sleep 0.05; done'),
  );
  const detail = new JobDetailPage(page);
  await page.setViewportSize(WINDOWS[0]!);
  await page.goto(`/jobs/${USER}/${jobName}?tab=logs&task=main%2F0`);
  const log = detail.logText();
  const following = page.getByText('Following: the newest line stays in view. Scroll up to pause.');
  await expect(following).toBeVisible({ timeout: 60_000 });

  for (const size of WINDOWS) {
    await page.setViewportSize(size);
    // Past the fold of the window at first: the page must bring the newest line up, and keep it.
    await expect.poll(() => lastLineNumber(log), { timeout: 30_000 }).toBeGreaterThan(60);
    const before = await lastLineNumber(log);
    await expect.poll(() => lastLineNumber(log), { timeout: 15_000 }).toBeGreaterThan(before + 5);
    await expect(log.locator(':scope > div').last()).toBeInViewport({ ratio: 1 });
  }

  // Scrolling the log up pauses following: the view stays where the person put it.
  await log.evaluate((element) => {
    element.scrollTop = 0;
  });
  const paused = page.getByText(/Paused while you read above; new lines are added below\./);
  await expect(paused).toBeVisible();
  const lastWhenPaused = await lastLineNumber(log);
  await expect.poll(() => lastLineNumber(log), { timeout: 15_000 }).toBeGreaterThan(lastWhenPaused);
  expect(await log.evaluate((element) => element.scrollTop)).toBe(0);
  await expect(log.locator(':scope > div').first()).toBeInViewport();

  // Back at the bottom, it follows again.
  await log.evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(following).toBeVisible();
  const resumedAt = await lastLineNumber(log);
  await expect.poll(() => lastLineNumber(log), { timeout: 15_000 }).toBeGreaterThan(resumedAt);
  await expect(log.locator(':scope > div').last()).toBeInViewport({ ratio: 1 });

  // "Jump to the newest line" does the same.
  await log.evaluate((element) => {
    element.scrollTop = 0;
  });
  await page.getByRole('button', { name: 'Jump to the newest line' }).click();
  await expect(following).toBeVisible();
  const jumpedAt = await lastLineNumber(log);
  await expect.poll(() => lastLineNumber(log), { timeout: 15_000 }).toBeGreaterThan(jumpedAt);
  await expect(log.locator(':scope > div').last()).toBeInViewport({ ratio: 1 });
});
