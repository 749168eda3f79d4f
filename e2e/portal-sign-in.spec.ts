import { AppShell } from './pages/app-shell.ts';
import { LoginPage } from './pages/login-page.ts';
import { expect, test } from './fixtures/test.ts';

test.describe('sign-in', () => {
  test('a wrong password first, then signing in brings the person to the page they asked for', async ({
    page,
    api,
  }) => {
    await api.createUser('carol');
    await page.goto('/jobs?state=Running');
    await expect(page).toHaveURL(/\/login\?from=%2Fjobs%3Fstate%3DRunning$/);

    const login = new LoginPage(page);
    await login.signIn('carol', 'not-her-password');
    await expect(login.errorText('User name or password is incorrect.')).toBeVisible();
    await expect(page).toHaveURL(/\/login/);

    await login.signIn('nobody-here', 'whatever-password');
    await expect(login.errorText('User name or password is incorrect.')).toBeVisible();

    await login.username.fill('carol');
    await login.password.fill('carol-password');
    await login.password.press('Enter'); // Enter submits
    await expect(page).toHaveURL(/\/jobs\?state=Running$/);
    await expect(page.getByRole('heading', { name: 'Jobs' })).toBeVisible();
    // Not "keep me signed in": the session lives only in this tab.
    const stored = await page.evaluate(() => [
      sessionStorage.getItem('pai-session'),
      localStorage.getItem('pai-session'),
    ]);
    expect(stored[0]).toContain('"user":"carol"');
    expect(stored[1]).toBeNull();
  });

  test('repeated wrong passwords are slowed down, and the page says so', async ({ page, api }) => {
    await api.createUser('kate');
    const login = new LoginPage(page);
    await login.goto();
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const answered = page.waitForResponse('**/api/v1/authn/basic/login');
      await login.signIn('kate', 'guess-password');
      await answered;
    }
    await expect(login.errorText(/Too many failed sign-ins for kate/)).toBeVisible();
    await expect(login.signInButton).toBeEnabled();
  });

  test('says when the server cannot be reached', async ({ page }) => {
    await page.route('**/api/v1/authn/basic/login', (route) => route.abort('connectionrefused'));
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn('admin', 'some-password');
    await expect(page.getByText(/Cannot reach the server/)).toBeVisible();
    await expect(login.signInButton).toBeEnabled();
  });

  test('keep me signed in survives a new tab', async ({ page, context, server }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(server.adminUsername, server.adminPassword, { keep: true });
    await expect(page).toHaveURL(/\/$/);
    const other = await context.newPage();
    await other.goto('/jobs');
    await expect(other.getByRole('heading', { name: 'Jobs' })).toBeVisible();
  });
});

test.describe('a revoked token', () => {
  test.use({ signedInAs: 'dave' });

  test('a revoked token sends the person to sign in and back', async ({ page, api }) => {
    await page.goto('/jobs?keyword=abc');
    await expect(page.getByRole('heading', { name: 'Jobs' })).toBeVisible();
    const token = await page.evaluate(
      () => JSON.parse(localStorage.getItem('pai-session')!).token as string,
    );
    await api.logout(token);

    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page).toHaveURL(/\/login\?from=%2Fjobs%3Fkeyword%3Dabc$/);
    await expect(page.getByText('Your session ended; sign in to continue.')).toBeVisible();
    await new LoginPage(page).signIn('dave', 'dave-password', { keep: true });
    await expect(page).toHaveURL(/\/jobs\?keyword=abc$/);
    await expect(page.getByRole('searchbox')).toHaveValue('abc');
  });
});

test.describe('an expired token', () => {
  test.use({ signedInAs: 'erin' });

  test('an expired token is noticed before any request and the person comes back after sign-in', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: /Welcome, erin/ })).toBeVisible();
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('pai-session')!);
      localStorage.setItem(
        'pai-session',
        JSON.stringify({ ...session, expiresAt: Date.now() - 1000 }),
      );
    });
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/jobs')) apiCalls.push(request.url());
    });
    await page.goto('/jobs?vc=default');
    await expect(page).toHaveURL(/\/login\?from=%2Fjobs%3Fvc%3Ddefault$/);
    expect(apiCalls).toEqual([]);
    await new LoginPage(page).signIn('erin', 'erin-password', { keep: true });
    await expect(page).toHaveURL(/\/jobs\?vc=default$/);
  });
});

test.describe('sign out', () => {
  test.use({ signedInAs: 'frank' });

  test('sign out revokes the token and clears it everywhere', async ({ page, api }) => {
    await page.goto('/');
    const token = await page.evaluate(
      () => JSON.parse(localStorage.getItem('pai-session')!).token as string,
    );
    await new AppShell(page).signOut();
    await expect(page).toHaveURL(/\/login$/);
    const stored = await page.evaluate(() => [
      sessionStorage.getItem('pai-session'),
      localStorage.getItem('pai-session'),
    ]);
    expect(stored).toEqual([null, null]);
    await expect(api.listJobs(token)).rejects.toThrow(/401/);
    await page.goto('/jobs');
    await expect(page).toHaveURL(/\/login\?from=%2Fjobs$/);
  });
});
