import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test.ts';

const KB = 1000;
const DIST = join(import.meta.dirname, '..', 'dist');

/** Files of the chunks the build made for these source modules (from Vite's manifest). */
function chunkFiles(...modules: string[]): string[] {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    { file: string }
  >;
  return modules.map((module) => `/${manifest[module]!.file}`);
}

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

  test('/jobs asks for its page chunks before the router starts: before its first data request', async ({
    page,
  }) => {
    await page.goto('/jobs');
    await expect(page.getByRole('grid', { name: 'Jobs' })).toBeVisible();
    const started = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((entry) => ({ path: new URL(entry.name).pathname, at: entry.startTime })),
      );
    await expect
      .poll(async () => (await started()).map(({ path }) => path))
      .toContain('/api/v1/jobs');
    const requests = await started();
    const startOf = (path: string) => requests.find((request) => request.path === path)!.at;
    const listRequest = startOf('/api/v1/jobs');
    for (const chunk of chunkFiles('src/app/routes/layout.tsx', 'src/app/routes/jobs.tsx'))
      expect(startOf(chunk), `${chunk} vs the list request`).toBeLessThan(listRequest);
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
