import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';

/**
 * Opens `/` signed out and adds up the gzip size of every script and style the browser asks for
 * until the sign-in page stands (as a server that compresses would send them).
 */
export async function signInPageBytes(
  browser: Browser,
  baseURL: string,
): Promise<{ gzipBytes: number; files: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || type === 'stylesheet') bodies.push(response.body());
  });
  try {
    await page.goto(`${baseURL}/`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const sizes = await Promise.all(bodies.map(async (body) => gzipSync(await body).length));
    return { gzipBytes: sizes.reduce((sum, size) => sum + size, 0), files: sizes.length };
  } finally {
    await context.close();
  }
}
