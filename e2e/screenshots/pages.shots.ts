import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { PaiApi } from '../../testing/api.ts';
import { expect, test } from '../fixtures/test.ts';

const OUT = join(import.meta.dirname, '..', '..', 'screenshots');
const WIDTHS = [390, 900, 1440];
const THEMES = ['light', 'dark'] as const;
const USER = 'sam';
const RUNNING = 'hello-running';
const FAILED = 'train-fails';
const TABS = ['tasks', 'resources', 'attempts', 'config', 'ssh', 'logs'];
/** Anything still loading: spinners, shimmer placeholders, a grid being fetched. */
const LOADING = '.ms-Spinner, .ms-Shimmer-container, [aria-busy="true"]';

type Who = 'nobody' | 'user' | 'admin';

interface Shot {
  name: string;
  path: string;
  /** What the page shows once its data is in. */
  ready: (page: Page) => Locator;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

const SHOTS: Record<Who, Shot[]> = {
  nobody: [
    {
      name: 'login',
      path: '/login',
      ready: (page) => page.getByRole('button', { name: 'Sign in' }),
    },
  ],
  user: [
    {
      name: 'dashboard',
      path: '/',
      ready: (page) => page.getByRole('region', { name: 'My recent jobs' }).getByText(RUNNING),
    },
    { name: 'jobs', path: '/jobs', ready: (page) => page.getByRole('grid').getByText(RUNNING) },
    {
      name: 'jobs-filtered',
      path: `/jobs?state=Failed,Succeeded&user=${USER}`,
      ready: (page) => page.getByRole('grid').getByText(FAILED),
    },
    ...TABS.map((tab) => ({
      name: `job-running-${tab}`,
      path: `/jobs/${USER}/${RUNNING}?tab=${tab}`,
      ready: (page: Page) => page.getByRole('tab', { name: new RegExp(tab, 'i'), selected: true }),
    })),
    {
      name: 'job-failed',
      path: `/jobs/${USER}/${FAILED}`,
      ready: (page) => page.getByRole('term').filter({ hasText: 'Exit code' }),
    },
    { name: 'submit', path: '/submit', ready: (page) => page.locator('.monaco-editor').first() },
    { name: 'not-found', path: '/no-such-page', ready: heading },
  ],
  admin: [
    {
      name: 'admin-users',
      path: '/admin/users',
      ready: (page) => page.getByRole('rowheader', { name: USER, exact: true }),
    },
    {
      name: 'admin-virtual-clusters',
      path: '/admin/virtual-clusters',
      ready: (page) => page.getByRole('region', { name: 'default' }),
    },
  ],
};

/** Jobs in every state the pages show: imported history, one that failed, one that runs. */
async function seed(api: PaiApi): Promise<string> {
  const now = Date.now();
  api.importJobs([
    {
      name: 'imagenet-resnet50',
      username: USER,
      state: 'SUCCEEDED',
      createdTime: now - 86_400_000,
      completedTime: now - 80_000_000,
    },
    {
      name: 'bert-seq-512',
      username: USER,
      state: 'FAILED',
      createdTime: now - 7_200_000,
      completedTime: now - 3_600_000,
    },
    {
      name: 'old-legacy-job',
      username: 'admin',
      state: 'STOPPED',
      legacy: true,
      createdTime: now - 172_800_000,
      completedTime: now - 170_000_000,
    },
  ]);
  // After the import: its CLI blocks this process, and a kept-alive socket may close meanwhile.
  await api.ensureUser(USER);
  const token = (await api.login(USER, `${USER}-password`)).token;
  await api.submitJob(token, USER, { jobName: FAILED, command: 'echo "loss: nan" >&2; exit 3' });
  await api.submitJob(token, USER, { jobName: RUNNING, command: 'echo hello; sleep 3600' });
  for (const [jobName, state] of [
    [RUNNING, 'RUNNING'],
    [FAILED, 'FAILED'],
  ]) {
    await expect.poll(async () => (await api.findJob(token, USER, jobName!))?.state).toBe(state);
  }
  return token;
}

test.use({ signedInAs: null });

test('screenshots of every page, at 390, 900 and 1440 px, light and dark', async ({
  browser,
  api,
  server,
  accounts,
}) => {
  const started = Date.now();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const token = await seed(api);
  const storage: Record<Who, Awaited<ReturnType<typeof accounts.storageState>>> = {
    nobody: { cookies: [], origins: [] },
    user: await accounts.storageState(USER),
    admin: await accounts.storageState(server.adminUsername),
  };
  const stillLoading: string[] = [];
  try {
    for (const theme of THEMES) {
      for (const who of Object.keys(SHOTS) as Who[]) {
        const context = await browser.newContext({
          baseURL: server.baseURL,
          colorScheme: theme,
          storageState: storage[who],
        });
        const page = await context.newPage();
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          for (const shot of SHOTS[who]) {
            const file = `${shot.name}-${width}-${theme}.png`;
            await page.goto(shot.path);
            await expect(heading(page).first()).toBeVisible();
            await expect(shot.ready(page)).toBeVisible();
            // Some parts may wait on a task (SSH opens seconds after it starts): shown as they are.
            await expect(page.locator(LOADING))
              .toHaveCount(0, { timeout: 15_000 })
              .catch(() => stillLoading.push(file));
            await page.screenshot({
              path: join(OUT, file),
              fullPage: true,
              animations: 'disabled',
            });
          }
        }
        await context.close();
      }
    }
  } finally {
    await api.stopJob(token, USER, RUNNING);
  }
  const written = readdirSync(OUT).length;
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`${written} screenshots in ${OUT} (${seconds} s)`);
  if (stillLoading.length) console.log(`Still loading when taken: ${stillLoading.join(', ')}`);
  const perPage = Object.values(SHOTS).flat().length;
  expect(written).toBe(perPage * WIDTHS.length * THEMES.length);
});
