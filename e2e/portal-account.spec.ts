import { AppShell } from './pages/app-shell.ts';
import { LoginPage } from './pages/login-page.ts';
import { expect, test } from './fixtures/test.ts';

const ENDED = 'Your session ended; sign in to continue.';

test.describe('an expired session', () => {
  test.use({ signedInAs: 'uma' });

  test('an expired token says so on the sign-in page; signing out does not', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: /Welcome, uma/ })).toBeVisible();
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('pai-session')!);
      localStorage.setItem(
        'pai-session',
        JSON.stringify({ ...session, expiresAt: Date.now() - 1000 }),
      );
    });
    await page.goto('/jobs');
    await expect(page).toHaveURL(/\/login\?from=%2Fjobs$/);
    await expect(page.getByText(ENDED)).toBeVisible();
    await new LoginPage(page).signIn('uma', 'uma-password');
    await expect(page).toHaveURL(/\/jobs$/);

    await new AppShell(page).signOut();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByText(ENDED)).toHaveCount(0);
  });
});

test.describe('API tokens in the account menu', () => {
  test.use({ signedInAs: 'vic' });

  test('create a named token, copy it, list it; it survives sign-out; revoke it', async ({
    page,
    context,
    api,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    const shell = new AppShell(page);
    await shell.accountMenu.click();
    await expect(page.getByRole('menu')).toContainText('Signed in as vic');
    await page.getByRole('menuitem', { name: 'API tokens…' }).click();

    const dialog = page.getByRole('dialog', { name: 'API tokens' });
    await expect(dialog.getByText('You have no API tokens yet.')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Token name' }).fill('nightly script');
    await dialog.getByRole('combobox', { name: 'Expires' }).click();
    await page.getByRole('option', { name: 'In 30 days' }).click();
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const shown = dialog.getByRole('textbox', { name: 'New API token' });
    await expect(shown).toHaveValue(/^ey/);
    const token = await shown.inputValue();
    await dialog.getByRole('button', { name: 'Copy API token' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(token);

    const table = dialog.getByRole('table', { name: 'Your API tokens' });
    const row = table.getByRole('row').filter({ hasText: 'nightly script' });
    await expect(row).toBeVisible();
    const in30Days = new Date(Date.now() + 30 * 86_400_000).getFullYear().toString();
    await expect(row).toContainText(in30Days);

    await dialog.getByRole('button', { name: 'Close' }).click();
    await shell.signOut();
    await expect(page).toHaveURL(/\/login$/);
    // The copied token still works after signing out.
    await expect(api.listJobs(token)).resolves.toMatchObject({ totalCount: expect.any(Number) });

    await new LoginPage(page).signIn('vic', 'vic-password');
    await shell.accountMenu.click();
    await page.getByRole('menuitem', { name: 'API tokens…' }).click();
    await dialog.getByRole('button', { name: 'Revoke nightly script' }).click();
    await expect(dialog.getByText('You have no API tokens yet.')).toBeVisible();
    await expect(api.listJobs(token)).rejects.toThrow(/401/);
  });

  test('an admin’s menu does not repeat the name', async ({ server, accounts, browser }) => {
    const context = await browser.newContext({
      baseURL: server.baseURL,
      storageState: await accounts.storageState(server.adminUsername),
    });
    const adminPage = await context.newPage();
    await adminPage.goto('/');
    await new AppShell(adminPage).accountMenu.click();
    await expect(adminPage.getByRole('menu')).toContainText('Signed in as admin · administrator');
    await expect(adminPage.getByRole('menu')).not.toContainText('(admin)');
    await context.close();
  });
});
