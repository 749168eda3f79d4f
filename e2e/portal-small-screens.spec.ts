import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures/test.ts';
import { seriousViolations } from './pages/axe-report.ts';
import { JobListPage } from './pages/job-list-page.ts';
import { test } from './pages/job-seeding.ts';

const USER = 'wanda';
test.use({ signedInAs: USER });

const WIDTHS = [390, 900, 1440];

/** The element lies wholly inside the window's width: nothing of it is cut off or off-screen. */
async function expectOnScreen(page: Page, locator: Locator): Promise<void> {
  const width = page.viewportSize()!.width;
  // Polled: a refresh may replace the element between finding it and measuring it.
  await expect
    .poll(async () => {
      const box = await locator.boundingBox();
      return box === null ? 'not rendered' : box.x >= 0 && box.x + box.width <= width;
    })
    .toBe(true);
}

/** The page does not scroll sideways: nothing is laid out past the right edge. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    return Math.max(
      main.scrollWidth - main.clientWidth,
      document.documentElement.scrollWidth - window.innerWidth,
    );
  });
  expect(overflow).toBeLessThanOrEqual(1);
}

async function settle(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length),
    )
    .toBe(0);
}

test.beforeAll(({ api }) => {
  api.importJobs([
    {
      name: 'narrow-finished-with-a-long-name',
      username: USER,
      state: 'SUCCEEDED',
      createdTime: Date.now() - 7_200_000,
      completedTime: Date.now() - 3_600_000,
    },
  ]);
});

for (const width of WIDTHS) {
  test(`at ${width} px: navigation reachable, Name and State visible, nothing cut off, no serious axe violation`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    const nav = page.getByRole('navigation', { name: 'Main' });
    if (width < 720) {
      await expect(nav.getByRole('link', { name: 'Jobs' })).toBeHidden();
      await menu.click();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await nav.getByRole('link', { name: 'Jobs' }).click();
      await expect(page).toHaveURL(/\/jobs$/);
      await expect(nav.getByRole('link', { name: 'Jobs' })).toBeHidden();
    } else {
      await expect(menu).toBeHidden();
      await nav.getByRole('link', { name: 'Jobs' }).click();
      await expect(page).toHaveURL(/\/jobs$/);
      await page.mouse.move(width - 8, 780); // axe measures colours at rest, not under the pointer
    }

    // Only this job: what other specs submitted to the same server must not push it off the page.
    const list = new JobListPage(page);
    await list.goto('?keyword=narrow-finished-with-a-long-name');
    const row = list.row('narrow-finished-with-a-long-name');
    await expect(row).toBeVisible();
    await expectOnScreen(page, row.getByRole('link', { name: 'narrow-finished-with-a-long-name' }));
    await expectOnScreen(page, row.locator('[data-state]'));
    await expectOnScreen(page, page.getByRole('button', { name: 'Refresh' }));
    await expectOnScreen(page, page.getByRole('switch', { name: 'Auto refresh' }));
    await settle(page);
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);

    for (const path of ['/', `/jobs/${USER}/narrow-finished-with-a-long-name`]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('main [data-state]').first()).toBeVisible();
      await settle(page);
      await expectNoSidewaysScroll(page);
      expect(await seriousViolations(page)).toEqual([]);
    }
  });
}
