import { expect, test } from './fixtures/test.ts';
import { AdminUsersPage } from './pages/admin-pages.ts';
import { seriousViolations } from './pages/axe-report.ts';
import { AppShell } from './pages/app-shell.ts';
import { LoginPage } from './pages/login-page.ts';

const unique = (name: string) => `${name}-${Date.now().toString(36)}`;

test.describe('as an admin', () => {
  test.use({ signedInAs: 'admin' });

  test('lists users with admin rights, virtual clusters, email, jobs and last sign-in', async ({
    page,
    api,
  }) => {
    const username = unique('una');
    await api.createUser(username); // signs in once
    api.importJobs([
      { name: 'u1', username, state: 'SUCCEEDED', createdTime: 1_650_000_000_000 },
      { name: 'u2', username, state: 'FAILED', createdTime: 1_650_000_001_000 },
    ]);
    await page.goto('/');
    await new AppShell(page).nav.getByRole('link', { name: 'Users' }).click();
    await expect(page).toHaveURL('/admin/users');
    const users = new AdminUsersPage(page);
    await expect(users.row(username)).toBeVisible();
    await expect(page.getByRole('switch', { name: `${username} is an admin` })).not.toBeChecked();
    await expect(users.cell(username, 1)).toHaveText('default');
    await expect(users.cell(username, 3)).toHaveText('2');
    await expect(users.cell(username, 4)).toHaveText(/just now|seconds? ago|minutes? ago/);
    await expect(page.getByRole('switch', { name: 'admin is an admin' })).toBeChecked();
    await expect(page.getByRole('switch', { name: 'admin is an admin' })).toBeDisabled();
  });

  test('creates a user whose generated password is shown once and signs in', async ({ page }) => {
    const username = unique('newbie');
    const users = new AdminUsersPage(page);
    await users.goto();
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'New user' });
    await dialog.getByLabel('User name').fill(username);
    await dialog.getByLabel('Email').fill(`${username}@example.org`);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    const password = await users.shownPassword(username);
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await expect(users.cell(username, 2)).toHaveText(`${username}@example.org`);
    await expect(users.cell(username, 4)).toHaveText('never');
    await expect(page.getByTestId('generated-password')).toHaveCount(0);

    // Signed out here without revoking the admin's token (other tests reuse it), then in as the new user.
    await page.evaluate(() => {
      sessionStorage.clear();
      localStorage.clear();
    });
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(username, password);
    await expect(page.getByRole('button', { name: `Account menu for ${username}` })).toBeVisible();
  });

  test('resets a password: the new one works, the old one no longer does', async ({
    page,
    api,
  }) => {
    const username = unique('forgetful');
    await api.createUser(username);
    const users = new AdminUsersPage(page);
    await users.goto();
    await page.getByRole('button', { name: `Reset the password of ${username}` }).click();
    await page.getByRole('button', { name: 'Reset password' }).click();
    const password = await users.shownPassword(username);
    await page.getByRole('button', { name: 'Done' }).click();
    expect((await api.login(username, password)).user).toBe(username);
    await expect(api.login(username, `${username}-password`)).rejects.toThrow(/400/);
  });

  test('makes a user an admin and back', async ({ page, api }) => {
    const username = unique('promoted');
    await api.createUser(username);
    const users = new AdminUsersPage(page);
    await users.goto();
    const toggle = page.getByRole('switch', { name: `${username} is an admin` });
    await toggle.click();
    await expect(toggle).toBeChecked();
    await expect(users.cell(username, 1)).toHaveText('all (admin)');
    expect((await api.login(username, `${username}-password`)).admin).toBe(true);
    await expect(page.getByRole('button', { name: `Delete ${username}` })).toBeDisabled();
    await toggle.click();
    await expect(toggle).not.toBeChecked();
    expect((await api.login(username, `${username}-password`)).admin).toBe(false);
  });

  test('assigns virtual clusters', async ({ page, api, server }) => {
    const username = unique('grantee');
    const vc = `grant_${Date.now().toString(36)}`;
    await api.createUser(username);
    const admin = await api.admin();
    const put = await fetch(`${server.baseURL}/api/v1/virtual-clusters/${vc}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ vcCapacity: 1 }),
    });
    expect(put.status).toBe(201);
    try {
      const users = new AdminUsersPage(page);
      await users.goto();
      await page.getByRole('button', { name: `Virtual clusters of ${username}` }).click();
      const dialog = page.getByRole('alertdialog', { name: `Virtual clusters of ${username}` });
      // Fluent draws the box over a hidden input: a person clicks the label.
      await dialog.getByText(vc, { exact: true }).click();
      await dialog.getByText('default', { exact: true }).click();
      await expect(dialog.getByRole('checkbox', { name: vc })).toBeChecked();
      await expect(dialog.getByRole('checkbox', { name: 'default' })).not.toBeChecked();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect(dialog).toHaveCount(0);
      await expect(users.cell(username, 1)).toHaveText(vc);
    } finally {
      await fetch(`${server.baseURL}/api/v1/virtual-clusters/${vc}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${admin}` },
      });
    }
  });

  test('deletes a user after saying what happens to their jobs', async ({ page, api }) => {
    const username = unique('leaver');
    await api.createUser(username);
    api.importJobs([{ name: 'kept', username, state: 'SUCCEEDED' }]);
    const users = new AdminUsersPage(page);
    await users.goto();
    await page.getByRole('button', { name: `Delete ${username}` }).click();
    const dialog = page.getByRole('alertdialog', { name: `Delete user ${username}?` });
    await expect(dialog).toContainText('Their 1 job stay in the job list');
    await expect(dialog).toContainText('still running or waiting are stopped now');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(users.row(username)).toBeVisible();

    await page.getByRole('button', { name: `Delete ${username}` }).click();
    await dialog.getByRole('button', { name: 'Delete user' }).click();
    await expect(users.row(username)).toHaveCount(0);
    await expect(api.login(username, `${username}-password`)).rejects.toThrow(/400/);
  });

  test('has no serious accessibility violations, with a dialog open too', async ({ page }) => {
    test.setTimeout(120_000); // two axe runs on a loaded 2-core machine
    const users = new AdminUsersPage(page);
    await users.goto();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'New user' }).click();
    await expect(
      page.getByRole('alertdialog', { name: 'New user' }).getByLabel('User name'),
    ).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('as someone who is not an admin', () => {
  test.use({ signedInAs: 'nadia' });

  test('sees no administration in the navigation, and "Administrators only" at its addresses', async ({
    page,
  }) => {
    test.setTimeout(120_000); // a first sign-in and three pages: 60 s ran out at a load average of 25
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto('/');
    const nav = new AppShell(page).nav;
    await expect(nav.getByRole('link', { name: 'Jobs' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Virtual clusters' })).toHaveCount(0);
    for (const path of ['/admin/users', '/admin/virtual-clusters']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: 'Administrators only' })).toBeVisible();
    }
    expect(requests).not.toContain('/api/v2/user');
  });
});
