import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { builtFile } from './fixtures/build-files.ts';
import { expect, test } from './fixtures/test.ts';

const KB = 1000;
/** Files of the chunks the build made for these source modules. */
const chunkFiles = (...modules: string[]): string[] => modules.map(builtFile);

/** The app's entry script (index.html's own entry, not the early one). */
const appEntryFile = () => builtFile('index.html');

/** Every script and style the page requests, with the gzip size of its body (as a server sends it). */
function recordScriptsAndStyles(page: Page): () => Promise<Map<string, number>> {
  const bodies = new Map<string, Promise<Buffer>>();
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || type === 'stylesheet')
      bodies.set(new URL(response.url()).pathname, response.body());
  });
  return async () => {
    const sizes = new Map<string, number>();
    for (const [path, body] of bodies) sizes.set(path, gzipSync(await body).length);
    return sizes;
  };
}

test.describe('first load', () => {
  test('signed out, / loads only the sign-in page: at most 200 KB gzip of scripts and styles', async ({
    page,
  }) => {
    const loaded = recordScriptsAndStyles(page);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login\?from=%2F$/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const sizes = await loaded();
    const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
    const listing = [...sizes].map(([path, size]) => `${path} ${size}`).join(', ');
    test.info().annotations.push({ type: 'sign-in bytes', description: `${total} B gzip` });
    expect(total, listing).toBeLessThanOrEqual(200 * KB);
    // The guard decided before any signed-in page's code was asked for.
    for (const file of chunkFiles('src/app/routes/layout.tsx', 'src/app/routes/dashboard.tsx'))
      expect([...sizes.keys()], listing).not.toContain(file);
  });

  test('signed out, /jobs asks for no jobs and draws none: it goes to sign in', async ({
    page,
  }) => {
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto('/jobs');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(asked).not.toContain('/api/v1/jobs');
    await expect(page.locator('[data-first-paint]')).toHaveCount(0);
  });

  test('the local server writes the config into index.html: no config.json request', async ({
    page,
  }) => {
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    const block = page.locator('script#pai-config[type="application/json"]');
    expect(JSON.parse((await block.textContent()) ?? '')).toMatchObject({ restServerUri: '' });
    expect(asked).not.toContain('/config.json');
  });
});

test.describe('first load, signed in', () => {
  test.use({ signedInAs: 'quinn' });

  test('/jobs draws its first page before the app runs, from the one list request the app then uses', async ({
    page,
    api,
  }) => {
    const prefix = `early-${Date.now().toString(36)}`;
    const now = Date.now();
    api.importJobs(
      ['c', 'b', 'a'].map((letter, index) => ({
        name: `${prefix}-${letter}`,
        username: 'quinn',
        state: 'SUCCEEDED',
        createdTime: now - (index + 1) * 60_000,
        completedTime: now,
      })),
    );
    // The app's entry script is held until the drawing has been checked.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**${appEntryFile()}`, async (route) => {
      await held;
      await route.continue();
    });
    const asked: string[] = [];
    const answers: Promise<{ data: { name: string }[] }>[] = [];
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
    });
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/v1/jobs') answers.push(response.json());
    });

    await page.goto(`/jobs?user=quinn&keyword=${prefix}`, { waitUntil: 'commit' });
    const drawing = page.locator('[data-first-paint]');
    await expect(drawing.getByRole('link', { includeHidden: true })).toHaveText([
      `${prefix}-c`,
      `${prefix}-b`,
      `${prefix}-a`,
    ]);
    expect(
      (await Promise.all(answers)).map((answer) => answer.data.map((job) => job.name)),
    ).toEqual([[`${prefix}-c`, `${prefix}-b`, `${prefix}-a`]]);
    // Only for the eye: nothing in it can be reached, by a pointer, a key or a screen reader.
    await expect(drawing).toHaveAttribute('aria-hidden', 'true');
    expect(await drawing.evaluate((element) => (element as HTMLElement).inert)).toBe(true);
    await expect(page.getByRole('link', { name: `${prefix}-c` })).toHaveCount(0);
    // The page's chunks were asked for too, before the app's entry has run.
    for (const chunk of chunkFiles('src/app/routes/layout.tsx', 'src/app/routes/jobs.tsx'))
      expect(asked).toContain(chunk);

    release();
    const grid = page.getByRole('grid', { name: 'Jobs' });
    await expect(grid.getByRole('link', { name: `${prefix}-c` })).toBeVisible();
    await expect(drawing).toHaveCount(0);
    // The app took the drawing's answer: the list was asked for once.
    expect(asked.filter((path) => path === '/api/v1/jobs')).toEqual(['/api/v1/jobs']);
    // The full icon set arrived before the app started: the sign-in page's few were not
    // registered over it.
    expect(warnings).toEqual([]);
  });

  test('/jobs with a slow list: the app does not wait for the early drawing, it shows its frame', async ({
    page,
  }) => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/jobs?*', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/jobs');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
    release();
    await expect(page.getByRole('grid', { name: 'Jobs' })).toBeVisible();
  });

  test('/jobs with an answer that is not a page of jobs draws nothing, and the app says what went wrong', async ({
    page,
  }) => {
    await page.route('**/api/v1/jobs?*', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'UnknownError', message: 'The store is unreadable.' }),
      }),
    );
    let drawn = false;
    await page.exposeFunction('noteFirstPaint', () => (drawn = true));
    await page.addInitScript(() =>
      new MutationObserver(() => {
        if (document.querySelector('[data-first-paint]'))
          (window as unknown as { noteFirstPaint: () => void }).noteFirstPaint();
      }).observe(document, { childList: true, subtree: true }),
    );
    await page.goto('/jobs');
    await expect(page.getByText('The store is unreadable.')).toBeVisible({ timeout: 30_000 });
    expect(drawn).toBe(false);
  });

  test("a second visit takes the page's code from the browser cache: no request for it", async ({
    page,
    context,
  }) => {
    await page.goto('/jobs');
    await expect(page.getByRole('grid', { name: 'Jobs' })).toBeVisible();
    const again = await context.newPage();
    await again.goto('/jobs');
    await expect(again.getByRole('grid', { name: 'Jobs' })).toBeVisible();
    // A file from the cache has no transfer; a revalidated one (304) has its headers' size.
    const code = await again.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry as PerformanceResourceTiming)
        .filter((entry) => /\/(assets|fonts)\//.test(new URL(entry.name).pathname))
        .map((entry) => ({ path: new URL(entry.name).pathname, transferred: entry.transferSize })),
    );
    expect(code.length).toBeGreaterThan(5);
    expect(code.filter((file) => file.transferred > 0)).toEqual([]);
    await again.close();
  });

  test('/jobs: the first thing drawn is the page, never a loading page replaced by it', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const seen = { loadingPage: false };
      Object.assign(window, { seen });
      new MutationObserver(() => {
        if (document.querySelector('.ms-Spinner-label')?.textContent === 'Loading…')
          seen.loadingPage = true;
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('/jobs');
    await expect(page.getByRole('grid', { name: 'Jobs' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
    expect(
      await page.evaluate(() => (window as unknown as { seen: { loadingPage: boolean } }).seen),
    ).toEqual({ loadingPage: false });
  });
});
