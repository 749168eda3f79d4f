import { expect, type Locator, type Page } from '@playwright/test';

/** The users page: one row per user, actions named after the user they act on. */
export class AdminUsersPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Users' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/users');
    // A worker's first page waits for its chunks too: over 10 s at a load average of 25.
    await expect(this.table).toBeVisible({ timeout: 30_000 });
  }

  row(username: string): Locator {
    return this.table.getByRole('row').filter({
      has: this.page.getByRole('rowheader', { name: username, exact: true }),
    });
  }

  cell(username: string, column: number): Locator {
    return this.row(username).getByRole('cell').nth(column);
  }

  /** The generated password in the open dialog, after checking it is offered for copying. */
  async shownPassword(username: string): Promise<string> {
    const dialog = this.page.getByRole('alertdialog');
    await expect(
      dialog.getByRole('button', { name: `Copy password for ${username}` }),
    ).toBeVisible();
    const password = (await dialog.getByTestId('generated-password').textContent()) ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    return password;
  }
}
