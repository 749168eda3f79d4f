import type { Locator, Page } from '@playwright/test';

/** The signed-in frame: top bar with the account menu, left nav. */
export class AppShell {
  readonly accountMenu: Locator;
  readonly nav: Locator;

  constructor(readonly page: Page) {
    this.accountMenu = page.getByRole('button', { name: /^Account menu for/ });
    this.nav = page.getByRole('navigation', { name: 'Main' });
  }

  async openMenuItem(name: string | RegExp): Promise<void> {
    await this.accountMenu.click();
    await this.page.getByRole('menuitem', { name }).click();
  }

  signOut(): Promise<void> {
    return this.openMenuItem('Sign out');
  }
}
