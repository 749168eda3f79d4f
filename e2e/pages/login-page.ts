import type { Locator, Page } from '@playwright/test';

export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly keepSignedIn: Locator;
  readonly signInButton: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByLabel('User name');
    this.password = page.getByLabel('Password', { exact: true });
    this.keepSignedIn = page.getByRole('checkbox', { name: 'Keep me signed in' });
    this.signInButton = page.getByRole('button', { name: 'Sign in' });
  }

  async goto(from?: string): Promise<void> {
    await this.page.goto(from ? `/login?from=${encodeURIComponent(from)}` : '/login');
  }

  async signIn(
    username: string,
    password: string,
    options: { keep?: boolean } = {},
  ): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    if (options.keep) await this.page.getByText('Keep me signed in').click(); // Fluent hides the input under its label
    await this.signInButton.click();
  }

  /** The error shown on a field or in the form's message bar. */
  errorText(text: string | RegExp): Locator {
    return this.page.getByText(text);
  }
}
