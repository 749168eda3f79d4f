import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { chromiumFlags } from '../playwright.config.ts';
import type { Session } from '../src/lib/session.ts';
import { portalBuild } from './fixtures/builds.ts';
import {
  ADMIN,
  largeStore,
  startSeededServer,
  type SeededServer,
} from './fixtures/seeded-server.ts';
import { atMost, median, ms, type BenchSection, type Measurement } from './section.ts';

/** In one job name of five at every store size (see seedJobName). */
const KEYWORD = 'resnet';
const JOB_LINKS = '[role="grid"][aria-label="Jobs"] a[href^="/jobs/"]';

declare global {
  interface Window {
    benchFirstRowAt?: number;
    benchKeyAt?: number;
    benchFilteredAt?: Promise<number>;
  }
}

/** Runs in every new document: notes when the list first shows a job (ms since navigation start). */
function watchFirstRow(selector: string): void {
  const observer = new MutationObserver(() => {
    if (document.querySelector(selector)) {
      window.benchFirstRowAt = performance.now();
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
  filtered: number;
}

/** One visit: open /jobs, wait for the first row, then search for the keyword (typed, then Enter). */
async function visit(context: BrowserContext, baseURL: string): Promise<PageTimes> {
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  try {
    await page.goto(`${baseURL}/jobs`);
    const firstRow = (await (
      await page.waitForFunction(() => window.benchFirstRowAt, undefined, { timeout: 60_000 })
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
    return { firstRow, filtered };
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
  await context.addInitScript(watchFirstRow, JOB_LINKS);
  return context;
}

const SMALL_STORE = 100;

/** Section 3: the job list page in Chromium with 100,000 jobs against the same with 100, in one run. */
export const jobListPageSection: BenchSection = {
  name: 'list-page',
  async run({ quick }) {
    const samples = quick ? 3 : 7;
    const portal = await portalBuild();
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
      const contexts = [
        await signedInContext(browser, small),
        await signedInContext(browser, large),
      ] as const;
      await visit(contexts[0], small.server.baseURL); // warm-up: the browser's cache and both servers
      await visit(contexts[1], large.server.baseURL);
      const times: [PageTimes[], PageTimes[]] = [[], []];
      for (let i = 0; i < samples; i++) {
        times[0].push(await visit(contexts[0], small.server.baseURL));
        times[1].push(await visit(contexts[1], large.server.baseURL));
      }
      const row = (metric: string, pick: (t: PageTimes) => number): Measurement => {
        const [few, many] = times.map((list) => median(list.map(pick))) as [number, number];
        return {
          metric: `${metric}: ${large.store.jobs} ÷ ${SMALL_STORE} jobs`,
          value: many / few,
          unit: '×',
          ...atMost(many / few, 1.5),
          note: `${ms(many)} vs ${ms(few)}; median of ${samples}`,
        };
      };
      return [
        row('navigation → first row', (t) => t.firstRow),
        row(`Enter in search ("${KEYWORD}") → filtered rows`, (t) => t.filtered),
      ];
    } finally {
      await browser?.close();
      await Promise.all(servers.map((target) => target.server.stop()));
    }
  },
};
