import type { Page } from '@playwright/test';
import { chromiumFlags } from '../playwright.config.ts';
import { PaiApi } from '../testing/api.ts';
import {
  MSAL_TOKEN_TTL_SECONDS,
  startOidcCluster,
  type OidcCluster,
} from './fixtures/oidc-cluster.ts';
import { OIDC_PASSWORD } from '../testing/oidc-provider.ts';
import type { RunningServer } from '../testing/server.ts';
import { expect, test as portalTest } from './fixtures/test.ts';
import { builtFile } from './fixtures/build-files.ts';

/**
 * The portal's fixtures (fail on page errors and on requests off this machine), with one identity
 * provider and two OIDC servers per worker instead of the password server.
 */
const test = portalTest.extend<object, { cluster: OidcCluster }>({
  cluster: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const cluster = await startOidcCluster();
      await use(cluster);
      await cluster.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  // Each test names its server; nobody is signed in beforehand.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => use(undefined),
  // eslint-disable-next-line no-empty-pattern
  storageState: async ({}, use) => use(undefined),
});

// The provider's certificate is made by the test; Chromium is told to accept it (MSAL needs https).
test.use({
  launchOptions: {
    executablePath: process.env.PAI_CHROMIUM ?? '/usr/bin/chromium',
    args: [...chromiumFlags, '--ignore-certificate-errors'],
  },
});

interface StoredSession {
  user: string;
  token: string;
  admin: boolean;
  expiresAt: number;
}

async function storedSession(page: Page): Promise<StoredSession | null> {
  return page.evaluate(() => {
    const text = sessionStorage.getItem('pai-session') ?? localStorage.getItem('pai-session');
    return text ? (JSON.parse(text) as StoredSession) : null;
  });
}

/**
 * The provider's own login page (its development interactions: any password), then its consent
 * page when the portal asks for offline access (MSAL does, for refresh tokens).
 */
async function signInAtProviderPage(
  page: Page,
  cluster: OidcCluster,
  login: string,
  { consent = false } = {},
) {
  await expect(page).toHaveURL(new RegExp(`^${cluster.idp.issuer}/interaction/`));
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill(OIDC_PASSWORD);
  await page.getByRole('button', { name: 'Sign-in' }).click();
  if (consent) await page.getByRole('button', { name: 'Continue' }).click();
}

/** Every entry of this tab's history, from Chromium itself. */
async function historyUrls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { entries } = await cdp.send('Page.getNavigationHistory');
  await cdp.detach();
  return entries.map((entry) => entry.url);
}

/** The status of `GET /api/v1/user/:user` with this token: 200 while it is valid, 401 once revoked. */
async function tokenStatus(server: RunningServer, user: string, token: string): Promise<number> {
  const response = await fetch(`${server.baseURL}/api/v1/user/${user}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return response.status;
}

async function signOut(page: Page, user: string) {
  await page.getByRole('button', { name: `Account menu for ${user}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
}

/** The built portal's file of MSAL (a chunk of its own, loaded with import()). */
const msalChunk = () => builtFile('node_modules/@azure/msal-browser/dist/index.mjs');

/** Paths the page requests from now on. */
function requestedPaths(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

/** Main-frame addresses visited from now on. */
function visitedUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url());
  });
  return urls;
}

test('MSAL: sign in through the provider, land on the page first asked for, renew silently, sign out and in again', async ({
  page,
  cluster,
}) => {
  test.setTimeout(120_000);
  const { msal, idp } = cluster;
  let first: StoredSession;
  await page.clock.install(); // the page's clock runs as usual until the test moves it on

  await test.step('sign-in lands on the page first asked for', async () => {
    const requested = requestedPaths(page);
    await page.goto(`${msal.baseURL}/jobs?keyword=hello`);
    await expect(page).toHaveURL(/\/login\?from=/);
    await page.getByRole('button', { name: 'Sign in with Azure AD' }).click();
    await signInAtProviderPage(page, cluster, 'alice', { consent: true });
    await expect(page).toHaveURL(`${msal.baseURL}/jobs?keyword=hello`);
    first = (await storedSession(page))!;
    expect(first).toMatchObject({ user: 'alice', admin: false });
    expect(requested).toContain(msalChunk());
    expect((await historyUrls(page)).filter((url) => /[#&?](code|token)=/.test(url))).toEqual([]);
  });

  await test.step('the job list loads with the new token', async () => {
    await new PaiApi(msal).submitJob(first.token, 'alice', {
      jobName: 'hello-azure',
      command: 'echo hello',
    });
    const jobsRequest = page.waitForRequest(
      (request) => new URL(request.url()).pathname === '/api/v1/jobs',
    );
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Jobs' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'hello-azure' })).toBeVisible();
    expect((await jobsRequest).headers().authorization).toBe(`Bearer ${first.token}`);
  });

  await test.step('before the cluster token expires, MSAL renews it without a page', async () => {
    const visited = visitedUrls(page);
    expect(first.expiresAt - Date.now()).toBeLessThanOrEqual(MSAL_TOKEN_TTL_SECONDS * 1000);
    // Three seconds before the token expires, as far as the page can tell.
    await page.clock.fastForward(
      Math.max(0, first.expiresAt - 3_000 - (await page.evaluate(() => Date.now()))),
    );
    await expect
      .poll(async () => (await storedSession(page))?.token ?? 'none', { timeout: 30_000 })
      .not.toMatch(new RegExp(`^(none|${first.token})$`));
    const renewed = (await storedSession(page))!;
    expect(renewed.user).toBe('alice');
    expect(await tokenStatus(msal, 'alice', renewed.token)).toBe(200);
    expect(visited.filter((url) => url.startsWith(idp.issuer))).toEqual([]);
    await expect(page.getByRole('link', { name: 'hello-azure' })).toBeVisible();
  });

  await test.step('sign out revokes the cluster token and ends the session at the provider', async () => {
    const token = (await storedSession(page))!.token;
    await signOut(page, 'alice');
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect(page).toHaveURL(`${msal.baseURL}/login`);
    expect(await storedSession(page)).toBeNull();
    expect(await tokenStatus(msal, 'alice', token)).toBe(401);
  });

  await test.step('sign in again: the provider asks again, and the portal has a new token', async () => {
    await page.getByRole('button', { name: 'Sign in with Azure AD' }).click();
    await signInAtProviderPage(page, cluster, 'alice', { consent: true });
    await expect(page).toHaveURL(`${msal.baseURL}/`);
    const again = (await storedSession(page))!;
    expect(again.user).toBe('alice');
    expect(await tokenStatus(msal, 'alice', again.token)).toBe(200);
  });
});

test('server flow: OpenPAI’s redirect through the REST server, the token never stays in the address or the history', async ({
  page,
  cluster,
}) => {
  const { serverFlow } = cluster;
  const visited = visitedUrls(page);
  await page.goto(`${serverFlow.baseURL}/jobs`);
  await page.getByRole('button', { name: 'Sign in with Azure AD' }).click();
  await signInAtProviderPage(page, cluster, 'carol');

  await expect(page).toHaveURL(`${serverFlow.baseURL}/jobs`);
  await expect(page.getByRole('heading', { name: 'Jobs' })).toBeVisible();
  const session = (await storedSession(page))!;
  expect(session).toMatchObject({ user: 'carol', admin: true });
  // The server did hand the token over in the address (OpenPAI's way); it is gone from there and from the history.
  expect(visited.some((url) => url.includes(`token=${encodeURIComponent(session.token)}`))).toBe(
    true,
  );
  expect(page.url()).not.toContain('token=');
  expect((await historyUrls(page)).filter((url) => url.includes('token='))).toEqual([]);

  await signOut(page, 'carol');
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(`${serverFlow.baseURL}/login`);
  expect(await tokenStatus(serverFlow, 'carol', session.token)).toBe(401);
});

test('a sign-in the cluster refuses tells the person why', async ({ page, cluster }) => {
  await page.goto(`${cluster.msal.baseURL}/`);
  await page.getByRole('button', { name: 'Sign in with Azure AD' }).click();
  await signInAtProviderPage(page, cluster, 'mallory', { consent: true });
  await expect(
    page.getByText(/Azure AD sign-in failed.*does not give a valid user name/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in with Azure AD' })).toBeVisible();
  expect(await storedSession(page)).toBeNull();
});

portalTest('a password cluster’s pages never download MSAL', async ({ page }) => {
  const requested = requestedPaths(page);
  await page.goto('/jobs');
  await page.getByLabel('User name').fill('nobody');
  await page.getByLabel('Password', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('User name or password is incorrect.')).toBeVisible();
  expect(requested.filter((path) => path.startsWith('/assets/')).length).toBeGreaterThan(1);
  expect(requested).not.toContain(msalChunk());
});
