import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures/test.ts';
import { test as base, uniqueName } from './pages/job-seeding.ts';

const USER = 'lena';
const test = base;
test.use({ signedInAs: USER });

const titleLeft = async (page: Page) =>
  (await page.getByRole('heading', { level: 1 }).boundingBox())?.x;

test("every task role's table has the same columns in the same places", async ({
  page,
  seeding,
}) => {
  const jobName = uniqueName('roles');
  // Different contents per role (ports only in the second) would size free columns differently.
  const role = (name: string, portList: { label: string }[]) => ({
    name,
    taskNumber: 1,
    cpuNumber: 1,
    memoryMB: 128,
    portList: portList.map(({ label }) => ({ label, beginAt: 0, portNumber: 1 })),
    command: 'sleep 600',
  });
  await seeding.submitText(
    USER,
    JSON.stringify({
      jobName,
      image: 'ubuntu:22.04',
      taskRoles: [
        role('a', []),
        role('parameterServerWithALongName', [
          { label: 'tensorboard' },
          { label: 'jupyter' },
          { label: 'metrics' },
        ]),
      ],
    }),
  );
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/jobs/${USER}/${jobName}`);
  const tables = page.locator('section[aria-label^="Task role"] table');
  await expect(tables).toHaveCount(2);
  await expect(tables.nth(1)).toContainText('tensorboard');
  const columnsOf = (index: number) =>
    tables
      .nth(index)
      .locator('th')
      .evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().x)));
  await expect.poll(async () => (await columnsOf(0)).length).toBe(7);
  expect(await columnsOf(1)).toEqual(await columnsOf(0));
});

test('the page-not-found page lines up with every other page', async ({ page }) => {
  await page.goto('/jobs');
  await expect(page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible();
  const jobs = await titleLeft(page);
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found', level: 1 })).toBeVisible();
  expect(await titleLeft(page)).toBe(jobs);
});

test("the job list's headers are shown in full at 1440 px", async ({ page, seeding }) => {
  await seeding.submitText(
    USER,
    JSON.stringify({
      jobName: uniqueName('header'),
      image: 'ubuntu:22.04',
      taskRoles: [{ name: 'main', taskNumber: 1, cpuNumber: 1, memoryMB: 128, command: 'true' }],
    }),
  );
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/jobs');
  const header = page.getByRole('columnheader', { name: 'Virtual cluster' });
  await expect(header).toBeVisible();
  const cut = await header
    .locator('.ms-DetailsHeader-cellName')
    .evaluate((name) => name.scrollWidth > name.clientWidth);
  expect(cut).toBe(false);
});

/** Left edges of the page's title, the given elements, and the page's content box. */
async function leftEdges(page: Page, parts: Record<string, Locator>) {
  const edges: Record<string, number | undefined> = {
    content: await page
      .locator('main')
      .evaluate(
        (main) => main.getBoundingClientRect().x + parseFloat(getComputedStyle(main).paddingLeft),
      ),
    title: await titleLeft(page),
  };
  for (const [name, locator] of Object.entries(parts)) {
    await expect(locator).toBeVisible();
    edges[name] = (await locator.boundingBox())?.x;
  }
  return edges;
}

/** Every named edge at the same x, reported by name when one is off. */
function expectOneEdge(edges: Record<string, number | undefined>): void {
  const content = edges.content!;
  expect(edges).toEqual(Object.fromEntries(Object.keys(edges).map((name) => [name, content])));
}

test.describe('one left edge', () => {
  test.use({ signedInAs: 'admin' });

  for (const width of [1440, 900, 390]) {
    test(`titles, the search box and the content line up at ${width} px`, async ({
      page,
      seeding,
    }) => {
      const jobName = uniqueName('edge');
      await seeding.submitText(
        'admin',
        JSON.stringify({
          jobName,
          image: 'ubuntu:22.04',
          taskRoles: [
            { name: 'main', taskNumber: 1, cpuNumber: 1, memoryMB: 128, command: 'true' },
          ],
        }),
      );
      await page.setViewportSize({ width, height: 900 });
      const pages: [string, (page: Page) => Record<string, Locator>][] = [
        ['/', (p) => ({ card: p.getByRole('region', { name: 'My jobs' }) })],
        [
          '/jobs',
          (p) => ({
            search: p.getByRole('search', { name: 'Filter jobs' }).locator('.ms-SearchBox'),
            table: p.getByRole('grid'),
          }),
        ],
        [
          `/jobs/admin/${jobName}`,
          (p) => ({
            back: p.getByRole('main').getByRole('link', { name: '← Jobs' }),
            tabs: p.getByRole('tablist'),
          }),
        ],
        ['/submit', (p) => ({ templates: p.getByRole('button', { name: /^Templates/ }) })],
        ['/admin/users', (p) => ({ table: p.getByRole('table', { name: 'Users' }) })],
        ['/admin/virtual-clusters', (p) => ({ card: p.getByRole('region', { name: 'default' }) })],
      ];
      for (const [path, parts] of pages) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await test.step(path, async () => expectOneEdge(await leftEdges(page, parts(page))));
      }
      // The log's controls wrap: each line of them starts at the content's edge.
      await page.goto(`/jobs/admin/${jobName}?tab=logs&task=main%2F0`);
      const search = page.getByRole('searchbox', { name: 'Search the log' });
      await expect(search).toBeVisible();
      const { content } = await leftEdges(page, {});
      const starts = await search.evaluate((element) => {
        let item: Element = element;
        while (item.parentElement && getComputedStyle(item.parentElement).flexWrap !== 'wrap')
          item = item.parentElement;
        let previous = Infinity;
        return [...item.parentElement!.children].flatMap((child) => {
          const x = child.getBoundingClientRect().x;
          const startsLine = x <= previous;
          previous = x;
          return startsLine ? [x] : [];
        });
      });
      expect(starts.length).toBeGreaterThan(0);
      expect(starts, 'log controls: left edge of each line').toEqual(starts.map(() => content));
    });
  }

  for (const width of [1440, 900]) {
    test(`"Clear filters" sits on the filters' row at ${width} px`, async ({ page }) => {
      // Low enough that the page scrolls: its scroll bar takes 15 px of the row's width.
      await page.setViewportSize({ width, height: 300 });
      await page.goto('/jobs?state=Failed');
      const filters = page.getByRole('search', { name: 'Filter jobs' });
      const clear = filters.getByRole('button', { name: 'Clear filters' });
      await expect(clear).toBeVisible();
      const main = page.getByRole('main');
      expect(await main.evaluate((m) => m.scrollHeight > m.clientHeight)).toBe(true);
      const clusters = await filters
        .getByRole('combobox', { name: 'Virtual cluster' })
        .boundingBox();
      const button = await clear.boundingBox();
      // Filters are aligned at their bottom edge: a row of its own puts the button 40 px lower.
      expect(button!.y + button!.height).toBeCloseTo(clusters!.y + clusters!.height, 0);
      expect(button!.x).toBeGreaterThan(clusters!.x);
    });
  }
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('a disabled button looks disabled beside an enabled one', async ({ page }) => {
    await page.goto('/jobs');
    const stop = page.getByRole('button', { name: 'Stop', exact: true });
    await expect(stop).toBeDisabled();
    const contrast = (button: Locator) =>
      button.evaluate((element) => {
        const luminance = (css: string) => {
          const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((channel) => {
            const c = Number(channel) / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const text = luminance(getComputedStyle(element).color);
        const page = luminance(getComputedStyle(document.body).backgroundColor);
        return (Math.max(text, page) + 0.05) / (Math.min(text, page) + 0.05);
      });
    const refresh = page.getByRole('button', { name: 'Refresh' });
    await expect(refresh).toBeEnabled();
    // Enabled text is white on near black (~17:1); disabled text must be clearly dimmer.
    expect(await contrast(stop)).toBeLessThan((await contrast(refresh)) / 2);
  });
});
