import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { chromiumFlags } from '../playwright.config.ts';
import type { Session } from '../src/lib/session.ts';
import { bareListPageBuild, portalBuild } from './fixtures/builds.ts';
import {
  ADMIN,
  largeStore,
  startSeededServer,
  type SeededServer,
} from './fixtures/seeded-server.ts';
import { atMost, median, ms, type BenchSection, type Measurement } from './section.ts';
import { signInPageBytes } from './sign-in-bytes.ts';

/** In one job name of five at every store size (see seedJobName). */
const KEYWORD = 'resnet';
/** A job's link in the list: the early drawing's table, the app's grid or the bare page's table. */
const JOB_LINKS = '[aria-label="Jobs"] a[href^="/jobs/"]';
/** The same in a grid that can be used: the app's own list (and the bare page's). */
const USABLE_JOB_LINKS = '[role="grid"][aria-label="Jobs"] a[href^="/jobs/"]';

declare global {
  interface Window {
    benchFirstRowAt?: number;
    benchUsableRowAt?: number;
    benchKeyAt?: number;
    benchFilteredAt?: Promise<number>;
  }
}

/**
 * Runs in every new document: notes when a job first shows in the list, and when it first shows
 * in a list that can be used (ms since navigation start).
 */
function watchFirstRow({ shown, usable }: { shown: string; usable: string }): void {
  const observer = new MutationObserver(() => {
    if (document.querySelector(shown)) window.benchFirstRowAt ??= performance.now();
    if (document.querySelector(usable)) {
      window.benchUsableRowAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Runs before the key press: resolves when every job shown matches the keyword. */
function watchFiltered({ selector, keyword }: { selector: string; keyword: string }): void {
  addEventListener(
    'keydown',
    (event) => (event.key === 'Enter' ? (window.benchKeyAt = performance.now()) : undefined),
    {
      capture: true,
      once: true,
    },
  );
  window.benchFilteredAt = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const names = [...document.querySelectorAll(selector)].map((link) => link.textContent ?? '');
      if (names.length > 0 && names.every((name) => name.includes(keyword))) {
        observer.disconnect();
        resolve(performance.now());
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

interface PageTimes {
  firstRow: number;
  usableRow: number;
  filtered: number;
}

/** The portal's job list, and the bare baseline page (React only) on the same server. */
const PORTAL_PATH = '/jobs';
const BARE_PATH = '/bare/index.html';

/** One visit: open the page, wait for the first row, then search for the keyword (typed, then Enter). */
async function visit(context: BrowserContext, url: string): Promise<PageTimes> {
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  try {
    await page.goto(url);
    const [firstRow, usableRow] = (await (
      await page.waitForFunction(
        () => (window.benchUsableRowAt ? [window.benchFirstRowAt!, window.benchUsableRowAt] : null),
        undefined,
        { timeout: 60_000 },
      )
    ).jsonValue())!;
    await page.waitForLoadState('networkidle');
    await page.evaluate(watchFiltered, { selector: JOB_LINKS, keyword: KEYWORD });
    const search = page.getByRole('searchbox', { name: 'Search jobs by job or user name' });
    await search.fill(KEYWORD);
    await search.press('Enter');
    const filtered = await page.evaluate(
      async () => (await window.benchFilteredAt!) - window.benchKeyAt!,
    );
    if (errors.length)
      throw new Error(`page errors: ${errors.map((error) => error.message).join('; ')}`);
    return { firstRow: firstRow!, usableRow: usableRow!, filtered };
  } finally {
    await page.close();
  }
}

async function signedInContext(browser: Browser, target: SeededServer): Promise<BrowserContext> {
  const context = await browser.newContext();
  const session: Session = {
    user: ADMIN.username,
    token: target.token,
    admin: true,
    expiresAt: null,
  };
  await context.addInitScript(
    (text) => localStorage.setItem('pai-session', text),
    JSON.stringify(session),
  );
  await context.addInitScript(watchFirstRow, { shown: JOB_LINKS, usable: USABLE_JOB_LINKS });
  return context;
}

const SMALL_STORE = 100;
const PAGES = ['portal', 'bare'] as const;
type Times = Record<(typeof PAGES)[number], [PageTimes[], PageTimes[]]>;

/** Section 3: the job list in Chromium at 100 and 100,000 jobs, against a bare React page, in one run. */
export const jobListPageSection: BenchSection = {
  name: 'list-page',
  async run({ quick }) {
    const samples = quick ? 3 : 7;
    const portal = await portalBuild();
    await bareListPageBuild(portal.outDir);
    const servers: SeededServer[] = [];
    let browser: Browser | undefined;
    try {
      const small = await startSeededServer(SMALL_STORE, portal.outDir);
      servers.push(small);
      const large = await startSeededServer(largeStore(quick), portal.outDir);
      servers.push(large);
      browser = await chromium.launch({
        executablePath: process.env.PAI_CHROMIUM ?? '/usr/bin/chromium',
        args: chromiumFlags,
      });
      const signIn = await signInPageBytes(browser, small.server.baseURL);
      const targets = [
        { server: small, context: await signedInContext(browser, small) },
        { server: large, context: await signedInContext(browser, large) },
      ] as const;
      const url = (which: (typeof PAGES)[number], size: 0 | 1) =>
        `${targets[size].server.server.baseURL}${which === 'portal' ? PORTAL_PATH : BARE_PATH}`;
      for (const which of PAGES)
        for (const size of [0, 1] as const) await visit(targets[size].context, url(which, size)); // warm-up
      const times: Times = { portal: [[], []], bare: [[], []] };
      for (let i = 0; i < samples; i++)
        for (const which of PAGES)
          for (const size of [0, 1] as const)
            times[which][size].push(await visit(targets[size].context, url(which, size)));
      const med = (which: (typeof PAGES)[number], size: 0 | 1, pick: (t: PageTimes) => number) =>
        median(times[which][size].map(pick));
      const firstRow = (t: PageTimes) => t.firstRow;
      const usableRow = (t: PageTimes) => t.usableRow;
      const filtered = (t: PageTimes) => t.filtered;
      const ratio = (
        metric: string,
        a: number,
        b: number,
        limit: number,
        what: string,
      ): Measurement => ({
        metric,
        value: a / b,
        unit: '×',
        ...atMost(a / b, limit),
        note: `${ms(a)} vs ${ms(b)} ${what}; median of ${samples}`,
      });
      const jobs = (size: 0 | 1) => (size ? large.store.jobs : SMALL_STORE);
      return [
        ...([0, 1] as const).map((size) =>
          ratio(
            `navigation → first row at ${jobs(size)} jobs: portal ÷ bare React page`,
            med('portal', size, firstRow),
            med('bare', size, firstRow),
            1.5,
            '(portal vs bare)',
          ),
        ),
        ...([0, 1] as const).map((size): Measurement => ({
          metric: `navigation → first row in the app's own list at ${jobs(size)} jobs: portal ÷ bare`,
          value: med('portal', size, usableRow) / med('bare', size, usableRow),
          unit: '×',
          note: `${ms(med('portal', size, usableRow))} vs ${ms(med('bare', size, usableRow))}: when the list can be used (the first row above is the early drawing); median of ${samples}`,
        })),
        ratio(
          `navigation → first row: ${jobs(1)} ÷ ${SMALL_STORE} jobs (portal)`,
          med('portal', 1, firstRow),
          med('portal', 0, firstRow),
          1.2,
          `(bare page: ${ms(med('bare', 1, firstRow))} vs ${ms(med('bare', 0, firstRow))})`,
        ),
        ratio(
          `Enter in search ("${KEYWORD}") → filtered rows: ${jobs(1)} ÷ ${SMALL_STORE} jobs (portal)`,
          med('portal', 1, filtered),
          med('portal', 0, filtered),
          1.2,
          `(bare page: ${ms(med('bare', 1, filtered))} vs ${ms(med('bare', 0, filtered))})`,
        ),
        {
          metric: 'signed-out / : sign-in page as the browser loads it',
          value: signIn.gzipBytes,
          unit: 'B',
          ...atMost(signIn.gzipBytes, 200_000, '200 kB'),
          note: `gzip of every script and style requested (${signIn.files} files), measured in Chromium`,
        },
      ];
    } finally {
      await browser?.close();
      await Promise.all(servers.map((target) => target.server.stop()));
    }
  },
};
